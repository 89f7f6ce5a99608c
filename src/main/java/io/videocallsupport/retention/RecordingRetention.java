package io.videocallsupport.retention;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;

/** Key, messages, element ids and variables of {@code processes/recording-retention.bpmn}. */
public final class RecordingRetention {

  public static final String PROCESS_KEY = "recording-retention";

  public static final class Messages {
    public static final String RECORDING_READY = "RecordingReady";
    public static final String ERASURE_REQUESTED = "RecordingErasureRequested";
    public static final String LEGAL_HOLD_RELEASED = "LegalHoldReleased";
    public static final String RECORDING_ERASED = "RecordingErased";

    private Messages() {
    }
  }

  public static final class Elements {
    public static final String REGISTER_RECORDING = "Task_RegisterRecording";
    public static final String DELETE_WITHOUT_CONSENT = "Task_DeleteRecordingWithoutConsent";
    public static final String END_DELETED_WITHOUT_CONSENT = "EndEvent_DeletedWithoutConsent";
    public static final String ATTACH_RECORDING_TO_TICKET = "Task_AttachRecordingToTicket";
    public static final String AWAIT_RETENTION_END = "Gateway_AwaitRetentionEnd";
    public static final String RETENTION_PERIOD_OVER = "Event_RetentionPeriodOver";
    public static final String ERASURE_REQUESTED = "Event_ErasureRequested";
    public static final String LEGAL_HOLD_RELEASED = "Event_LegalHoldReleased";
    public static final String DELETE_RECORDING = "Task_DeleteRecording";
    public static final String REPORT_ERASURE = "Event_RecordingErased";
    public static final String END_RECORDING_ERASED = "EndEvent_RecordingErased";
    public static final String END_RECORDING_DELETED = "EndEvent_RecordingDeleted";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final VariableFactory<String> SESSION_ID = stringVariable("sessionId");
    public static final VariableFactory<String> TICKET_ID = stringVariable("ticketId");
    /** The application's id of the recording (set by "Register recording"). */
    public static final VariableFactory<String> RECORDING_ID = stringVariable("recordingId");
    // Sent with the RecordingReady message by the platform adapter:
    public static final VariableFactory<String> PLATFORM = stringVariable("platform");
    public static final VariableFactory<String> PLATFORM_RECORDING_ID = stringVariable("platformRecordingId");
    /** Where the application keeps its own copy, e.g. {@code local:<file>}; null when only the platform has it. */
    public static final VariableFactory<String> STORAGE_REF = stringVariable("storageRef");
    public static final VariableFactory<Boolean> RECORDING_CONSENT = booleanVariable("recordingConsent");
    public static final VariableFactory<Integer> RETENTION_DAYS = intVariable("retentionDays");
    public static final VariableFactory<Date> RETENTION_ENDS_AT = dateVariable("retentionEndsAt");
    public static final VariableFactory<Boolean> LEGAL_HOLD = booleanVariable("legalHold");
    /** NO_CONSENT, RETENTION_PERIOD_OVER or ERASURE_REQUEST. */
    public static final VariableFactory<String> DELETION_REASON = stringVariable("deletionReason");
    public static final VariableFactory<String> DELETION_REQUESTED_BY = stringVariable("deletionRequestedBy");

    private Variables() {
    }
  }

  private RecordingRetention() {
  }
}
