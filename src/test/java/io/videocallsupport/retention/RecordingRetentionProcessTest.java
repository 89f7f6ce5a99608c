package io.videocallsupport.retention;

import static io.videocallsupport.retention.RecordingRetention.Elements.ATTACH_RECORDING_TO_TICKET;
import static io.videocallsupport.retention.RecordingRetention.Elements.AWAIT_RETENTION_END;
import static io.videocallsupport.retention.RecordingRetention.Elements.DELETE_RECORDING;
import static io.videocallsupport.retention.RecordingRetention.Elements.DELETE_WITHOUT_CONSENT;
import static io.videocallsupport.retention.RecordingRetention.Elements.END_DELETED_WITHOUT_CONSENT;
import static io.videocallsupport.retention.RecordingRetention.Elements.END_RECORDING_DELETED;
import static io.videocallsupport.retention.RecordingRetention.Elements.END_RECORDING_ERASED;
import static io.videocallsupport.retention.RecordingRetention.Elements.ERASURE_REQUESTED;
import static io.videocallsupport.retention.RecordingRetention.Elements.LEGAL_HOLD_RELEASED;
import static io.videocallsupport.retention.RecordingRetention.Elements.REGISTER_RECORDING;
import static io.videocallsupport.retention.RecordingRetention.Elements.REPORT_ERASURE;
import static io.videocallsupport.retention.RecordingRetention.Elements.RETENTION_PERIOD_OVER;
import static io.videocallsupport.retention.RecordingRetention.Variables.DELETION_REASON;
import static io.videocallsupport.retention.RecordingRetention.Variables.DELETION_REQUESTED_BY;
import static io.videocallsupport.retention.RecordingRetention.Variables.LEGAL_HOLD;
import static io.videocallsupport.retention.RecordingRetention.Variables.PLATFORM;
import static io.videocallsupport.retention.RecordingRetention.Variables.PLATFORM_RECORDING_ID;
import static io.videocallsupport.retention.RecordingRetention.Variables.RECORDING_CONSENT;
import static io.videocallsupport.retention.RecordingRetention.Variables.RECORDING_ID;
import static io.videocallsupport.retention.RecordingRetention.Variables.RETENTION_DAYS;
import static io.videocallsupport.retention.RecordingRetention.Variables.RETENTION_ENDS_AT;
import static io.videocallsupport.retention.RecordingRetention.Variables.SESSION_ID;
import static io.videocallsupport.retention.RecordingRetention.Variables.STORAGE_REF;
import static io.videocallsupport.testing.EngineTestSupport.engineWithFullCoverage;
import static io.videocallsupport.testing.EngineTestSupport.executeJobAt;
import static io.videocallsupport.testing.EngineTestSupport.fireTimerAt;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walks every path of recording-retention with the real BPMN and stand-in delegates. */
@Deployment(resources = "processes/recording-retention.bpmn")
class RecordingRetentionProcessTest {

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = engineWithFullCoverage().build();

  private static final String TICKET = "HD-4711";
  private static final String SESSION = "session-" + TICKET;
  private static final String RECORDING = "rec-0042";
  private static final int RETENTION_PERIOD_DAYS = 90;
  private static final String NO_CONSENT = "NO_CONSENT";
  private static final String RETENTION_PERIOD_IS_OVER = "RETENTION_PERIOD_OVER";
  private static final String ERASURE_REQUEST = "ERASURE_REQUEST";

