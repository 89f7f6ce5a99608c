package io.videocallsupport.helpdesk;

import io.videocallsupport.audit.AuditLog;
import io.videocallsupport.retention.Recording;
import io.videocallsupport.retention.RecordingFiles;
import io.videocallsupport.retention.RecordingRepository;
import io.videocallsupport.retention.Recordings;
import io.videocallsupport.security.CamundaIdentityAuthenticationProvider;
import io.videocallsupport.security.Roles;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page behind a ticket note's recording link: the recording's facts and transcript, and the
 * recording itself streamed through this application when it holds the file. Each view is audited.
 */
@Controller
class StaffRecordingPage {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

  private final RecordingRepository recordings;
  private final SessionRepository sessions;
  private final RecordingFiles files;
  private final StaffRecordingLinks links;
  private final AuditLog audit;
  private final Clock clock;

  StaffRecordingPage(RecordingRepository recordings, SessionRepository sessions, RecordingFiles files,
                     StaffRecordingLinks links, AuditLog audit, Clock clock) {
    this.recordings = recordings;
    this.sessions = sessions;
    this.files = files;
    this.links = links;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/staff/recordings/{id}")
  String page(@PathVariable UUID id, Authentication user, Model model) {
    Recording recording = accessible(id, user);
    VideoSession session = sessions.findById(recording.sessionId()).orElseThrow();
    audit.record(user.getName(), "RECORDING_VIEWED", Recordings.AUDIT_SUBJECT, id.toString(),
        "staff page, ticket " + session.ticketId());
    model.addAttribute("ticketId", session.ticketId());
    model.addAttribute("recordingId", id.toString());
    model.addAttribute("platform", recording.platform());
    model.addAttribute("recordedAt", FORMAT.format(recording.createdAt().withOffsetSameInstant(ZoneOffset.UTC)));
    model.addAttribute("keptUntil", recording.retainUntil() == null ? "-"
        : FORMAT.format(recording.retainUntil().withOffsetSameInstant(ZoneOffset.UTC)));
    model.addAttribute("linkValidUntil", FORMAT.format(links.validUntil(recording).withOffsetSameInstant(ZoneOffset.UTC)));
    model.addAttribute("transcript", recording.transcript());
    model.addAttribute("hasMedia", file(recording).isPresent());
    return "helpdesk/recording";
  }

  @GetMapping("/staff/recordings/{id}/media")
  ResponseEntity<Resource> media(@PathVariable UUID id, Authentication user) {
    Recording recording = accessible(id, user);
    Optional<Path> file = file(recording);
    if (file.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/webm"))
        .header("Cache-Control", "no-store")
        .body(new FileSystemResource(file.get()));
  }

  /** Kept, within the link's time, and the user's: 410 when gone or expired, 403 for another agent's session. */
  private Recording accessible(UUID id, Authentication user) {
    Recording recording = recordings.findById(id).filter(r -> r.state() == Recording.RecordingState.KEPT)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.GONE, "This recording is no longer kept"));
    if (clock.instant().isAfter(links.validUntil(recording).toInstant())) {
      throw new ResponseStatusException(HttpStatus.GONE, "This link has expired");
    }
    List<String> groups = CamundaIdentityAuthenticationProvider.groupsOf(user);
    boolean seesAll = groups.contains(Roles.TEAM_LEADS) || groups.contains(Roles.MANAGERS)
        || groups.contains(Roles.ADMINS);
    String agent = sessions.findById(recording.sessionId()).map(VideoSession::agentId).orElse(null);
    if (!seesAll && (agent == null || !agent.equals(user.getName()))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This recording belongs to another agent's session");
    }
    return recording;
  }

  private Optional<Path> file(Recording recording) {
    return recording.storageRef() == null ? Optional.empty() : files.file(recording.storageRef());
  }
}
