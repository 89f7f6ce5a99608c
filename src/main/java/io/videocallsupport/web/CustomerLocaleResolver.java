package io.videocallsupport.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Customer pages speak the customer's language as recorded on their session (the one their emails
 * use); pages without a known session, such as an unknown link, follow the browser's
 * Accept-Language. English and German, English when neither fits.
 */
@Component("localeResolver")
public class CustomerLocaleResolver extends AcceptHeaderLocaleResolver {

  private static final String ATTRIBUTE = CustomerLocaleResolver.class.getName() + ".locale";

  CustomerLocaleResolver() {
    setSupportedLocales(List.of(Locale.ENGLISH, Locale.GERMAN));
    setDefaultLocale(Locale.ENGLISH);
  }

  /** Makes this request's pages speak the customer's language (a tag such as "de" or "de-AT"). */
  public static void useCustomerLocale(HttpServletRequest request, String languageTag) {
    if (languageTag != null && !languageTag.isBlank()) {
      request.setAttribute(ATTRIBUTE, supported(Locale.forLanguageTag(languageTag)));
    }
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Object chosen = request.getAttribute(ATTRIBUTE);
    return chosen instanceof Locale locale ? locale : super.resolveLocale(request);
  }

  static Locale supported(Locale locale) {
    return Locale.GERMAN.getLanguage().equals(locale.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
  }
}
