package io.videocallsupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.inbox.InboxEvent;
import io.videocallsupport.inbox.JsonInboxHandler;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionVariables;
import io.videocallsupport.session.VideoSession;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Tells the agent what the customer chose on the join page: a note on the ticket, the process
 * variable {@code customerJoinChoice} (Cockpit, forms) and a comment on the agent's open task
 * (Tasklist). Nothing is correlated: joining is reported by the video platform, and a declined call
 * or a wish for a phone call is the agent's to act on (the no-show path offers phone and text).
 */
@Component
class JoinChoiceInboxHandler extends JsonInboxHandler {

  private final SessionRepository sessions;
  private final HelpDesk helpDesk;
  private final RuntimeService runtime;
  private final TaskService tasks;

  JoinChoiceInboxHandler(ObjectMapper json, SessionRepository sessions, HelpDesk helpDesk, RuntimeService runtime,
                         TaskService tasks) {
    super(json);
    this.sessions = sessions;
    this.helpDesk = helpDesk;
    this.runtime = runtime;
    this.tasks = tasks;
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
    String text = describe(choice, payload.path("phone").asText(null), session);
    helpDesk.addNote(session.ticketId(), session.id(), "customer (join page)", text);
    String pid = session.processInstanceId();
    if (pid != null && runtime.createProcessInstanceQuery().processInstanceId(pid).count() == 1) {
      runtime.setVariable(pid, SessionVariables.CUSTOMER_JOIN_CHOICE.getName(), choice.name());
      for (Task task : tasks.createTaskQuery().processInstanceId(pid).active().list()) {
        tasks.createComment(task.getId(), pid, text);
      }
    }
    return Outcome.done("Noted join-page choice " + choice + " for session " + session.id());
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
