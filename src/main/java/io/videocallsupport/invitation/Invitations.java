package io.videocallsupport.invitation;

import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.messaging.CustomerMessages;
import io.videocallsupport.messaging.EmailMessage;
import io.videocallsupport.messaging.FailureReason;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.session.ContactDetailsCheck;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.system.Timestamps;
import io.videocallsupport.token.TokenPurpose;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Invites the customer to the call and keeps them on it: the invitation (email, plus SMS when a
 * mobile number is known), the 15-minute reminder, the re-sent link after a no-show and the rejoin
 * link after a drop. Each message has an idempotency key per session, round and step, so a retried
 * job never sends it twice, while a rescheduled call (a new round) is invited again.
 *
 * <p>A message the provider refuses for good never stops the session. A wrong address or number
 * at invitation time goes to the agent ("Fix contact details"); anything else the customer cannot
 * fix (opted out of SMS, a country the SMS account may not reach) falls back to email, with a note
 * on the ticket so the agent knows.
 */
@Service
public class Invitations {

  private static final String NOTE_AUTHOR = "video-session";

  private final SessionService sessions;
  private final CustomerMessages messages;
  private final ContactDetailsCheck contactCheck;
  private final CallCalendar calendar;
  private final HelpDesk helpDesk;
  private final Clock clock;
  private final Duration joinLinkValidAfterCall;

  Invitations(SessionService sessions, CustomerMessages messages, ContactDetailsCheck contactCheck,
              CallCalendar calendar, HelpDesk helpDesk, Clock clock,
              @Value("${vcs.join.link-valid-after-call:PT12H}") Duration joinLinkValidAfterCall) {
    this.sessions = sessions;
    this.messages = messages;
    this.contactCheck = contactCheck;
    this.calendar = calendar;
    this.helpDesk = helpDesk;
    this.clock = clock;
    this.joinLinkValidAfterCall = joinLinkValidAfterCall;
  }

  /**
   * @throws InvalidContactDetailsException when the email or mobile number cannot be used, whether
   *                                        our check or the provider says so; the agent fixes them
   *                                        and the invitation is sent again (to the corrected
   *                                        address only: what went out stays sent)
   */
  public void sendInvitation(UUID sessionId, int round, String ticketSubject, String callMode,
                             boolean recordingPossible) {
    VideoSession session = sessions.get(sessionId);
    List<String> problems = contactCheck.problems(session.customerEmail(), session.customerMobile());
    if (!problems.isEmpty()) {
      throw new InvalidContactDetailsException(String.join(" ", problems));
    }
    String key = "session:" + sessionId + ":invitation:" + round;
    Map<String, Object> model = callModel(session, ticketSubject, callMode, key);
    model.put("recordingNotice", recordingPossible);
    OutboxMessage email = messages.email(key + ":email", session, MessagePurpose.INVITATION, model,
        calendarInvitation(session, round, model));
    OutboxMessage sms = messages.canText(session)
        ? messages.sms(key + ":sms", session, MessagePurpose.INVITATION, model) : null;

    List<String> refused = new ArrayList<>();
    if (email.failed()) {
      if (email.failureReason() == FailureReason.INVALID_ADDRESS) {
        refused.add("The mail server refused the email address '" + email.recipient() + "' (" + email.lastError() + ").");
      } else {
        note(session, "The invitation email to " + email.recipient() + " was not delivered: " + email.lastError());
      }
    }
    if (sms != null && sms.failed()) {
      if (sms.failureReason() != null && sms.failureReason().contactDetailsWrong()) {
        refused.add("The SMS provider refused the mobile number '" + sms.recipient() + "': " + reason(sms)
            + ". Correct it, or remove it to invite by email only.");
      } else {
        note(session, "The invitation SMS to " + sms.recipient() + " was not sent: " + reason(sms)
            + ". The customer was invited by email only.");
      }
    }
    if (!refused.isEmpty()) {
      if (!email.failed()) {
        refused.add("The invitation email has been sent.");
      }
      throw new InvalidContactDetailsException(String.join(" ", refused));
    }
    sessions.recordInvited(sessionId);
    VideoSession invited = sessions.get(sessionId);
    helpDesk.addNote(invited.ticketId(), sessionId, "invitation:" + round, NOTE_AUTHOR,
        "Invitation sent by email" + (sms != null && !sms.failed() ? " and SMS" : "") + ": "
            + (invited.scheduledStart() == null ? "call now"
                : "call scheduled for " + CustomerMessages.customerTime(invited, invited.scheduledStart()))
            + (round > 0 ? " (rescheduled, round " + (round + 1) + ")" : "") + ".");
  }

