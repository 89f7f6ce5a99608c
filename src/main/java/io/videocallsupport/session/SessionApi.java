package io.videocallsupport.session;

import static io.videocallsupport.session.SessionVariables.*;

import io.holunda.camunda.bpm.data.CamundaBpmData;
import io.holunda.camunda.bpm.data.builder.VariableMapBuilder;
import io.videocallsupport.messaging.Outbox;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;

/** What the session API does: start a session the way Tasklist's start form does, and show one. */
@Service
public class SessionApi {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;
  private final SessionRepository sessions;
  private final Outbox outbox;

  SessionApi(RuntimeService runtime, HistoryService history, IdentityService identity, SessionRepository sessions,
             Outbox outbox) {
    this.runtime = runtime;
    this.history = history;
    this.identity = identity;
    this.sessions = sessions;
    this.outbox = outbox;
  }

  /**
   * Starts video-support-session as the calling user, so that Camunda's authorizations apply.
   * "Register session" checks the start and the ticket in the start's transaction, as for every
   * other start path: {@link SessionAlreadyOpenException} while the ticket has an open session.
   */
  public VideoSession start(StartSessionRequest request, String userId, List<String> groups) {
    return start(request, userId, groups, false);
  }

  /**
   * A start from a help desk ticket: as {@link #start}, except that a missing or unusable email or
   * phone does not refuse it. The agent fixes them on "Fix contact details" before anything is sent.
   */
  public VideoSession startFromHelpDesk(StartSessionRequest request, String userId, List<String> groups) {
    return start(request, userId, groups, true);
  }

  private VideoSession start(StartSessionRequest request, String userId, List<String> groups,
                             boolean contactDetailsToFix) {
    VariableMapBuilder variables = CamundaBpmData.builder()
        .set(TICKET_ID, request.ticketId())
        .set(TICKET_SUBJECT, request.ticketSubject())
        .set(CUSTOMER_NAME, request.customerName())
        .set(CUSTOMER_EMAIL, request.customerEmail())
        .set(CUSTOMER_MOBILE, request.customerMobile())
        .set(CUSTOMER_TIME_ZONE, request.customerTimeZone())
        .set(CUSTOMER_LOCALE, request.customerLocale())
        .set(JURISDICTION_COUNTRY, request.jurisdictionCountry())
        .set(JURISDICTION_REGION, request.jurisdictionRegion())
        .set(ISSUE_CATEGORY, request.issueCategory().name())
        .set(TEXT_EXCHANGE_COUNT, request.textExchangeCount())
        .set(CUSTOMER_TIER, request.customerTier() == null ? null : request.customerTier().name())
        .set(DECLINED_VIDEO_BEFORE, request.declinedVideoBefore())
        .set(HAS_CAMERA, request.hasCamera())
        .set(CUSTOMER_ASKED_FOR_VIDEO, request.customerAskedForVideo());
    if (contactDetailsToFix) {
      variables.set(CONTACT_DETAILS_TO_FIX, true);
    }
    if (request.agentId() != null && !request.agentId().isBlank()) {
      variables.set(AGENT_ID, request.agentId());
    }
    ProcessInstanceWithVariables started = as(userId, groups, () -> runtime
        .createProcessInstanceByKey(VideoSupportSession.PROCESS_KEY)
        .businessKey(request.ticketId())
        .setVariables(variables.build())
        .executeWithVariablesInReturn());
    UUID sessionId = UUID.fromString(SESSION_ID.from(started.getVariables()).get());
    return sessions.findById(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
  }

  public SessionView view(VideoSession s) {
    List<SessionView.TimelineEntry> timeline = s.processInstanceId() == null ? List.of()
        : history.createHistoricActivityInstanceQuery()
            .processInstanceId(s.processInstanceId())
            .orderByHistoricActivityInstanceStartTime().asc()
            .orderPartiallyByOccurrence().asc()
            .list().stream()
            .filter(a -> !a.getActivityType().endsWith("Gateway"))
            .map(a -> new SessionView.TimelineEntry(a.getActivityId(), a.getActivityName(), a.getActivityType(),
                a.getStartTime(), a.getEndTime(), a.getAssignee(), a.isCanceled()))
            .toList();
    return new SessionView(s.id(), s.ticketId(), s.processInstanceId(), s.state(), s.agentId(),
        new SessionView.Customer(s.customerName(), s.customerEmail(), s.customerMobile(), s.customerTimeZone(),
            s.customerLocale(), s.jurisdictionCountry(), s.jurisdictionRegion()),
        new SessionView.Call(s.platform(), s.meetingId(), s.customerJoinUrl(), s.scheduledStart(),
            s.expectedDurationMin(), s.customerJoinedAt(), s.callEndedAt(), s.callOutcome()),
        new SessionView.Consent(s.consentGiven(), s.consentRecordedAt(), s.consentNoticeVersion(),
            s.consentRecordedBy(), s.retentionDays()),
        outbox.forSession(s.id()).stream().map(SessionView.Message::of).toList(),
        timeline);
  }

  private <T> T as(String userId, List<String> groups, Supplier<T> action) {
    identity.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
