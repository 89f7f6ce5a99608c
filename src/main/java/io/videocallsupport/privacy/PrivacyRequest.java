package io.videocallsupport.privacy;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;

/** Key, messages, element ids and variables of {@code processes/privacy-request.bpmn}. */
public final class PrivacyRequest {

  public static final String PROCESS_KEY = "privacy-request";

  public static final class Messages {
    public static final String PRIVACY_REQUESTED = "PrivacyRequested";
    public static final String RECORDING_ERASED = "RecordingErased";

    private Messages() {
    }
  }

  public static final class Elements {
    public static final String AGENT_PRIVACY_REQUEST = "StartEvent_AgentPrivacyRequest";
    public static final String CUSTOMER_PRIVACY_REQUEST = "StartEvent_CustomerPrivacyRequest";
    public static final String REGISTER_PRIVACY_REQUEST = "Task_RegisterPrivacyRequest";
    public static final String SEND_RECORDING_COPY = "Task_SendRecordingCopy";
    public static final String END_COPY_PROVIDED = "EndEvent_CopyProvided";
    public static final String REQUEST_ERASURE = "Task_RequestErasure";
    public static final String AWAIT_ERASURES = "SubProcess_AwaitErasures";
    public static final String AWAIT_ERASURE = "Task_AwaitErasure";
    public static final String ERASURE_DEADLINE_REACHED = "Event_ErasureDeadlineReached";
    public static final String HANDLE_OVERDUE_ERASURE = "Task_HandleOverdueErasure";
    public static final String CHECK_ERASURE_PROGRESS = "Task_CheckErasureProgress";
    public static final String SEND_ERASURE_CONFIRMATION = "Task_SendErasureConfirmation";
    public static final String END_ERASURE_CONFIRMED = "EndEvent_ErasureConfirmed";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final VariableFactory<String> TICKET_ID = stringVariable("ticketId");
    /** COPY or ERASURE. */
    public static final VariableFactory<String> REQUEST_TYPE = stringVariable("requestType");
    public static final VariableFactory<Boolean> REQUESTER_VERIFIED = booleanVariable("requesterVerified");
    public static final VariableFactory<String> REQUEST_NOTES = stringVariable("requestNotes");
    /** The Tasklist user who recorded the request, or "customer" for the privacy page. */
    public static final VariableFactory<String> REQUESTED_BY = stringVariable("requestedBy");
    public static final VariableFactory<String> SESSION_ID = stringVariable("sessionId");
    public static final VariableFactory<String> PRIVACY_REQUEST_ID = stringVariable("privacyRequestId");
    public static final VariableFactory<Date> ERASURE_DEADLINE = dateVariable("erasureDeadline");
    public static final VariableFactory<Integer> PENDING_ERASURES = intVariable("pendingErasures");
    public static final VariableFactory<String> OVERDUE_RESOLUTION = stringVariable("overdueResolution");

    private Variables() {
    }
  }

  private PrivacyRequest() {
  }
}
