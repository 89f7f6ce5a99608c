package io.videocallsupport.invitation;

import io.videocallsupport.messaging.CustomerMessages;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.session.ContactDetailsCheck;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Invites the customer to the call and keeps them on it: the invitation (email, plus SMS when a
 * mobile number is known), the 15-minute reminder, the re-sent link after a no-show and the rejoin
 * link after a drop. Each message has an idempotency key per session, round and step, so a retried
 * job never sends it twice, while a rescheduled call (a new round) is invited again.
 */
@Service
public class Invitations {

  private final SessionService sessions;
  private final CustomerMessages messages;
  private final ContactDetailsCheck contactCheck;

  Invitations(SessionService sessions, CustomerMessages messages, ContactDetailsCheck contactCheck) {
    this.sessions = sessions;
    this.messages = messages;
    this.contactCheck = contactCheck;
  }

  /**
   * @throws InvalidContactDetailsException when the email or mobile number cannot be used; the
   *                                        agent fixes them and the invitation is sent again
   */
  public void sendInvitation(UUID sessionId, int round, String ticketSubject, String callMode,
                             boolean recordingPossible) {
    VideoSession session = sessions.get(sessionId);
    List<String> problems = contactCheck.problems(session.customerEmail(), session.customerMobile());
    if (!problems.isEmpty()) {
      throw new InvalidContactDetailsException(String.join(" ", problems));
    }
    Map<String, Object> model = callModel(session, ticketSubject, callMode);
    model.put("recordingNotice", recordingPossible);
    String key = "session:" + sessionId + ":invitation:" + round;
    messages.email(key + ":email", session, MessagePurpose.INVITATION, model);
    if (session.hasMobile()) {
      messages.sms(key + ":sms", session, MessagePurpose.INVITATION, model);
    }
    sessions.changeState(sessionId, SessionState.INVITED);
  }

  /** The reminder before a scheduled call: by SMS, or by email when no mobile number is known. */
  public void sendReminder(UUID sessionId, int round, String ticketSubject, String callMode) {
    VideoSession session = sessions.get(sessionId);
    Map<String, Object> model = callModel(session, ticketSubject, callMode);
    String key = "session:" + sessionId + ":reminder:" + round;
    if (session.hasMobile()) {
      messages.sms(key + ":sms", session, MessagePurpose.REMINDER, model);
    } else {
      messages.email(key + ":email", session, MessagePurpose.REMINDER, model);
    }
  }

  /** Sends the same join link again, after a no-show ({@code JOIN_LINK_RESENT}) or a drop ({@code REJOIN_LINK}). */
  public void resendLink(UUID sessionId, MessagePurpose purpose, int round, int attempt, String ticketSubject) {
    if (purpose != MessagePurpose.JOIN_LINK_RESENT && purpose != MessagePurpose.REJOIN_LINK) {
      throw new IllegalArgumentException("Not a link message: " + purpose);
    }
    VideoSession session = sessions.get(sessionId);
    Map<String, Object> model = messages.model(session, ticketSubject);
    model.put("joinUrl", session.customerJoinUrl());
    String key = "session:" + sessionId + ":" + purpose.template() + ":" + round + ":" + attempt;
    messages.email(key + ":email", session, purpose, model);
    if (session.hasMobile()) {
      messages.sms(key + ":sms", session, purpose, model);
    }
  }

  private Map<String, Object> callModel(VideoSession session, String ticketSubject, String callMode) {
    Map<String, Object> model = messages.model(session, ticketSubject);
    model.put("joinUrl", session.customerJoinUrl());
    model.put("expectedDurationMinutes", session.expectedDurationMin());
    model.put("customerPreparation", session.customerPreparation());
    model.put("callMode", callMode);
    model.put("scheduled", session.scheduledStart() != null);
    if (session.scheduledStart() != null) {
      model.put("scheduledStartText", CustomerMessages.customerTime(session, session.scheduledStart()));
    }
    return model;
  }
}
