package io.videocallsupport.retention;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A call recording the application keeps track of, until it is deleted everywhere. */
public record Recording(
    UUID id,
    UUID sessionId,
    String platform,
    String platformRecordingId,
    String storageRef,
    String transcript,
    String processInstanceId,
    boolean consentOnRecord,
    boolean legalHold,
    OffsetDateTime retainUntil,
    RecordingState state,
    String deletionReason,
    OffsetDateTime deletedAt,
    OffsetDateTime createdAt) {

  public enum RecordingState { KEPT, DELETED }
}
