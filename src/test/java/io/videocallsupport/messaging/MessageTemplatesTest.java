package io.videocallsupport.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import io.videocallsupport.support.OfferedLanguages;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Renders every customer message template in every offered language (vcs.languages.offered), without
 * a Spring context, and checks what a customer would notice: missing texts, unescaped values, missing
 * links, SMS length.
 */
class MessageTemplatesTest {

  private static final String NAME = "<b>Ann & Bob</b>";
  private static final String NAME_IN_HTML = "&lt;b&gt;Ann &amp; Bob&lt;/b&gt;";
  private static final String TICKET = "T-1042";
  private static final String JOIN_URL = "https://support.example.com/join/q7Lr2XbN9vTgK4mWc8ZpYd";
  private static final String SURVEY_URL = "https://support.example.com/survey/Hx3kP9sQ2mVn7bRt5wLzAe";
  private static final String DOWNLOAD_URL = "https://support.example.com/privacy/download/Ud8sK2nQ5rTz";
  private static final String PRIVACY_URL = "https://support.example.com/privacy/request/Mz4tB7xW1cPq";
  private static final List<String> MODES = List.of("VIDEO", "SCREEN_SHARE_ONLY", "AUDIO_ONLY");
  private static final List<String> OUTCOMES =
      List.of("RESOLVED", "NEEDS_FOLLOW_UP", "NOT_RESOLVED", "FALLBACK_USED", "NO_SHOW", "ENDED_FOR_MISUSE");
  private static final List<Locale> LOCALES = OfferedLanguages.fromApplicationYaml();

  /** GSM 03.38 basic alphabet: SMS made only of these take 160 characters (153 when split). */
  private static final String GSM_7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  private static MessageComposer composer;

