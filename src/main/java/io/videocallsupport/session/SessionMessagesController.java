package io.videocallsupport.session;

import io.videocallsupport.messaging.Channel;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.security.CamundaIdentityAuthenticationProvider;
import io.videocallsupport.security.Roles;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sessions/{id}/messages/{messageId}/resend}: the agent of the session, a team
 * lead or an admin sends a message of the session again, with the same content, to the customer's
 * current address (the agent may have corrected it). The re-send is a new outbox entry, listed on
 * the session like every other message.
 *
 * <p>201 with the new message when the provider took it or refused it for good (its status says
 * which); 502 when the provider could not be reached: the same re-send is tried again on the next
 * request, never a second one beside it.
 */
@RestController
@RequestMapping("/api/sessions/{sessionId}/messages/{messageId}/resend")
class SessionMessagesController {

  private final SessionRepository sessions;
  private final Outbox outbox;

  SessionMessagesController(SessionRepository sessions, Outbox outbox) {
    this.sessions = sessions;
    this.outbox = outbox;
  }

  @PostMapping
  ResponseEntity<?> resend(@PathVariable UUID sessionId, @PathVariable UUID messageId, Authentication user) {
    VideoSession session = sessions.findById(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
    if (!mayResend(session, user)) {
      throw new AccessDeniedException("Only the session's agent, team leads and admins re-send its messages");
    }
    OutboxMessage original = outbox.find(messageId).filter(m -> sessionId.equals(m.sessionId()))
        .orElse(null);
    if (original == null) {
      return problem(HttpStatus.NOT_FOUND, "Session " + sessionId + " has no message " + messageId);
    }
    String recipient = original.channel() == Channel.EMAIL ? session.customerEmail() : session.customerMobile();
    if (recipient == null || recipient.isBlank()) {
      return problem(HttpStatus.CONFLICT, "The session has no " + (original.channel() == Channel.EMAIL
          ? "email address" : "mobile number") + " to send this message to");
    }
    OutboxMessage resent;
    try {
      resent = outbox.resend(original, recipient);
    } catch (Outbox.StillSendingException e) {
      return problem(HttpStatus.CONFLICT, e.getMessage());
    } catch (RuntimeException e) {
      return problem(HttpStatus.BAD_GATEWAY, "The message could not be handed over (" + e.getMessage()
          + "); it is stored, and the next re-send request tries it again");
    }
    return ResponseEntity.created(URI.create("/api/sessions/" + sessionId)).body(SessionView.Message.of(resent));
  }

  private static boolean mayResend(VideoSession session, Authentication user) {
    List<String> groups = CamundaIdentityAuthenticationProvider.groupsOf(user);
    if (groups.contains(Roles.TEAM_LEADS) || groups.contains(Roles.ADMINS)) {
      return true;
    }
    // the agents who may see the session: its own agent, or any agent while it has none
    return groups.contains(Roles.AGENTS) && (session.agentId() == null || session.agentId().equals(user.getName()));
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}
