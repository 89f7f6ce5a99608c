package io.videocallsupport.messaging;

import io.videocallsupport.security.AgentDirectory;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.system.Timestamps;
import io.videocallsupport.token.TokenPurpose;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a templated message to a session's customer, by email or SMS, through the outbox. Knows
 * the values every template shares (names, ticket, links); callers add what their message needs.
 */
@Component
public class CustomerMessages {

  private final MessageComposer composer;
  private final Outbox outbox;
  private final AgentDirectory agents;
  private final Clock clock;
  private final Duration privacyLinkValidity;
  private final String companyName;
  private final String publicUrl;

  CustomerMessages(MessageComposer composer, Outbox outbox, AgentDirectory agents, Clock clock,
                   @Value("${vcs.privacy.link-valid-days:30}") int privacyLinkValidDays,
                   @Value("${vcs.company-name:Example Support}") String companyName,
                   @Value("${vcs.public-url}") String publicUrl) {
    this.composer = composer;
    this.outbox = outbox;
    this.agents = agents;
    this.clock = clock;
    this.privacyLinkValidity = Duration.ofDays(privacyLinkValidDays);
    this.companyName = companyName;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The values every template can use. */
  public Map<String, Object> model(VideoSession session, String ticketSubject) {
    Map<String, Object> model = new HashMap<>();
    model.put("customerName", session.customerName() == null ? "" : session.customerName());
    model.put("companyName", companyName);
    // null lets the templates say "your support team" in the customer's language
    model.put("agentName", agents.displayName(session.agentId()));
    model.put("ticketId", session.ticketId());
    model.put("ticketSubject", ticketSubject);
    return model;
  }

  /**
   * A link to a customer page under the application's public URL, e.g. {@code link("survey",
   * SURVEY, validFor)}, for a message's model. Its token is a placeholder: the outbox mints a real
   * one each time it hands the message over ({@link LinkTokens}), valid until {@code validFor}
   * from now.
   */
  public String link(String page, TokenPurpose purpose, Duration validFor) {
    return publicUrl + "/" + page + "/" + LinkTokens.placeholder(purpose, Timestamps.now(clock).plus(validFor));
  }

  /** A link to the privacy page, where the customer asks for a copy or erasure of a recording. */
  public String privacyLink() {
    return link("privacy", TokenPurpose.PRIVACY, privacyLinkValidity);
  }

  public OutboxMessage email(String idempotencyKey, VideoSession session, MessagePurpose purpose,
                             Map<String, Object> model) {
    return email(idempotencyKey, session, purpose, model, List.of());
  }

  /** An email with attachments, e.g. the calendar invitation of a scheduled call. */
  public OutboxMessage email(String idempotencyKey, VideoSession session, MessagePurpose purpose,
                             Map<String, Object> model, List<EmailMessage.Attachment> attachments) {
    if (session.customerEmail() == null || session.customerEmail().isBlank()) {
      return outbox.withoutRecipient(idempotencyKey, session.id(), purpose, Channel.EMAIL);
    }
    EmailMessage email = composer.email(purpose.template(), session.customerEmail(), locale(session), model);
    for (EmailMessage.Attachment attachment : attachments) {
      email = email.withAttachment(attachment);
    }
    return outbox.send(idempotencyKey, session.id(), purpose, email);
  }

  /**
   * Whether the session's customer can be texted: a mobile number is known and has not been refused
   * in this session because the customer replied STOP (texting them again would fail the same way).
   */
  public boolean canText(VideoSession session) {
    return session.hasMobile() && !outbox.optedOut(session.id(), session.customerMobile());
  }

  public OutboxMessage sms(String idempotencyKey, VideoSession session, MessagePurpose purpose,
                           Map<String, Object> model) {
    SmsMessage sms = composer.sms(purpose.template(), session.customerMobile(), locale(session), model);
    return outbox.send(idempotencyKey, session.id(), purpose, sms);
  }

  /** A date and time as the customer reads it: their language, their time zone, the zone named. */
  public static String customerTime(VideoSession session, OffsetDateTime time) {
    ZoneId zone = ZoneId.of(session.customerTimeZone() == null ? "UTC" : session.customerTimeZone());
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
        .withLocale(locale(session))
        .format(time.atZoneSameInstant(zone)) + " (" + zone.getId() + ")";
  }

  public static Locale locale(VideoSession session) {
    return session.customerLocale() == null ? Locale.ENGLISH : Locale.forLanguageTag(session.customerLocale());
  }
}
