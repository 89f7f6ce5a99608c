package io.videocallsupport.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.videocallsupport.audit.AuditLog;
import io.videocallsupport.retention.Recording;
import io.videocallsupport.retention.RecordingFiles;
import io.videocallsupport.retention.RecordingRepository;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.ui.ConcurrentModel;
import org.springframework.web.server.ResponseStatusException;

/** The recording link of a ticket note: whose it is, until when, and that each view is audited. */
class StaffRecordingPageTest {

  static final OffsetDateTime RECORDED = OffsetDateTime.parse("2026-12-01T10:00:00Z");

  RecordingRepository recordings = mock(RecordingRepository.class);
  SessionRepository sessions = mock(SessionRepository.class);
  RecordingFiles files = mock(RecordingFiles.class);
  AuditLog audit = mock(AuditLog.class);
  StaffRecordingLinks links = new StaffRecordingLinks("https://support.example.com/", Duration.ofDays(30));
  UUID sessionId = UUID.randomUUID();
  UUID recordingId = UUID.randomUUID();

  @Test
  void theSessionsAgentAndTeamLeadsSeeTheTranscriptOtherAgentsDoNot() {
    keep(Recording.RecordingState.KEPT);
    StaffRecordingPage page = page(Instant.parse("2026-12-05T10:00:00Z"));

    ConcurrentModel model = new ConcurrentModel();
    assertThat(page.page(recordingId, user("anna", "agents"), model)).isEqualTo("helpdesk/recording");
    assertThat(model.getAttribute("transcript")).isEqualTo("Customer: it blinks red");
    assertThat(model.getAttribute("hasMedia")).isEqualTo(false);
    assertThat(page.page(recordingId, user("tom", "team-leads"), new ConcurrentModel())).isEqualTo("helpdesk/recording");
    verify(audit).record(eq("anna"), eq("RECORDING_VIEWED"), eq("RECORDING"), eq(recordingId.toString()), any());

    assertThatThrownBy(() -> page.page(recordingId, user("ben", "agents"), new ConcurrentModel()))
        .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
    verify(audit, never()).record(eq("ben"), any(), any(), any(), any());
  }

  @Test
  void theLinkEndsWithTheRecordingOrAfterItsTime() {
    keep(Recording.RecordingState.KEPT);
    assertThatThrownBy(() -> page(Instant.parse("2027-01-01T10:00:01Z")).page(recordingId, user("tom", "team-leads"),
        new ConcurrentModel()))
        .as("30 days after the recording").isInstanceOfSatisfying(ResponseStatusException.class,
            e -> assertThat(e.getStatusCode().value()).isEqualTo(410));

    keep(Recording.RecordingState.DELETED);
    assertThatThrownBy(() -> page(Instant.parse("2026-12-02T10:00:00Z")).page(recordingId, user("tom", "team-leads"),
        new ConcurrentModel()))
        .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(410));
  }

  @Test
  void theLinkIsThisApplicationsPage() {
    assertThat(links.linkFor(recordingId.toString()))
        .isEqualTo("https://support.example.com/staff/recordings/" + recordingId);
  }

  private StaffRecordingPage page(Instant now) {
    return new StaffRecordingPage(recordings, sessions, files, links, audit, Clock.fixed(now, ZoneOffset.UTC));
  }

  private void keep(Recording.RecordingState state) {
    when(recordings.findById(recordingId)).thenReturn(Optional.of(new Recording(recordingId, sessionId, "zoom",
        "zoom-rec-1", null, "Customer: it blinks red", "pid", true, false, RECORDED.plusDays(90), state, null, null,
        RECORDED)));
    when(sessions.findById(sessionId)).thenReturn(Optional.of(new VideoSession(sessionId, "T-9", "pid",
        SessionState.COMPLETED, "Jo", "jo@example.com", null, "UTC", "en", "DE", null, "OTHER", "anna", "zoom", "m-1",
        null, null, null, 10, null, RECORDED, RECORDED.plusMinutes(12), true, RECORDED, "2026-1", "anna", 90,
        "RESOLVED", RECORDED, RECORDED)));
  }

  private static Authentication user(String name, String... groups) {
    return UsernamePasswordAuthenticationToken.authenticated(name, null,
        List.of(groups).stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList());
  }
}