  /** What the session record says: did the customer consent to this recording? */
  private boolean consentOnRecord;
  private final List<String> deletionReasons = new ArrayList<>();
  private final List<String> ticketNotes = new ArrayList<>();
  private final List<String> erasuresReported = new ArrayList<>();
  private ProcessInstance retention;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(ENGINE.getProcessEngine());
    Mocks.register("registerRecordingDelegate", (JavaDelegate) this::registerRecording);
    Mocks.register("staffRecordingLinks", new StaffLinks());
    Mocks.register("ticketNoteDelegate", (JavaDelegate) e -> ticketNotes.add((String) e.getVariable("ticketNote")));
    Mocks.register("deleteRecordingDelegate", (JavaDelegate) this::deleteRecording);
    Mocks.register("reportErasureDelegate", (JavaDelegate) e -> erasuresReported.add(RECORDING_ID.from(e).get()));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  private void registerRecording(DelegateExecution execution) {
    RECORDING_ID.on(execution).set(RECORDING);
    RECORDING_CONSENT.on(execution).set(consentOnRecord);
    RETENTION_DAYS.on(execution).set(RETENTION_PERIOD_DAYS);
    RETENTION_ENDS_AT.on(execution).set(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(RETENTION_PERIOD_DAYS))));
    LEGAL_HOLD.on(execution).set(false);
  }

  private void deleteRecording(DelegateExecution execution) {
    String reason = DELETION_REASON.from(execution).getOrDefault(RETENTION_PERIOD_IS_OVER);
    DELETION_REASON.on(execution).set(reason);
    deletionReasons.add(reason);
  }

  @Test
  void recordingWithoutConsentIsDeletedAtOnce() {
    consentOnRecord = false;

    recordingReady();
    executeJobAt(retention, DELETE_WITHOUT_CONSENT);

    assertThat(retention)
        .hasPassedInOrder(REGISTER_RECORDING, DELETE_WITHOUT_CONSENT, END_DELETED_WITHOUT_CONSENT)
        .hasNotPassed(ATTACH_RECORDING_TO_TICKET)
        .isEnded();
    Assertions.assertThat(deletionReasons).containsExactly(NO_CONSENT);
  }

  @Test
  void recordingWithConsentIsKeptForTheRetentionPeriodThenDeleted() {
    consentOnRecord = true;
    recordingReady();
    Date retentionEndsAt = keptOnTicket();

    fireTimerAt(retention, RETENTION_PERIOD_OVER, retentionEndsAt);
    executeJobAt(retention, DELETE_RECORDING);

    assertThat(retention)
        .hasPassedInOrder(ATTACH_RECORDING_TO_TICKET, RETENTION_PERIOD_OVER, DELETE_RECORDING, END_RECORDING_DELETED)
        .hasNotPassed(ERASURE_REQUESTED, LEGAL_HOLD_RELEASED, REPORT_ERASURE)
        .isEnded();
    Assertions.assertThat(deletionReasons).containsExactly(RETENTION_PERIOD_IS_OVER);
    Assertions.assertThat(erasuresReported).isEmpty();
  }

  @Test
  void erasureRequestDeletesTheRecordingAndIsReported() {
    consentOnRecord = true;
    recordingReady();
    keptOnTicket();

    runtimeService().createMessageCorrelation(RecordingRetention.Messages.ERASURE_REQUESTED)
        .processInstanceId(retention.getId())
        .setVariable(DELETION_REASON.getName(), ERASURE_REQUEST)
        .setVariable(DELETION_REQUESTED_BY.getName(), "customer")
        .correlate();
    executeJobAt(retention, DELETE_RECORDING);

    assertThat(retention)
        .hasPassedInOrder(ERASURE_REQUESTED, DELETE_RECORDING, REPORT_ERASURE, END_RECORDING_ERASED)
        .hasNotPassed(RETENTION_PERIOD_OVER)
        .isEnded();
    Assertions.assertThat(deletionReasons).containsExactly(ERASURE_REQUEST);
    Assertions.assertThat(erasuresReported).containsExactly(RECORDING);
  }

  @Test
  void recordingUnderLegalHoldIsDeletedOnlyAfterTheHoldIsReleased() {
    consentOnRecord = true;
    recordingReady();
    Date retentionEndsAt = keptOnTicket();
    LEGAL_HOLD.on(runtimeService(), retention.getId()).set(true);

    fireTimerAt(retention, RETENTION_PERIOD_OVER, retentionEndsAt);
    assertThat(retention).isWaitingAt(LEGAL_HOLD_RELEASED);
    Assertions.assertThat(deletionReasons).isEmpty();
    LEGAL_HOLD.on(runtimeService(), retention.getId()).set(false);
    runtimeService().createMessageCorrelation(RecordingRetention.Messages.LEGAL_HOLD_RELEASED)
        .processInstanceId(retention.getId())
        .correlate();
    executeJobAt(retention, DELETE_RECORDING);

    assertThat(retention)
        .hasPassedInOrder(RETENTION_PERIOD_OVER, LEGAL_HOLD_RELEASED, DELETE_RECORDING, END_RECORDING_DELETED)
        .isEnded();
    Assertions.assertThat(deletionReasons).containsExactly(RETENTION_PERIOD_IS_OVER);
  }

  private void recordingReady() {
    retention = runtimeService().createMessageCorrelation(RecordingRetention.Messages.RECORDING_READY)
        .processInstanceBusinessKey(TICKET)
        .setVariable(SESSION_ID.getName(), SESSION)
        .setVariable(PLATFORM.getName(), "builtin")
        .setVariable(PLATFORM_RECORDING_ID.getName(), "room-17/recording-3")
        .setVariable(STORAGE_REF.getName(), "recordings/room-17/recording-3.webm")
        .correlateStartMessage();
  }

  /** Notes the kept recording on the ticket and returns when its retention period ends. */
  private Date keptOnTicket() {
    executeJobAt(retention, ATTACH_RECORDING_TO_TICKET);
    assertThat(retention).isWaitingAt(AWAIT_RETENTION_END);
    Assertions.assertThat(ticketNotes).singleElement().asString()
        .startsWith("Call recording " + RECORDING + " kept until ")
        .endsWith("for staff only: https://support.example.com/staff/recordings/" + RECORDING)
        .contains("(recording policy: " + RETENTION_PERIOD_DAYS + " days)");
    return RETENTION_ENDS_AT.from(runtimeService(), retention.getId()).get();
  }

  /** Stands in for the application's staffRecordingLinks bean in the note's expression. */
  public static class StaffLinks {
    public String linkFor(String recordingId) {
      return "https://support.example.com/staff/recordings/" + recordingId;
    }
  }
}
