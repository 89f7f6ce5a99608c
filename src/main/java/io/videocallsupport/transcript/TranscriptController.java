package io.videocallsupport.transcript;

import io.videocallsupport.security.CamundaIdentityAuthenticationProvider;
import io.videocallsupport.security.Roles;
import io.videocallsupport.session.SessionNotFoundException;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole transcript of a call, as plain text (never markup), for the agent who held the call,
 * team leads and admins: recording content, so the rule of the recordings applies, not that of the
 * session overview that managers read too.
 */
@RestController
class TranscriptController {

  private final Transcripts transcripts;
  private final SessionRepository sessions;

  TranscriptController(Transcripts transcripts, SessionRepository sessions) {
    this.transcripts = transcripts;
    this.sessions = sessions;
  }

  @GetMapping("/api/sessions/{id}/transcript")
  ResponseEntity<String> transcript(@PathVariable UUID id, Authentication user) {
    VideoSession session = sessions.findById(id).orElseThrow(() -> new SessionNotFoundException(id));
    List<String> groups = CamundaIdentityAuthenticationProvider.groupsOf(user);
    boolean maySee = groups.contains(Roles.TEAM_LEADS) || groups.contains(Roles.ADMINS)
        || (groups.contains(Roles.AGENTS) && user.getName().equals(session.agentId()));
    if (!maySee) {
      throw new AccessDeniedException("The transcript of session " + id + " is for its agent, team leads and admins");
    }
    return transcripts.find(id)
        .map(transcript -> ResponseEntity.ok()
            .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename("transcript-" + id + ".txt").build().toString())
            .body(transcript.content()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
