package io.videocallsupport.session;

import io.videocallsupport.security.CamundaIdentityAuthenticationProvider;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The session API for help desk integrations. Agents see their own sessions and those of no
 * agent; team leads, managers and admins see all.
 */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

  private final SessionApi api;
  private final SessionRepository sessions;

  SessionController(SessionApi api, SessionRepository sessions) {
    this.api = api;
    this.sessions = sessions;
  }

  @PostMapping
  ResponseEntity<SessionView> start(@Valid @RequestBody StartSessionRequest request, Authentication user) {
    VideoSession session = api.start(request, user.getName(), CamundaIdentityAuthenticationProvider.groupsOf(user));
    return ResponseEntity.created(URI.create("/api/sessions/" + session.id())).body(api.view(session));
  }

  @GetMapping("/{id}")
  SessionView get(@PathVariable UUID id, Authentication user) {
    VideoSession session = sessions.findById(id).orElseThrow(() -> new SessionNotFoundException(id));
    if (!maySee(session, user)) {
      throw new AccessDeniedException("Session " + id + " belongs to another agent");
    }
    return api.view(session);
  }

  @GetMapping
  List<SessionView> byTicket(@RequestParam String ticketId, Authentication user) {
    return sessions.findByTicket(ticketId).stream().filter(s -> maySee(s, user)).map(api::view).toList();
  }

  private static boolean maySee(VideoSession session, Authentication user) {
    return SessionVisibility.maySee(session, user);
  }
}
