package io.videocallsupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.inbox.InboxEvent;
import io.videocallsupport.inbox.JsonInboxHandler;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.SessionVariables;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.session.VideoSupportSession;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Acts on what the customer chose on the join page. Every choice becomes a note on the ticket and
 * the process variable {@code customerJoinChoice}, which the agent's forms show. A choice that
 * changes the plan moves the process: "call me instead" (PHONE, the number kept in the session
 * record) and "no call" (DECLINE) are correlated, by process instance id, as the messages
 * {@link VideoSupportSession.Messages#CUSTOMER_ASKED_FOR_PHONE_CALL} and
 * {@link VideoSupportSession.Messages#CUSTOMER_DECLINED_ON_JOIN_PAGE} while the agent waits for the
 * customer: that ends the wait, its no-show timer and the re-sent links. Made at another time (e.g.
 * before a scheduled start), the choice is not lost: the process reads the variable when it comes
 * to the wait. Joining is reported by the video platform, not here.
 */
@Component
class JoinChoiceInboxHandler extends JsonInboxHandler {

  private final SessionRepository sessions;
  private final SessionService sessionService;
  private final HelpDesk helpDesk;
  private final RuntimeService runtime;

  JoinChoiceInboxHandler(ObjectMapper json, SessionRepository sessions, SessionService sessionService,
                         HelpDesk helpDesk, RuntimeService runtime) {
    super(json);
    this.sessions = sessions;
    this.sessionService = sessionService;
    this.helpDesk = helpDesk;
    this.runtime = runtime;
  }

  @Override
  public String source() {
    return JoinChoices.SOURCE;
  }

  @Override
  protected Outcome handle(InboxEvent event, JsonNode payload) {
    Optional<VideoSession> found = sessions.findById(UUID.fromString(payload.path("sessionId").asText()));
    if (found.isEmpty()) {
      return Outcome.unmatched("No session " + payload.path("sessionId").asText());
    }
    VideoSession session = found.get();
    JoinChoice choice = JoinChoice.valueOf(payload.path("choice").asText());
    String phone = payload.path("phone").asText(null);
    if (choice == JoinChoice.PHONE && phone != null) {
      sessionService.recordCallbackPhone(session.id(), phone);
    }
    helpDesk.addNote(session.ticketId(), session.id(), "customer (join page)", describe(choice, phone, session));
    String pid = session.processInstanceId();
    if (pid == null || runtime.createProcessInstanceQuery().processInstanceId(pid).count() == 0) {
      return Outcome.done("Noted join-page choice " + choice + " for ended session " + session.id());
    }
    runtime.setVariable(pid, SessionVariables.CUSTOMER_JOIN_CHOICE.getName(), choice.name());
    String message = message(choice);
    if (message != null && runtime.createEventSubscriptionQuery().processInstanceId(pid).eventType("message")
        .eventName(message).count() > 0) {
      runtime.createMessageCorrelation(message).processInstanceId(pid).correlateWithResult();
      return Outcome.done(message + " delivered to session " + session.id());
    }
    return Outcome.done("Noted join-page choice " + choice + " for session " + session.id());
  }

  /** The message a choice that changes the plan sends; null for the ways of joining the call. */
  static String message(JoinChoice choice) {
    return switch (choice) {
      case PHONE -> VideoSupportSession.Messages.CUSTOMER_ASKED_FOR_PHONE_CALL;
      case DECLINE -> VideoSupportSession.Messages.CUSTOMER_DECLINED_ON_JOIN_PAGE;
      case VIDEO, AUDIO_ONLY, SCREEN_SHARE_ONLY -> null;
    };
  }

  static String describe(JoinChoice choice, String phone, VideoSession session) {
    return switch (choice) {
      case VIDEO -> "The customer opened the join page and joins with video.";
      case AUDIO_ONLY -> "The customer joins with audio only (no camera, no incoming video).";
      case SCREEN_SHARE_ONLY -> "The customer joins without a camera and will share their screen.";
      case PHONE -> "The customer asks for a phone call instead of video, at "
          + (phone != null ? phone : session.hasMobile() ? session.customerMobile() : "the number on the ticket")
          + ".";
      case DECLINE -> "The customer declined the video call on the join page.";
    };
  }
}
