package io.videocallsupport.privacy;

import static io.holunda.camunda.bpm.data.CamundaBpmData.builder;
import static io.videocallsupport.privacy.PrivacyRequest.Elements.AGENT_PRIVACY_REQUEST;
import static io.videocallsupport.privacy.PrivacyRequest.Elements.AWAIT_ERASURE;
import static io.videocallsupport.privacy.PrivacyRequest.Elements.CHECK_ERASURE_PROGRESS;
import static io.videocallsupport.privacy.PrivacyRequest.Elements.CUSTOMER_PRIVACY_REQUEST;
import static io.videocallsupport.privacy.PrivacyRequest.Elements.END_COPY_PROVIDED;
import static io.videocallsupport.privacy.PrivacyRequest.Elements.END_ERASURE_CONFIRMED;
import static io.videocallsupport.privacy.PrivacyRequest.Elements.ERASURE_DEADLINE_REACHED;
import static io.videocallsupport.privacy.PrivacyRequest.Elements.HANDLE_OVERDUE_ERASURE;
import static io.videocallsupport.privacy.PrivacyRequest.Elements.REGISTER_PRIVACY_REQUEST;
import static io.videocallsupport.privacy.PrivacyRequest.Elements.REQUEST_ERASURE;
import static io.videocallsupport.privacy.PrivacyRequest.Elements.SEND_ERASURE_CONFIRMATION;
import static io.videocallsupport.privacy.PrivacyRequest.Elements.SEND_RECORDING_COPY;
import static io.videocallsupport.privacy.PrivacyRequest.Variables.ERASURE_DEADLINE;
import static io.videocallsupport.privacy.PrivacyRequest.Variables.OVERDUE_RESOLUTION;
import static io.videocallsupport.privacy.PrivacyRequest.Variables.PENDING_ERASURES;
import static io.videocallsupport.privacy.PrivacyRequest.Variables.PRIVACY_REQUEST_ID;
import static io.videocallsupport.privacy.PrivacyRequest.Variables.REQUESTED_BY;
import static io.videocallsupport.privacy.PrivacyRequest.Variables.REQUESTER_VERIFIED;
import static io.videocallsupport.privacy.PrivacyRequest.Variables.REQUEST_NOTES;
import static io.videocallsupport.privacy.PrivacyRequest.Variables.REQUEST_TYPE;
import static io.videocallsupport.privacy.PrivacyRequest.Variables.SESSION_ID;
import static io.videocallsupport.privacy.PrivacyRequest.Variables.TICKET_ID;
import static io.videocallsupport.testing.EngineTestSupport.assertCamundaForm;
import static io.videocallsupport.testing.EngineTestSupport.engineWithFullCoverage;
import static io.videocallsupport.testing.EngineTestSupport.executeJobAt;
import static io.videocallsupport.testing.EngineTestSupport.fireTimerAt;
import static io.videocallsupport.testing.EngineTestSupport.userTaskAt;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processDefinitionQuery;
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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walks every path of privacy-request with the real BPMN and stand-in delegates. */
@Deployment(resources = "processes/privacy-request.bpmn")
class PrivacyRequestProcessTest {

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = engineWithFullCoverage().build();

  private static final String TICKET = "HD-4711";
  private static final String SESSION = "session-" + TICKET;
  private static final String PRIVACY_REQUEST = "privacy-0007";
  private static final String AGENT = "agent-7";
  private static final String TEAM_LEADS = "team-leads";
  private static final String COPY = "COPY";
  private static final String ERASURE = "ERASURE";
  private static final Duration LEGAL_DEADLINE = Duration.ofDays(30);
  /** Not declared in PrivacyRequest.Elements. */
  private static final String END_OVERDUE_ERASURE_HANDLED = "EndEvent_OverdueErasureHandled";

