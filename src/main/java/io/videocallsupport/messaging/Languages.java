package io.videocallsupport.messaging;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The languages customers are offered ({@code vcs.languages.offered}), the one list that the start
 * checks ({@code session.OfferedLanguage}), the customer pages ({@code web.CustomerLocaleResolver})
 * and the consent notice follow; and the staff's language ({@code vcs.languages.agent}). A language
 * is offered only with its own complete bundle, so the application refuses to start when one is
 * missing rather than send a French customer English messages.
 */
@Component
public class Languages {

  private static final String BUNDLE = "i18n/messages";
  /** messages.properties, the base bundle, holds this language. */
  private static final String BASE_BUNDLE_LANGUAGE = "en";

  private final List<Locale> offered;
  private final Locale agent;

  public Languages(@Value("${vcs.languages.offered:en}") List<String> offered,
                   @Value("${vcs.languages.agent:en}") String agent) {
    this.offered = offered.stream().map(String::trim).filter(tag -> !tag.isEmpty()).map(Languages::language)
        .distinct().toList();
    if (this.offered.isEmpty()) {
      throw new IllegalStateException("vcs.languages.offered names no language");
    }
    this.agent = language(agent.trim());
  }

  /** The offered languages in the configured order; the first is the fallback. */
  public List<Locale> offered() {
    return offered;
  }

  public String offeredAsText() {
    return offered.stream().map(Locale::getLanguage).collect(Collectors.joining(", "));
  }

  /** For pages and messages without a known or offered language. */
  public Locale fallback() {
    return offered.get(0);
  }

  /** The language the agent reads the forms in (the consent notice is shown in it too). */
  public Locale agent() {
    return agent;
  }

  /** Whether a language tag such as "fr" or "de-AT" names an offered language. */
  public boolean isOffered(String languageTag) {
    return languageTag != null && offered.contains(new Locale(Locale.forLanguageTag(languageTag).getLanguage()));
  }

  /**
   * The locale to speak to a customer in: their tag when its language is offered (keeping a region
   * such as de-AT for dates), otherwise the fallback.
   */
  public Locale forCustomer(String languageTag) {
    return isOffered(languageTag) ? Locale.forLanguageTag(languageTag) : fallback();
  }

  /** The same for a locale already parsed. */
  public Locale forCustomer(Locale locale) {
    return locale != null && isOffered(locale.toLanguageTag()) ? locale : fallback();
  }

  /** A bare language ("fr") that has a bundle of its own, or a clear error at start. */
  private static Locale language(String tag) {
    if (!tag.matches("[a-z]{2}")) {
      throw new IllegalStateException("vcs.languages: '" + tag + "' is not a two-letter language code such as fr");
    }
    String file = BASE_BUNDLE_LANGUAGE.equals(tag) ? BUNDLE + ".properties" : BUNDLE + "_" + tag + ".properties";
    if (!new ClassPathResource(file).exists()) {
      throw new IllegalStateException("vcs.languages names " + tag + ", but " + file
          + " is missing: a language is offered only with all its wording (pages, email, SMS, consent notice)");
    }
    return new Locale(tag);
  }
}
