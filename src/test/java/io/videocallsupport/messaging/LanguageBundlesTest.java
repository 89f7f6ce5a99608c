package io.videocallsupport.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.support.OfferedLanguages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every offered language is complete, or the build fails: each key of the English bundle present
 * and non-empty, the same arguments, wording safe for MessageFormat, SMS wording within GSM-7, and
 * the start form offering exactly the configured languages. Rendering every template in every
 * language is {@link MessageTemplatesTest}.
 */
class LanguageBundlesTest {

  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

  static Stream<Locale> offered() {
    return OfferedLanguages.fromApplicationYaml().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("offered")
  void everyKeyIsTranslatedWithTheSameArguments(Locale language) {
    Properties english = bundle(Locale.ENGLISH);
    Properties translated = bundle(language);

    Set<String> missing = new TreeSet<>(english.stringPropertyNames());
    missing.removeAll(translated.stringPropertyNames());
    Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
    extra.removeAll(english.stringPropertyNames());
    assertThat(missing).as("keys missing in %s", file(language)).isEmpty();
    assertThat(extra).as("keys in %s that English does not have", file(language)).isEmpty();

    Map<String, String> wrongArguments = new TreeMap<>();
    for (String key : english.stringPropertyNames()) {
      String value = translated.getProperty(key);
      assertThat(value).as("%s in %s", key, file(language)).isNotBlank();
      assertThat(value).as("%s in %s: MessageFormat reads ' as a quote; write ’", key, file(language))
          .doesNotContain("'");
      if (!arguments(value).equals(arguments(english.getProperty(key)))) {
        wrongArguments.put(key, arguments(english.getProperty(key)) + " in English, " + arguments(value) + " here");
      }
    }
    assertThat(wrongArguments).as("arguments that differ from English in %s", file(language)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("offered")
  void smsWordingStaysInTheGsm7Alphabet(Locale language) {
    Properties translated = bundle(language);
    List<String> outside = new ArrayList<>();
    for (String key : translated.stringPropertyNames()) {
      if (key.startsWith("sms.") || key.startsWith("common.sms.")) {
        String value = translated.getProperty(key);
        // the arguments' braces are MessageFormat's, not the customer's
        if (!SmsAlphabet.isGsm7(value.replaceAll("\\{\\d+[^{}]*}", ""))) {
          outside.add(key + "=" + value);
        }
      }
    }
    assertThat(outside).as("SMS wording in %s with characters outside GSM-7", file(language)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("offered")
  void translationsAreTranslated(Locale language) {
    if (language.equals(Locale.ENGLISH)) {
      return;
    }
    Properties english = bundle(Locale.ENGLISH);
    Properties translated = bundle(language);
    List<String> copied = english.stringPropertyNames().stream()
        .filter(key -> key.startsWith("mail.") || key.startsWith("sms.") || key.startsWith("consent."))
        .filter(key -> english.getProperty(key).length() > 20)
        .filter(key -> english.getProperty(key).equals(translated.getProperty(key)))
        .sorted().toList();
    assertThat(copied).as("customer texts in %s still in English", file(language)).isEmpty();
  }

  @Test
  void theStartFormOffersExactlyTheConfiguredLanguages() throws IOException {
    JsonNode form = new ObjectMapper().readTree(projectDir().resolve("forms/start-video-session.form").toFile());
    List<String> options = new ArrayList<>();
    for (JsonNode field : form.findParents("key")) {
      if ("customerLocale".equals(field.path("key").asText())) {
        field.path("values").forEach(option -> options.add(option.path("value").asText()));
      }
    }
    assertThat(options).as("customerLocale options of the start form")
        .containsExactlyElementsOf(offered().map(Locale::getLanguage).toList());
  }

  @Test
  void theConfiguredConsentNoticeHasItsWordingInEveryLanguage() {
    String version = OfferedLanguages.defaultOf("vcs.recording.consent-notice-version");
    for (Locale language : offered().toList()) {
      assertThat(bundle(language).getProperty("consent.notice." + version + ".1"))
          .as("first paragraph of notice %s in %s", version, file(language)).isNotBlank();
    }
  }

  private static Set<String> arguments(String message) {
    Set<String> found = new TreeSet<>();
    Matcher argument = ARGUMENT.matcher(message);
    while (argument.find()) {
      found.add(argument.group(1));
    }
    return found;
  }

  private static String file(Locale language) {
    return language.equals(Locale.ENGLISH) ? "i18n/messages.properties"
        : "i18n/messages_" + language.getLanguage() + ".properties";
  }

  private static Properties bundle(Locale language) {
    Properties properties = new Properties();
    try (InputStream in = LanguageBundlesTest.class.getClassLoader().getResourceAsStream(file(language))) {
      assertThat(in).as("%s for the offered language %s", file(language), language).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static Path projectDir() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  }
}
