package io.videocallsupport.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The recording notice the agent reads out, in a given language. Its wording lives in the message
 * bundles, one key per paragraph, under the notice's version: {@code consent.notice.<version>.1},
 * {@code .2}, ... A new wording gets new keys under a new version and
 * {@code vcs.recording.consent-notice-version} is raised, so that the version recorded with each
 * consent names the words the customer heard.
 */
@Component
public class ConsentNotice {

  private static final int MAX_PARAGRAPHS = 20;

  private final MessageSource messages;
  private final String version;

  ConsentNotice(MessageSource messages, @Value("${vcs.recording.consent-notice-version}") String version) {
    this.messages = messages;
    this.version = version;
    if (paragraphs(Locale.ROOT, 90).isEmpty()) {
      throw new IllegalStateException("vcs.recording.consent-notice-version is " + version
          + ", but the message bundles have no consent.notice." + version + ".1");
    }
  }

  public String version() {
    return version;
  }

  /** The notice's paragraphs, separated by a blank line; {@code retentionDays} is the longest we keep it. */
  public String text(Locale locale, int retentionDays) {
    return String.join("\n\n", paragraphs(locale, retentionDays));
  }

  private List<String> paragraphs(Locale locale, int retentionDays) {
    List<String> paragraphs = new ArrayList<>();
    for (int n = 1; n <= MAX_PARAGRAPHS; n++) {
      String paragraph = messages.getMessage("consent.notice." + version + "." + n, new Object[] {retentionDays},
          null, locale);
      if (paragraph == null) {
        break;
      }
      paragraphs.add(paragraph);
    }
    return paragraphs;
  }
}
