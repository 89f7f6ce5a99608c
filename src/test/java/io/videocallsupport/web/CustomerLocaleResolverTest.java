package io.videocallsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.messaging.Languages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Customer pages speak an offered language: the session's, else the browser's, else the first offered. */
class CustomerLocaleResolverTest {

  private final CustomerLocaleResolver resolver =
      new CustomerLocaleResolver(new Languages(List.of("en", "de", "fr", "es"), "en"));

  @Test
  void theSessionsLanguageWinsWhenItIsOffered() {
    assertThat(resolve("fr", "de")).isEqualTo(Locale.FRENCH);
    assertThat(resolve("es", null)).isEqualTo(Locale.forLanguageTag("es"));
    assertThat(resolve("de-AT", null)).as("a region is kept for dates").isEqualTo(Locale.forLanguageTag("de-AT"));
  }

  @Test
  void aLanguageThatIsNotOfferedFallsBackToTheFirstOffered() {
    assertThat(resolve("it", "fr")).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void withoutASessionTheBrowsersOfferedLanguageIsUsed() {
    assertThat(resolve(null, "fr-CA,fr;q=0.9")).isEqualTo(Locale.FRENCH);
    assertThat(resolve(null, "es-MX")).isEqualTo(Locale.forLanguageTag("es"));
    assertThat(resolve(null, "it-IT")).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void onlyLanguagesWithABundleCanBeOffered() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Languages(List.of("en", "it"), "en"))
        .hasMessageContaining("i18n/messages_it.properties is missing");
  }

  private Locale resolve(String sessionLanguage, String acceptLanguage) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    if (acceptLanguage != null) {
      request.addHeader("Accept-Language", acceptLanguage);
    }
    CustomerLocaleResolver.useCustomerLocale(request, sessionLanguage);
    return resolver.resolveLocale(request);
  }
}
