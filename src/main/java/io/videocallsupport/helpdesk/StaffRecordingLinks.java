package io.videocallsupport.helpdesk;

import io.videocallsupport.retention.Recording;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The link a ticket note gives staff to a call's recording and transcript: a page of this
 * application (login, and the session's agent or a team lead, manager or admin), never the file's
 * or the platform's own address. It works while the recording is kept, and at most
 * {@code vcs.helpdesk.recording-link-valid} after the recording was registered.
 */
@Component("staffRecordingLinks")
public class StaffRecordingLinks {

  static final String PATH = "/staff/recordings/";

  private final String publicUrl;
  private final Duration validity;

  StaffRecordingLinks(@Value("${vcs.public-url}") String publicUrl,
                      @Value("${vcs.helpdesk.recording-link-valid:P30D}") Duration validity) {
    this.publicUrl = publicUrl.replaceAll("/+$", "");
    this.validity = validity;
  }

  /** Used in the retention process's ticket note. */
  public String linkFor(String recordingId) {
    return publicUrl + PATH + recordingId;
  }

  public OffsetDateTime validUntil(Recording recording) {
    OffsetDateTime byAge = recording.createdAt().plus(validity);
    return recording.retainUntil() != null && recording.retainUntil().isBefore(byAge) ? recording.retainUntil()
        : byAge;
  }
}