  /** The reminder before a scheduled call: by SMS, or by email when the customer cannot be texted. */
  public void sendReminder(UUID sessionId, int round, String ticketSubject, String callMode) {
    VideoSession session = sessions.get(sessionId);
    String key = "session:" + sessionId + ":reminder:" + round;
    Map<String, Object> model = callModel(session, ticketSubject, callMode, key);
    if (messages.canText(session)) {
      OutboxMessage sms = messages.sms(key + ":sms", session, MessagePurpose.REMINDER, model);
      if (!sms.failed()) {
        return;
      }
      // 15 minutes before the call there is no time for an agent task: remind by email instead
      note(session, "The reminder SMS to " + sms.recipient() + " was not sent: " + reason(sms)
          + ". The customer was reminded by email.");
    }
    messages.email(key + ":email", session, MessagePurpose.REMINDER, model, calendarInvitation(session, round, model));
  }

  /** Sends the same join link again, after a no-show ({@code JOIN_LINK_RESENT}) or a drop ({@code REJOIN_LINK}). */
  public void resendLink(UUID sessionId, MessagePurpose purpose, int round, int attempt, String ticketSubject) {
    if (purpose != MessagePurpose.JOIN_LINK_RESENT && purpose != MessagePurpose.REJOIN_LINK) {
      throw new IllegalArgumentException("Not a link message: " + purpose);
    }
    VideoSession session = sessions.get(sessionId);
    Map<String, Object> model = messages.model(session, ticketSubject);
    String key = "session:" + sessionId + ":" + purpose.template() + ":" + round + ":" + attempt;
    model.put("joinUrl", joinLink(session));
    messages.email(key + ":email", session, purpose, model);
    if (messages.canText(session)) {
      OutboxMessage sms = messages.sms(key + ":sms", session, purpose, model);
      if (sms.failed()) {
        note(session, "The link SMS to " + sms.recipient() + " was not sent: " + reason(sms)
            + ". The link went out by email.");
      }
    }
  }

  private List<EmailMessage.Attachment> calendarInvitation(VideoSession session, int round, Map<String, Object> model) {
    if (session.scheduledStart() == null) {
      return List.of();
    }
    return List.of(calendar.invitation(session, round, CustomerMessages.locale(session), model));
  }

  private Map<String, Object> callModel(VideoSession session, String ticketSubject, String callMode, String key) {
    Map<String, Object> model = messages.model(session, ticketSubject);
    model.put("joinUrl", joinLink(session));
    model.put("expectedDurationMinutes", session.expectedDurationMin());
    model.put("customerPreparation", session.customerPreparation());
    model.put("callMode", callMode);
    model.put("scheduled", session.scheduledStart() != null);
    if (session.scheduledStart() != null) {
      model.put("scheduledStartText", CustomerMessages.customerTime(session, session.scheduledStart()));
    }
    return model;
  }

  private void note(VideoSession session, String text) {
    helpDesk.addNote(session.ticketId(), session.id(), NOTE_AUTHOR, text);
  }

  /** The provider's refusal in words an agent acts on. */
  private static String reason(OutboxMessage refused) {
    if (refused.failureReason() == null) {
      return refused.lastError();
    }
    return switch (refused.failureReason()) {
      case OPTED_OUT -> "the customer has opted out of our text messages (replied STOP)";
      case REGION_NOT_ENABLED -> "our SMS account may not send to that country";
      case INVALID_NUMBER -> "it is not a valid phone number";
      case NOT_MOBILE -> "it cannot receive text messages (a landline?)";
      default -> refused.lastError();
    };
  }

  /**
   * A link to the join page (device check, alternatives, then the call), never the platform's own
   * link. Not single use: after a drop the customer opens it again. It works until some hours after
   * the call's planned end. Its token is minted each time a message carrying it is handed over, so
   * every link sent stays valid and none is stored.
   */
  private String joinLink(VideoSession session) {
    return messages.link("join", TokenPurpose.JOIN, joinLinkValidity(session));
  }

  /** How long a join link handed out now works: until some hours after the call's planned end. */
  Duration joinLinkValidity(VideoSession session) {
    OffsetDateTime now = Timestamps.now(clock);
    OffsetDateTime start = session.scheduledStart() != null && session.scheduledStart().isAfter(now)
        ? session.scheduledStart() : now;
    int minutes = session.expectedDurationMin() == null ? 15 : session.expectedDurationMin();
    return Duration.between(now, start.plusMinutes(minutes)).plus(joinLinkValidAfterCall);
  }

}
