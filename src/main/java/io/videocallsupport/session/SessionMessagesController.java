package io.videocallsupport.session;

import io.videocallsupport.messaging.Channel;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.security.CamundaIdentityAuthenticationProvider;
import io.videocallsupport.security.Roles;
import io.videocallsupport.system.Timestamps;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
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
 * the session like every other message; its links get fresh tokens when it is sent.
 *
 * <p>201 with the new message when the provider took it or refused it for good (its status says
 * which); 502 when the provider could not be reached: the same re-send is tried again on the next
 * request, never a second one beside it. 409 once the session is finished (nothing left to join,
 * and the customer is not to be messaged on demand); 429 with {@code Retry-After} beyond
 * {@code vcs.messages.resend.max-per-window} re-sends per session in {@code vcs.messages.resend.window}
 * (every one costs an SMS and reaches the customer).
 */
@RestController
@RequestMapping("/api/sessions/{sessionId}/messages/{messageId}/resend")
class SessionMessagesController {

  private static final Set<SessionState> FINISHED = EnumSet.of(SessionState.NO_VIDEO, SessionState.DECLINED,
      SessionState.COMPLETED);

  private final SessionRepository sessions;
  private final Outbox outbox;
  private final Clock clock;
  private final int maxPerWindow;
  private final Duration window;

  SessionMessagesController(SessionRepository sessions, Outbox outbox, Clock clock,
                            @Value("${vcs.messages.resend.max-per-window:5}") int maxPerWindow,
                            @Value("${vcs.messages.resend.window:PT1H}") Duration window) {
    this.sessions = sessions;
    this.outbox = outbox;
    this.clock = clock;
    this.maxPerWindow = maxPerWindow;
    this.window = window;
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
    if (FINISHED.contains(session.state())) {
      return problem(HttpStatus.CONFLICT, "Session " + sessionId + " is finished (" + session.state()
          + "); its messages are not sent again");
    }
    OffsetDateTime now = Timestamps.now(clock);
    List<OffsetDateTime> recent = outbox.resendsSince(sessionId, now.minus(window));
    if (recent.size() >= maxPerWindow) {
      long seconds = Math.max(1, Duration.between(now, recent.get(recent.size() - maxPerWindow).plus(window))
          .toSeconds() + 1);
      ResponseEntity<ProblemDetail> tooMany = problem(HttpStatus.TOO_MANY_REQUESTS, "Session " + sessionId
          + " had " + recent.size() + " re-sends in the last " + window.toMinutes() + " minutes; try again later");
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
          .body(tooMany.getBody());
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
