package io.videocallsupport.retention;

import io.videocallsupport.audit.AuditLog;
import io.videocallsupport.call.PlatformRecording;
import io.videocallsupport.call.VideoPlatform;
import io.videocallsupport.retention.Recording.RecordingState;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.SessionVariables;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.system.Timestamps;
import io.videocallsupport.transcript.Transcripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call recordings from the moment the platform reports one until they are deleted everywhere:
 * on the platform, the local copy, the transcript and the process history that held it. Every
 * deletion and every legal-hold change leaves an audit entry.
 */
@Service
@Transactional
public class Recordings {

  public static final String AUDIT_SUBJECT = "RECORDING";
  /** Process variables that carry recording content and are erased with the recording. */
  static final List<String> RECORDING_CONTENT_VARIABLES = List.of(SessionVariables.TRANSCRIPT_DRAFT.getName());

  private final RecordingRepository recordings;
  private final SessionService sessions;
  private final VideoPlatform platform;
  private final AuditLog audit;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final Transcripts transcripts;
  private final Path storageDir;
  private final int maxRetentionDays;
  private final Clock clock;

  Recordings(RecordingRepository recordings, SessionService sessions, VideoPlatform platform, AuditLog audit,
             HistoryService history, RuntimeService runtime, Transcripts transcripts,
             @Value("${vcs.recording.storage-dir:./data/recordings}") Path storageDir,
             @Value("${vcs.recording.max-retention-days:90}") int maxRetentionDays, Clock clock) {
    this.recordings = recordings;
    this.sessions = sessions;
    this.platform = platform;
    this.audit = audit;
    this.history = history;
    this.runtime = runtime;
    this.transcripts = transcripts;
    this.storageDir = storageDir;
    this.maxRetentionDays = maxRetentionDays;
    this.clock = clock;
  }

  /**
   * Registers a finished recording for its retention process. The consent and retention period
   * come from the session record; the period never exceeds the configured maximum.
   */
  public Recording register(UUID sessionId, String platformName, String platformRecordingId, String storageRef,
                            String processInstanceId) {
    Optional<Recording> known = recordings.findByPlatformId(platformName, platformRecordingId);
    if (known.isPresent()) {
      return known.get();
    }
    VideoSession session = sessions.get(sessionId);
    OffsetDateTime now = Timestamps.now(clock);
    int days = Math.min(session.retentionDays() == null ? maxRetentionDays : session.retentionDays(),
        maxRetentionDays);
    Recording recording = new Recording(UUID.randomUUID(), sessionId, platformName, platformRecordingId,
        storageRef, null, processInstanceId, session.consentOnRecord(), false, now.plus(Duration.ofDays(days)),
        RecordingState.KEPT, null, null, now);
    recordings.insert(recording);
    audit.record("retention policy", "RECORDING_REGISTERED", AUDIT_SUBJECT, recording.id().toString(),
        "session " + sessionId + ", consent on record: " + session.consentOnRecord() + ", kept until "
            + recording.retainUntil());
    return recording;
  }

  @Transactional(readOnly = true)
  public Recording get(UUID recordingId) {
    return recordings.findById(recordingId)
        .orElseThrow(() -> new IllegalArgumentException("No recording with id " + recordingId));
  }

  /** Deletes the recording everywhere; deleting an already deleted recording changes nothing. */
  public void delete(UUID recordingId, String reason, String actor) {
    Recording recording = get(recordingId);
    if (recording.state() == RecordingState.DELETED) {
      return;
    }
    if (recording.legalHold()) {
      throw new IllegalStateException("Recording " + recordingId + " is under legal hold and must not be deleted");
    }
    deleteOnPlatform(recording);
    deleteLocalCopy(recording);
    // The transcript is made from the call's recording: it goes with the first recording of the call deleted.
    transcripts.delete(recording.sessionId());
    eraseFromProcessVariables(recording);
    recordings.markDeleted(recordingId, reason, Timestamps.now(clock));
    audit.record(actor, "RECORDING_DELETED", AUDIT_SUBJECT, recordingId.toString(),
        "reason " + reason + "; deleted on " + recording.platform() + " (" + recording.platformRecordingId()
            + "), local copy, transcript and the history variables " + RECORDING_CONTENT_VARIABLES);
  }

  /** Pauses deletion: the retention process waits at its legal-hold check until the hold is released. */
  public void placeLegalHold(UUID recordingId, String actor, String reason) {
    Recording recording = get(recordingId);
    recordings.setLegalHold(recordingId, true);
    setHoldVariable(recording, true);
    audit.record(actor, "LEGAL_HOLD_PLACED", AUDIT_SUBJECT, recordingId.toString(), reason);
  }

  /** Lets deletion go on; a retention process waiting for the release continues at once. */
  public void releaseLegalHold(UUID recordingId, String actor, String reason) {
    Recording recording = get(recordingId);
    recordings.setLegalHold(recordingId, false);
    setHoldVariable(recording, false);
    audit.record(actor, "LEGAL_HOLD_RELEASED", AUDIT_SUBJECT, recordingId.toString(), reason);
    if (recording.processInstanceId() != null) {
      runtime.createMessageCorrelation(RecordingRetention.Messages.LEGAL_HOLD_RELEASED)
          .processInstanceId(recording.processInstanceId())
          .correlateAllWithResult();
    }
  }

  private void setHoldVariable(Recording recording, boolean hold) {
    if (recording.processInstanceId() != null
        && runtime.createProcessInstanceQuery().processInstanceId(recording.processInstanceId()).count() > 0) {
      runtime.setVariable(recording.processInstanceId(), RecordingRetention.Variables.LEGAL_HOLD.getName(), hold);
    }
  }

  private void deleteOnPlatform(Recording recording) {
    if (!platform.name().equals(recording.platform())) {
      throw new IllegalStateException("Recording " + recording.id() + " is on platform '" + recording.platform()
          + "' but the application runs '" + platform.name() + "': delete it there, then retry this job");
    }
    VideoSession session = sessions.get(recording.sessionId());
    platform.deleteRecording(new PlatformRecording(recording.platform(), session.meetingId(),
        recording.platformRecordingId(), null));
  }

  private void deleteLocalCopy(Recording recording) {
    if (recording.storageRef() == null || !recording.storageRef().startsWith(LocalRecordingStore.SCHEME)) {
      return;
    }
    Path file = storageDir.resolve(recording.storageRef().substring(LocalRecordingStore.SCHEME.length())).normalize();
    if (!file.startsWith(storageDir.normalize())) {
      throw new IllegalStateException("Recording " + recording.id() + " points outside the recording store");
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete the local copy of recording " + recording.id(), e);
    }
  }

  private void eraseFromProcessVariables(Recording recording) {
    String sessionProcess = sessions.get(recording.sessionId()).processInstanceId();
    if (sessionProcess == null) {
      return;
    }
    for (String name : RECORDING_CONTENT_VARIABLES) {
      if (runtime.createProcessInstanceQuery().processInstanceId(sessionProcess).singleResult() != null) {
        runtime.removeVariable(sessionProcess, name);
      }
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceId(sessionProcess).variableName(name).list()) {
        history.deleteHistoricVariableInstance(variable.getId());
      }
    }
  }
}
