package io.videocallsupport.room;

import io.videocallsupport.call.CallAccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.videocallsupport.retention.RecordingFiles;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.web.CustomerLinks;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.util.unit.DataSize;

/** The host's recording upload: accepted only with consent on record, within the size limit, then handed to retention. */
class RecordingUploadTest {

  private final CallAccess access = mock(CallAccess.class);
  private final RoomEvents events = mock(RoomEvents.class);
  private final RecordingFiles files = mock(RecordingFiles.class);
  private final RoomPageController controller = new RoomPageController(mock(CustomerLinks.class), access,
      mock(Rooms.class), events, files,
      new RoomProperties("", "", "", "", Duration.ofHours(12), 6, DataSize.ofKilobytes(1), Duration.ofSeconds(30)));
  private final Authentication anna = UsernamePasswordAuthenticationToken.authenticated("anna", null, java.util.List.of());
  private final MockMultipartFile webm = new MockMultipartFile("file", "call.webm", "video/webm", new byte[] {26, 69, -33, -93});

  @Test
  void withoutConsentOnRecordNothingIsStored() throws Exception {
    when(access.hostSession(RoomPlatform.NAME, "room-1", anna)).thenReturn(Optional.of(session(false)));

    assertThat(controller.upload("room-1", webm, anna).getStatusCode().value()).isEqualTo(409);
    verifyNoInteractions(files, events);
  }

  @Test
  void tooLargeIsRefused() throws Exception {
    when(access.hostSession(RoomPlatform.NAME, "room-1", anna)).thenReturn(Optional.of(session(true)));
    MockMultipartFile huge = new MockMultipartFile("file", "call.webm", "video/webm", new byte[2048]);

    assertThat(controller.upload("room-1", huge, anna).getStatusCode().value()).isEqualTo(413);
    verifyNoInteractions(files, events);
  }

  @Test
  void notTheHostIsRefused() throws Exception {
    when(access.hostSession(RoomPlatform.NAME, "room-1", anna)).thenReturn(Optional.empty());

    assertThat(controller.upload("room-1", webm, anna).getStatusCode().value()).isEqualTo(403);
    verifyNoInteractions(files, events);
  }

  @Test
  void withConsentTheRecordingIsStoredAndReported() throws Exception {
    when(access.hostSession(RoomPlatform.NAME, "room-1", anna)).thenReturn(Optional.of(session(true)));
    when(files.store(eq("T-1"), eq("webm"), any(), anyLong())).thenReturn("local:T-1.webm");

    assertThat(controller.upload("room-1", webm, anna).getStatusCode().value()).isEqualTo(201);
    verify(events).recordingReady(eq("room-1"), anyString(), eq("local:T-1.webm"));
    verify(events, never()).callEnded(anyString(), anyString());
  }

  private static VideoSession session(boolean consent) {
    OffsetDateTime now = OffsetDateTime.now();
    return new VideoSession(UUID.randomUUID(), "T-1", "pid", SessionState.IN_CALL, "Jo", null, null, "UTC", "en",
        "DE", null, "SETUP_CONFIGURATION", "anna", RoomPlatform.NAME, "room-1", null, null, null, 10, null, now,
        null, consent, now, "2026-1", "anna", 90, null, now, now);
  }
}