  @BeforeAll
  static void composer() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    composer = new MessageComposer(messages);
  }

  /** One message to render: template, model and the link the customer must get. */
  record Case(String label, String template, Map<String, Object> model, String link) {
    @Override
    public String toString() {
      return label;
    }
  }

  // --- models ------------------------------------------------------------------------------

  private static Map<String, Object> common() {
    Map<String, Object> model = new HashMap<>();
    model.put("customerName", NAME);
    model.put("companyName", "Example Support");
    model.put("agentName", "Maria O'Neill");
    model.put("ticketId", TICKET);
    model.put("ticketSubject", "Printer & <scanner> offline");
    model.put("privacyUrl", PRIVACY_URL);
    return model;
  }

  private static Map<String, Object> required() {
    Map<String, Object> model = new HashMap<>();
    model.put("customerName", NAME);
    model.put("companyName", "Example Support");
    model.put("agentName", "your support team");
    model.put("ticketId", TICKET);
    return model;
  }

  private static Map<String, Object> call(String mode, boolean scheduled) {
    Map<String, Object> model = common();
    model.put("joinUrl", JOIN_URL);
    model.put("expectedDurationMinutes", 15);
    model.put("customerPreparation", "Your laptop and its charger\nThe printer's model number");
    model.put("scheduled", scheduled);
    model.put("scheduledStartText", scheduled ? "Wed 26 Nov 2026, 10:00 (Europe/Berlin)" : null);
    model.put("callMode", mode);
    model.put("recordingNotice", true);
    return model;
  }

  private static Map<String, Object> followUp(String outcome) {
    Map<String, Object> model = common();
    model.put("callOutcome", outcome);
    model.put("callSummary", "The printer lost its network settings after a firmware update.");
    model.put("stepsTaken", "Restarted the router\r\nSet a fixed IP address on the printer\r\nPrinted a test page");
    model.put("usefulLinks", "https://help.example.com/printer/network\nSetup guide, page 12");
    model.put("followUpActions", "We check on the firmware with the vendor.\nYou let us know if it drops again.");
    model.put("recordingKept", true);
    return model;
  }

  private static Map<String, Object> with(Map<String, Object> model, Object... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      model.put((String) pairs[i], pairs[i + 1]);
    }
    return model;
  }

  static Stream<Case> emails() {
    List<Case> cases = new ArrayList<>();
    for (String mode : MODES) {
      cases.add(new Case("invitation now " + mode, "invitation", call(mode, false), JOIN_URL));
      cases.add(new Case("invitation scheduled " + mode, "invitation", call(mode, true), JOIN_URL));
      cases.add(new Case("reminder " + mode, "reminder", call(mode, true), JOIN_URL));
    }
    cases.add(new Case("join-link-resent", "join-link-resent", with(common(), "joinUrl", JOIN_URL), JOIN_URL));
    cases.add(new Case("rejoin-link", "rejoin-link", with(common(), "joinUrl", JOIN_URL), JOIN_URL));
    for (String outcome : OUTCOMES) {
      cases.add(new Case("follow-up " + outcome, "follow-up", followUp(outcome), null));
    }
    cases.add(new Case("survey", "survey", with(common(), "surveyUrl", SURVEY_URL), SURVEY_URL));
    cases.add(new Case("survey-reminder", "survey-reminder", with(common(), "surveyUrl", SURVEY_URL), SURVEY_URL));
    cases.add(new Case("recording-copy", "recording-copy",
        with(common(), "downloadUrl", DOWNLOAD_URL, "linkExpiresText", "Fri 5 Dec 2025, 18:00 (Europe/Berlin)"),
        DOWNLOAD_URL));
    cases.add(new Case("no-recording", "no-recording", common(), null));
    cases.add(new Case("erasure-confirmation", "erasure-confirmation",
        with(common(), "erasedCount", 3, "erasedAt", "Thu 4 Dec 2025, 09:12 (UTC)", "proofReference", "ER-7781-2025"),
        null));
    return cases.stream();
  }

  /** Each email template once, with only the values that are never null. */
  static Stream<Case> emailsWithRequiredValuesOnly() {
    Map<String, Case> byTemplate = new LinkedHashMap<>();
    emails().forEach(c -> {
      Map<String, Object> model = required();
      for (String key : List.of("joinUrl", "surveyUrl", "downloadUrl")) {
        if (c.model().containsKey(key)) {
          model.put(key, c.model().get(key));
        }
      }
      byTemplate.putIfAbsent(c.template(), new Case(c.template(), c.template(), model, c.link()));
    });
    return byTemplate.values().stream();
  }

  static Stream<Case> sms() {
    List<Case> cases = new ArrayList<>();
    for (String mode : MODES) {
      cases.add(new Case("invitation now " + mode, "invitation", call(mode, false), JOIN_URL));
      cases.add(new Case("invitation scheduled " + mode, "invitation", call(mode, true), JOIN_URL));
      cases.add(new Case("reminder " + mode, "reminder", call(mode, true), JOIN_URL));
      Map<String, Object> bare = with(required(), "joinUrl", JOIN_URL, "callMode", mode);
      cases.add(new Case("invitation bare " + mode, "invitation", bare, JOIN_URL));
      cases.add(new Case("reminder bare " + mode, "reminder", bare, JOIN_URL));
    }
    cases.add(new Case("join-link-resent", "join-link-resent", with(common(), "joinUrl", JOIN_URL), JOIN_URL));
    cases.add(new Case("rejoin-link", "rejoin-link", with(common(), "joinUrl", JOIN_URL), JOIN_URL));
    return cases.stream();
  }

  // --- every template, both languages ------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("emails")
  void emailIsCompleteInEveryOfferedLanguage(Case c) {
    EmailMessage en = composer.email(c.template(), "ann@example.com", Locale.ENGLISH, c.model());
    assertEmail(en, c, "en");
    for (Locale locale : LOCALES) {
      if (locale.equals(Locale.ENGLISH)) {
        continue;
      }
      EmailMessage translated = composer.email(c.template(), "ann@example.com", locale, c.model());
      assertEmail(translated, c, locale.getLanguage());
      assertThat(translated.subject()).as(locale.toString()).isNotEqualTo(en.subject());
      assertThat(translated.text()).as(locale.toString()).isNotEqualTo(en.text());
      assertThat(translated.html()).as(locale.toString()).isNotEqualTo(en.html());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("emailsWithRequiredValuesOnly")
  void emailCopesWithMissingOptionalValues(Case c) {
    for (Locale locale : LOCALES) {
      EmailMessage mail = composer.email(c.template(), "ann@example.com", locale, c.model());
      assertEmail(mail, c, locale.getLanguage());
      assertThat(mail.html()).doesNotContain(PRIVACY_URL);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sms")
  void smsIsShortAndCompleteInEveryOfferedLanguage(Case c) {
    SmsMessage en = composer.sms(c.template(), "+4915112345678", Locale.ENGLISH, c.model());
    for (Locale locale : LOCALES) {
      SmsMessage sms = composer.sms(c.template(), "+4915112345678", locale, c.model());
      assertShortSms(sms, c);
      if (!locale.equals(Locale.ENGLISH)) {
        assertThat(sms.body()).as(locale.toString()).isNotEqualTo(en.body());
      }
    }
  }

  /**
   * The start of a scheduled call comes formatted in the customer's language, and some day and month
   * names lie outside GSM-7 (Spanish "sábado", French "août"): the SMS folds them to plain letters so
   * that it keeps its two segments.
   */
  @Test
  void aScheduledStartInTheCustomersLanguageKeepsTheSmsInGsm7() {
    ZonedDateTime saturdayInAugust = ZonedDateTime.parse("2026-08-29T10:00:00+02:00[Europe/Madrid]");
    for (Locale locale : LOCALES) {
      String start = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale)
          .format(saturdayInAugust) + " (Europe/Madrid)";
      Case scheduled = new Case("invitation " + locale, "invitation",
          with(call("VIDEO", true), "scheduledStartText", start), JOIN_URL);
      SmsMessage sms = composer.sms("invitation", "+34612345678", locale, scheduled.model());
      assertShortSms(sms, scheduled);
    }
    assertThat(composer.sms("invitation", "+34612345678", Locale.forLanguageTag("es"),
        with(call("VIDEO", true), "scheduledStartText", "sábado, 29 de agosto de 2026, 10:00")).body())
        .contains("sabado, 29 de agosto");
  }

  @Test
  void calendarInvitationTextIsInEveryOfferedLanguage() {
    String english = composer.text("calendar/description", Locale.ENGLISH, call("VIDEO", true));
    for (Locale locale : LOCALES) {
      String summary = composer.text("calendar/summary", locale, call("VIDEO", true));
      String description = composer.text("calendar/description", locale, call("VIDEO", true));
      assertResolved(summary);
      assertResolved(description);
      assertThat(summary).contains(TICKET);
      assertThat(description).contains(JOIN_URL);
      if (!locale.equals(Locale.ENGLISH)) {
        assertThat(description).as(locale.toString()).isNotEqualTo(english);
      }
    }
  }

  private static void assertShortSms(SmsMessage sms, Case c) {
    assertResolved(sms.body());
    assertThat(sms.body()).contains(NAME).contains(c.link()).contains(TICKET);
    assertThat(sms.body()).as("at most two SMS segments: %s", sms.body()).hasSizeLessThanOrEqualTo(306);
    assertThat(sms.body().length()).isLessThanOrEqualTo(320);
    assertThat(sms.body().chars().filter(ch -> GSM_7.indexOf(ch) < 0).mapToObj(Character::toString).toList())
        .as("characters outside GSM-7 (they make the SMS cost three times as much): %s", sms.body())
        .isEmpty();
  }

  // --- what the wording must say ------------------------------------------------------------

  @Test
  void invitationIsWordedForTheCallMode() {
    Map<String, String> en = new HashMap<>();
    for (String mode : MODES) {
      en.put(mode, composer.email("invitation", "a@example.com", Locale.ENGLISH, call(mode, false)).text());
    }
    assertThat(en.get("VIDEO")).contains("On video we can see the problem together", "Join the video call")
        .doesNotContain("camera");
    assertThat(en.get("SCREEN_SHARE_ONLY")).contains("share your screen", "No camera needed");
    assertThat(en.get("AUDIO_ONLY")).contains("Audio only: no camera needed");
    for (String text : en.values()) {
      assertThat(text).contains("No install needed: the link opens in your browser.", "about 15 minutes",
          "The printer's model number", "Reply to this email to decline or to ask for a phone call instead",
          "Maria O'Neill from Example Support");
    }

    String enumMode = composer.email("invitation", "a@example.com", Locale.ENGLISH,
        with(call("x", false), "callMode", Mode.AUDIO_ONLY)).text();
    assertThat(enumMode).contains("Audio only");
  }

  private enum Mode { AUDIO_ONLY }

  @Test
  void invitationShowsTheStartOnlyForScheduledCallsAndTheRecordingNoticeOnlyWhenAsked() {
    EmailMessage scheduled = composer.email("invitation", "a@example.com", Locale.GERMAN, call("VIDEO", true));
    assertThat(scheduled.html()).contains("Wed 26 Nov 2026, 10:00 (Europe/Berlin)")
        .contains("Ohne Ihre Zustimmung wird nichts aufgezeichnet.");

    EmailMessage now = composer.email("invitation", "a@example.com", Locale.ENGLISH,
        with(call("VIDEO", false), "recordingNotice", false));
    assertThat(now.text()).contains("Now – we are ready when you are").doesNotContain("consent");
    assertThat(now.html()).doesNotContain("consent");
  }

  @Test
  void missingNamesGetANeutralGreetingAndTheTeamInTheCustomersLanguage() {
    Map<String, Object> model = with(call("VIDEO", false), "customerName", "", "agentName", "your support team");
    EmailMessage de = composer.email("invitation", "a@example.com", Locale.GERMAN, model);
    assertThat(de.text()).contains("Guten Tag,\n", "Ihr Support-Team von Example Support",
        "Freundliche Grüße\nIhr Support-Team\nExample Support").doesNotContain("your support team");
    assertThat(de.html()).contains("Guten Tag,<", "Ihr Support-Team von Example Support")
        .doesNotContain("your support team", "Guten Tag ,");
    EmailMessage en = composer.email("survey", "a@example.com", Locale.ENGLISH,
        with(model, "surveyUrl", SURVEY_URL));
    assertThat(en.text()).contains("Hello,\n", "Kind regards,\nYour support team\nExample Support");
    assertThat(composer.sms("invitation", "+4915112345678", Locale.GERMAN, model).body()).startsWith("Hallo, ");
  }

  @Test
  void followUpShowsLineBreaksAndLinksAndEscapesText() {
    String html = composer.email("follow-up", "a@example.com", Locale.ENGLISH,
        with(followUp("RESOLVED"), "callSummary", "Line one <i>not markup</i>\nLine two")).html();
    assertThat(html).contains("Thanks for the video call!", "Here’s a summary of our call")
        .contains("<span>Restarted the router</span><br><span>Set a fixed IP address on the printer</span><br>")
        .contains("<a href=\"https://help.example.com/printer/network\"")
        .contains("Line one &lt;i&gt;not markup&lt;/i&gt;</span><br><span>Line two")
        .doesNotContain("<i>not markup")
        .doesNotContain("\r");
  }

  @Test
  void followUpAfterANoShowSaysWeMissedYou() {
    EmailMessage en = composer.email("follow-up", "a@example.com", Locale.ENGLISH, followUp("NO_SHOW"));
    EmailMessage de = composer.email("follow-up", "a@example.com", Locale.GERMAN, followUp("NO_SHOW"));
    assertThat(en.text()).contains("We missed you").doesNotContain("Thanks for the video call");
    assertThat(en.html()).contains("We missed you").doesNotContain("Thanks for the video call");
    assertThat(de.html()).contains("Wir haben Sie verpasst");
  }

  @Test
  void followUpOffersThePrivacyLinkOnlyWhenARecordingWasKept() {
    EmailMessage kept = composer.email("follow-up", "a@example.com", Locale.ENGLISH, followUp("RESOLVED"));
    assertThat(kept.html()).contains("we kept a recording", "You can ask for a copy of the recording",
        ">Request a copy or deletion</a>");
    assertThat(kept.text()).contains("we kept a recording", "You can ask for a copy of the recording");

    EmailMessage notKept = composer.email("follow-up", "a@example.com", Locale.ENGLISH,
        with(followUp("RESOLVED"), "recordingKept", false));
    assertThat(notKept.html()).contains("We did not keep a recording")
        .doesNotContain("You can ask for a copy of the recording");
    assertThat(notKept.text()).contains("We did not keep a recording")
        .doesNotContain("You can ask for a copy of the recording");
  }

  @Test
  void privacyMessagesSayWhatTheCustomerNeeds() {
    EmailMessage copy = composer.email("recording-copy", "a@example.com", Locale.ENGLISH,
        with(common(), "downloadUrl", DOWNLOAD_URL, "linkExpiresText", "Fri 5 Dec 2025, 18:00"));
    assertThat(copy.text()).contains("The link works until Fri 5 Dec 2025, 18:00.");

    EmailMessage none = composer.email("no-recording", "a@example.com", Locale.ENGLISH, common());
    assertThat(none.html()).contains("we hold no recording of your session");

    EmailMessage erased = composer.email("erasure-confirmation", "a@example.com", Locale.GERMAN,
        with(common(), "erasedCount", 3, "erasedAt", "4. Dez. 2025, 09:12", "proofReference", "ER-7781-2025"));
    assertThat(erased.html()).contains("jede Aufzeichnung, jedes Transkript und jede Kopie", "ER-7781-2025",
        "4. Dez. 2025, 09:12");
    assertThat(erased.text()).contains("ER-7781-2025");

    EmailMessage reminder = composer.email("survey-reminder", "a@example.com", Locale.ENGLISH,
        with(common(), "surveyUrl", SURVEY_URL));
    assertThat(reminder.text()).contains("closes in 5 days", "1 to 5");
  }

  // --- the bundles ---------------------------------------------------------------------------

  @Test
  void bundlesHaveTheSameKeysAndAreSafeForMessageFormat() {
    Properties en = load("i18n/messages.properties");
    for (Locale locale : LOCALES) {
      Properties bundle = locale.equals(Locale.ENGLISH) ? en : load("i18n/messages_" + locale.getLanguage() + ".properties");
      assertThat(new TreeSet<>(bundle.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
      for (String key : bundle.stringPropertyNames()) {
        assertThat(key).matches("(common|nav|mail\\.[a-z-]+|sms\\.[a-z-]+|page\\.[a-z-]+|consent\\.notice\\.[0-9a-z-]+)\\..+");
        assertThat(bundle.getProperty(key)).as(key).doesNotContain("'").isNotBlank();
      }
    }
  }

  @Test
  void everyKeyIsUsedByATemplate() throws IOException {
    StringBuilder templates = new StringBuilder();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.*")) {
      templates.append(resource.getContentAsString(StandardCharsets.UTF_8));
    }
    // keys the code names: staff navigation links, the consent notice's paragraphs
    StringBuilder code = new StringBuilder();
    try (Stream<java.nio.file.Path> sources = java.nio.file.Files.walk(
        java.nio.file.Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/main/java"))) {
      for (java.nio.file.Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        code.append(java.nio.file.Files.readString(source));
      }
    }
    Set<String> unused = new TreeSet<>();
    for (String key : load("i18n/messages.properties").stringPropertyNames()) {
      boolean literal = templates.indexOf(key + "}") >= 0 || templates.indexOf(key + "(") >= 0
          || code.indexOf("\"" + key + "\"") >= 0;
      boolean composed = false;
      for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
        String prefix = key.substring(0, dot + 1);
        composed |= templates.indexOf("'" + prefix + "' +") >= 0 || code.indexOf("\"" + prefix + "\" +") >= 0;
      }
      if (!literal && !composed) {
        unused.add(key);
      }
    }
    assertThat(unused).isEmpty();
  }

  // --- helpers -------------------------------------------------------------------------------

  private static void assertEmail(EmailMessage mail, Case c, String language) {
    assertThat(mail.subject()).contains(TICKET);
    assertResolved(mail.subject());
    assertResolved(mail.text());
    assertResolved(mail.html());

    assertThat(mail.text()).contains(NAME);
    assertThat(mail.html()).contains(NAME_IN_HTML).doesNotContain("<b>Ann").doesNotContain("<scanner>");
    if (c.link() != null) {
      assertThat(mail.text()).contains(c.link());
      assertThat(mail.html()).contains("href=\"" + c.link() + "\"").contains(">" + c.link() + "</a>");
    }
    assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + language + "\">")
        .doesNotContain("<script", "<img", "<link", "<style", "src=", "url(", "@import")
        .doesNotContainPattern("\\sth:|xmlns:th|<th:block");
    assertThat(mail.text()).doesNotContain("<br", "<p", "&lt;", "&amp;").doesNotContainPattern("\n{3,}");
  }

  /** No missing message keys, unformatted arguments, MessageFormat quote damage or null values. */
  private static void assertResolved(String output) {
    assertThat(output).isNotBlank().doesNotContain("??").doesNotContainPattern("\\{\\d")
        .doesNotContain("''").doesNotContainPattern("\\bnull\\b")
        .doesNotContain("[[", "]]", "[(", ")]", "[#", "[/]", "${", "#{");
  }

  private static Properties load(String path) {
    Properties properties = new Properties();
    try (InputStream in = MessageTemplatesTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

}