  /** Recordings of the session that the retention processes have not erased yet. */
  private int recordingsLeft;
  private final List<String> copiesSent = new ArrayList<>();
  private final List<String> erasuresRequested = new ArrayList<>();
  private final List<String> confirmationsSent = new ArrayList<>();
  private ProcessInstance privacyRequest;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(ENGINE.getProcessEngine());
    Mocks.register("registerPrivacyRequestDelegate", (JavaDelegate) this::registerPrivacyRequest);
    Mocks.register("sendRecordingCopyDelegate", (JavaDelegate) e -> copiesSent.add(PRIVACY_REQUEST_ID.from(e).get()));
    Mocks.register("requestErasureDelegate", (JavaDelegate) this::requestErasure);
    Mocks.register("checkErasureProgressDelegate", (JavaDelegate) e -> PENDING_ERASURES.on(e).set(recordingsLeft));
    Mocks.register("sendErasureConfirmationDelegate",
        (JavaDelegate) e -> confirmationsSent.add(PRIVACY_REQUEST_ID.from(e).get()));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    identityService().clearAuthentication();
    BpmnAwareTests.reset();
  }

  private void registerPrivacyRequest(DelegateExecution execution) {
    String ticketId = TICKET_ID.from(execution).get();
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(ticketId);
    }
    SESSION_ID.on(execution).set("session-" + ticketId);
    PRIVACY_REQUEST_ID.on(execution).set(PRIVACY_REQUEST);
    ERASURE_DEADLINE.on(execution).set(Date.from(ClockUtil.getCurrentTime().toInstant().plus(LEGAL_DEADLINE)));
  }

  private void requestErasure(DelegateExecution execution) {
    erasuresRequested.add(SESSION_ID.from(execution).get());
    PENDING_ERASURES.on(execution).set(recordingsLeft);
  }

  @Test
  void agentRecordsACopyRequestAndTheCustomerGetsADownloadLink() {
    String definitionId = processDefinitionQuery()
        .processDefinitionKey(PrivacyRequest.PROCESS_KEY).latestVersion().singleResult().getId();
    assertCamundaForm(formService().getStartFormData(definitionId).getCamundaFormRef(),
        AGENT_PRIVACY_REQUEST, "start-privacy-request");

    identityService().setAuthenticatedUserId(AGENT);
    privacyRequest = formService().submitStartForm(definitionId, TICKET, builder()
        .set(TICKET_ID, TICKET)
        .set(REQUEST_TYPE, COPY)
        .set(REQUESTER_VERIFIED, true)
        .set(REQUEST_NOTES, "Asked by phone")
        .build());
    identityService().clearAuthentication();
    assertThat(privacyRequest).variables().containsEntry(REQUESTED_BY.getName(), AGENT);
    executeJobAt(privacyRequest, SEND_RECORDING_COPY);

    assertThat(privacyRequest)
        .hasPassedInOrder(AGENT_PRIVACY_REQUEST, REGISTER_PRIVACY_REQUEST, SEND_RECORDING_COPY, END_COPY_PROVIDED)
        .hasNotPassed(REQUEST_ERASURE)
        .isEnded();
    Assertions.assertThat(copiesSent).containsExactly(PRIVACY_REQUEST);
  }

  @Test
  void erasureOfASessionWithoutRecordingsLeftIsConfirmedAtOnce() {
    recordingsLeft = 0;

    customerAsksForErasure();
    executeJobAt(privacyRequest, SEND_ERASURE_CONFIRMATION);

    assertThat(privacyRequest)
        .hasPassedInOrder(CUSTOMER_PRIVACY_REQUEST, REGISTER_PRIVACY_REQUEST, REQUEST_ERASURE,
            SEND_ERASURE_CONFIRMATION, END_ERASURE_CONFIRMED)
        .hasNotPassed(AWAIT_ERASURE)
        .isEnded();
    Assertions.assertThat(erasuresRequested).containsExactly(SESSION);
    Assertions.assertThat(confirmationsSent).containsExactly(PRIVACY_REQUEST);
  }

  @Test
  void erasureIsConfirmedOnceEveryRecordingIsErased() {
    recordingsLeft = 2;
    customerAsksForErasure();
    assertThat(privacyRequest).isWaitingAt(AWAIT_ERASURE);

    recordingErased();
    assertThat(privacyRequest).isWaitingAt(AWAIT_ERASURE);
    recordingErased();
    executeJobAt(privacyRequest, SEND_ERASURE_CONFIRMATION);

    assertThat(privacyRequest)
        .hasPassedInOrder(REQUEST_ERASURE, AWAIT_ERASURE, CHECK_ERASURE_PROGRESS, AWAIT_ERASURE,
            CHECK_ERASURE_PROGRESS, SEND_ERASURE_CONFIRMATION, END_ERASURE_CONFIRMED)
        .hasNotPassed(HANDLE_OVERDUE_ERASURE)
        .isEnded();
    Assertions.assertThat(confirmationsSent).containsExactly(PRIVACY_REQUEST);
  }

  @Test
  void teamLeadResolvesAnErasureStillOpenAtTheLegalDeadline() {
    recordingsLeft = 2;
    customerAsksForErasure();
    Date deadline = ERASURE_DEADLINE.from(runtimeService(), privacyRequest.getId()).get();

    fireTimerAt(privacyRequest, ERASURE_DEADLINE_REACHED, deadline);
    Task overdue = userTaskAt(privacyRequest, HANDLE_OVERDUE_ERASURE);
    assertThat(overdue).isNotAssigned().hasCandidateGroup(TEAM_LEADS);
    assertCamundaForm(overdue, "handle-overdue-erasure");
    assertThat(privacyRequest).isWaitingAt(AWAIT_ERASURE, HANDLE_OVERDUE_ERASURE);
    complete(overdue, builder().set(OVERDUE_RESOLUTION, "Escalated to the video platform vendor").build());
    assertThat(privacyRequest).hasPassed(END_OVERDUE_ERASURE_HANDLED).isWaitingAt(AWAIT_ERASURE);

    recordingErased();
    recordingErased();
    executeJobAt(privacyRequest, SEND_ERASURE_CONFIRMATION);

    assertThat(privacyRequest)
        .hasPassedInOrder(ERASURE_DEADLINE_REACHED, HANDLE_OVERDUE_ERASURE, END_OVERDUE_ERASURE_HANDLED)
        .hasPassed(END_ERASURE_CONFIRMED)
        .isEnded();
  }

  /** The deadline guards the whole wait: erasures after it do not open further overdue tasks. */
  @Test
  void teamLeadGetsOneOverdueTaskHoweverManyRecordingsAreErasedAfterTheDeadline() {
    recordingsLeft = 3;
    customerAsksForErasure();
    Date deadline = ERASURE_DEADLINE.from(runtimeService(), privacyRequest.getId()).get();
    ClockUtil.setCurrentTime(Date.from(deadline.toInstant().plusSeconds(1)));

    try {
      executeDueTimers();
      while (recordingsLeft > 0) {
        recordingErased();
        executeDueTimers();
      }
    } finally {
      ClockUtil.reset();
    }

    Assertions.assertThat(historyService().createHistoricTaskInstanceQuery()
        .processInstanceId(privacyRequest.getId()).taskDefinitionKey(HANDLE_OVERDUE_ERASURE).count())
        .isEqualTo(1);
  }

  /** What the job executor would do: run every timer whose time has come. */
  private void executeDueTimers() {
    managementService().createJobQuery().processInstanceId(privacyRequest.getId()).timers()
        .duedateLowerThan(Date.from(ClockUtil.getCurrentTime().toInstant().plusMillis(1))).list()
        .forEach(BpmnAwareTests::execute);
  }

  private void customerAsksForErasure() {
    privacyRequest = runtimeService().createMessageCorrelation(PrivacyRequest.Messages.PRIVACY_REQUESTED)
        .setVariable(TICKET_ID.getName(), TICKET)
        .setVariable(REQUEST_TYPE.getName(), ERASURE)
        .setVariable(REQUESTER_VERIFIED.getName(), true)
        .setVariable(REQUESTED_BY.getName(), "customer")
        .correlateStartMessage();
    assertThat(privacyRequest).hasBusinessKey(TICKET);
    executeJobAt(privacyRequest, REQUEST_ERASURE);
  }

  /** A retention process erased one of the ticket's recordings and tells the requests waiting on the ticket. */
  private void recordingErased() {
    recordingsLeft--;
    Assertions.assertThat(runtimeService().createMessageCorrelation(PrivacyRequest.Messages.RECORDING_ERASED)
        .processInstanceBusinessKey(TICKET)
        .correlateAllWithResult()).hasSize(1);
  }
}
