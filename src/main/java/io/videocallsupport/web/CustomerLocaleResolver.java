package io.videocallsupport.web;

import io.videocallsupport.messaging.Languages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Customer pages speak the customer's language as recorded on their session (the one their emails
 * use); pages without a known session, such as an unknown link, follow the browser's
 * Accept-Language. Only the offered languages ({@link Languages}); the first of them when neither
 * fits.
 */
@Component("localeResolver")
public class CustomerLocaleResolver extends AcceptHeaderLocaleResolver {

  private static final String ATTRIBUTE = CustomerLocaleResolver.class.getName() + ".locale";

  private final Languages languages;

  CustomerLocaleResolver(Languages languages) {
    this.languages = languages;
    setSupportedLocales(languages.offered());
    setDefaultLocale(languages.fallback());
  }

  /** Makes this request's pages speak the customer's language (a tag such as "de" or "de-AT"). */
  public static void useCustomerLocale(HttpServletRequest request, String languageTag) {
    if (languageTag != null && !languageTag.isBlank()) {
      request.setAttribute(ATTRIBUTE, Locale.forLanguageTag(languageTag));
    }
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Object chosen = request.getAttribute(ATTRIBUTE);
    return chosen instanceof Locale locale ? languages.forCustomer(locale) : super.resolveLocale(request);
  }
}
