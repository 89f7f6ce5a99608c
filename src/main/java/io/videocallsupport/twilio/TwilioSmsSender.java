package io.videocallsupport.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.rest.api.v2010.account.MessageReader;
import com.twilio.type.PhoneNumber;
import io.videocallsupport.messaging.Delivery;
import io.videocallsupport.messaging.FailureReason;
import io.videocallsupport.messaging.LinkTokens;
import io.videocallsupport.messaging.OutboxStatus;
import io.videocallsupport.messaging.PermanentDeliveryFailure;
import io.videocallsupport.messaging.SmsMessage;
import io.videocallsupport.messaging.SmsSender;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SMS through Twilio Messaging, from a number or through a Messaging Service, with a status
 * callback to {@code <public url>/webhooks/twilio/sms-status}.
 *
 * <p>Errors: the four refusals that sending again cannot cure (invalid number, not a mobile
 * number, country not enabled, opted out) become a {@link PermanentDeliveryFailure}: the outbox
 * marks the message FAILED and the invitation falls back. Everything else throws, and the job
 * retries with backoff: rate limits after the wait Twilio asks for, server errors and timeouts,
 * and also our own configuration errors (bad credentials, a sender Twilio does not know), which
 * end as a Cockpit incident an administrator can retry once the configuration is fixed.
 *
 * <p>Never twice: the SDK's HTTP client makes one request per call ({@link TwilioHttpClient}).
 * After a 5xx or a timeout Twilio may still have created the message, so the retry first looks
 * for a message to the same number with the same text created since the first attempt, and takes
 * it instead of sending another.
 */
public class TwilioSmsSender implements SmsSender {

  private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsSender.class);
  private static final long LOOKUP_PAGE_SIZE = 20;

  private final TwilioRestClient client;
  private final String fromNumber;
  private final String messagingServiceSid;
  private final URI statusCallback;

  public TwilioSmsSender(TwilioRestClient client, String fromNumber, String messagingServiceSid,
                         URI statusCallback) {
    this.client = client;
    this.fromNumber = TwilioProperties.hasText(fromNumber) ? fromNumber.trim() : null;
    this.messagingServiceSid = TwilioProperties.hasText(messagingServiceSid) ? messagingServiceSid.trim() : null;
    if (this.fromNumber == null && this.messagingServiceSid == null) {
      throw new IllegalArgumentException("A sender number or a Messaging Service SID is needed");
    }
    this.statusCallback = statusCallback;
  }

  @Override
  public Delivery send(SmsMessage sms) {
    MessageCreator creator = messagingServiceSid != null
        ? Message.creator(new PhoneNumber(sms.to()), messagingServiceSid, sms.body())
        : Message.creator(new PhoneNumber(sms.to()), new PhoneNumber(fromNumber), sms.body());
    creator.setStatusCallback(statusCallback);
    try {
      Message created = creator.create(client);
      LOG.info("Twilio took SMS {} ({})", created.getSid(), created.getStatus());
      return delivery(created);
    } catch (ApiException e) {
      throw classified(e, "sending an SMS");
    } catch (TwilioException e) {
      throw new TwilioUnavailableException("Twilio's answer to sending an SMS could not be read (" + e.getMessage()
          + "); the job retries, and checks with Twilio before sending again", e);
    }
  }

  @Override
  public Delivery sendAgain(SmsMessage sms, OffsetDateTime firstAttemptAt) {
    Optional<Message> created = createdSince(sms, firstAttemptAt);
    if (created.isPresent()) {
      LOG.warn("Twilio had created SMS {} although the earlier attempt failed; not sending it again",
          created.get().getSid());
      return delivery(created.get());
    }
    return send(sms);
  }

  /** A message to the same number with the same text (but for its links' tokens, fresh on each attempt), created since the first attempt (with a minute's slack for clocks). */
  private Optional<Message> createdSince(SmsMessage sms, OffsetDateTime since) {
    MessageReader reader = Message.reader().setTo(new PhoneNumber(sms.to())).setPageSize(LOOKUP_PAGE_SIZE);
    if (messagingServiceSid == null) {
      reader.setFrom(new PhoneNumber(fromNumber));
    }
    ZonedDateTime after = since.minusMinutes(1).toZonedDateTime();
    try {
      return reader.firstPage(client).getRecords().stream()
          .filter(m -> LinkTokens.sameButTokens(sms.body(), m.getBody()))
          .filter(m -> m.getDateCreated() == null || !m.getDateCreated().isBefore(after))
          .findFirst();
    } catch (ApiException e) {
      throw classified(e, "checking for an SMS created by an earlier attempt");
    } catch (TwilioException e) {
      throw new TwilioUnavailableException("Twilio's list of messages could not be read (" + e.getMessage()
          + "); the job retries", e);
    }
  }

  private static Delivery delivery(Message message) {
    OutboxStatus status = TwilioSms.outboxStatus(message.getStatus() == null ? null : message.getStatus().toString())
        .orElse(OutboxStatus.QUEUED);
    return new Delivery(TwilioSms.PROVIDER, message.getSid(), status);
  }

  private static RuntimeException classified(ApiException e, String doing) {
    Optional<FailureReason> permanent = TwilioSms.permanentFailure(e.getCode());
    if (permanent.isPresent()) {
      return new PermanentDeliveryFailure(TwilioSms.PROVIDER, permanent.get(),
          "Twilio error " + e.getCode() + ": " + e.getMessage());
    }
    Integer status = e.getStatusCode();
    String what = status == null
        ? "Twilio could not be reached while " + doing + " (" + e.getMessage() + ")"
        : "Twilio answered " + status + (e.getCode() == null ? "" : " with error " + e.getCode()) + " while "
            + doing + ": " + e.getMessage();
    String next = status != null && status >= 400 && status < 500
        ? "; no message was created. Check the Twilio settings; the job retries and then raises an incident"
        : "; the job retries, and checks with Twilio before sending again";
    return new TwilioUnavailableException(what + next, e);
  }
}
