package io.videocallsupport.session;

import static io.videocallsupport.session.SessionVariables.*;

import io.videocallsupport.call.VideoPlatform;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.security.AgentDirectory;
import io.videocallsupport.session.SessionValues.CallMode;
import io.videocallsupport.session.SessionValues.CustomerTier;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Register session": stores the customer's contact details in the session record and removes
 * them from the process variables; sets the counters and defaults the rest of the process reads.
 */
@Component
class RegisterSessionDelegate implements JavaDelegate {

  private final SessionService sessions;
  private final HelpDesk helpDesk;
  private final AgentDirectory agents;
  private final VideoPlatform platform;

  RegisterSessionDelegate(SessionService sessions, HelpDesk helpDesk, AgentDirectory agents, VideoPlatform platform) {
    this.sessions = sessions;
    this.helpDesk = helpDesk;
    this.agents = agents;
    this.platform = platform;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String ticketId = TICKET_ID.from(execution).get();
    if (execution.getProcessBusinessKey() == null) {
      // Tasklist's start dialog leaves the business key empty: the ticket id is the session's key.
      execution.setProcessBusinessKey(ticketId);
    }
    String agentId = AGENT_ID.from(execution).getOptional()
        .or(() -> SESSION_INITIATOR.from(execution).getOptional().filter(agents::worksSessions))
        .orElse(null);
    String country = upper(JURISDICTION_COUNTRY.from(execution).getOrNull());
    String region = upper(JURISDICTION_REGION.from(execution).getOrNull());
    String timeZone = CUSTOMER_TIME_ZONE.from(execution).getOrDefault("UTC");
    String locale = CUSTOMER_LOCALE.from(execution).getOrDefault("en");
    String category = upper(ISSUE_CATEGORY.from(execution).getOrNull());

    UUID sessionId = sessions.register(new SessionService.NewSession(ticketId, execution.getProcessInstanceId(),
        CUSTOMER_NAME.from(execution).getOrNull(), CUSTOMER_EMAIL.from(execution).getOrNull(),
        CUSTOMER_MOBILE.from(execution).getOrNull(), timeZone, locale, country, region, category, agentId,
        platform.name()));
    helpDesk.openTicket(ticketId, TICKET_SUBJECT.from(execution).getOrNull());

    SESSION_ID.on(execution).set(sessionId.toString());
    AGENT_ID.on(execution).set(agentId);
    VIDEO_PLATFORM.on(execution).set(platform.name());
    JURISDICTION_COUNTRY.on(execution).set(country);
    JURISDICTION_REGION.on(execution).set(region);
    ISSUE_CATEGORY.on(execution).set(category);
    CUSTOMER_TIME_ZONE.on(execution).set(timeZone);
    CUSTOMER_TIER.on(execution).set(upper(CUSTOMER_TIER.from(execution).getOrDefault(CustomerTier.STANDARD.name())));
    TEXT_EXCHANGE_COUNT.on(execution).set(TEXT_EXCHANGE_COUNT.from(execution).getOrDefault(0));
    DECLINED_VIDEO_BEFORE.on(execution).set(DECLINED_VIDEO_BEFORE.from(execution).getOrDefault(false));
    CUSTOMER_ASKED_FOR_VIDEO.on(execution).set(CUSTOMER_ASKED_FOR_VIDEO.from(execution).getOrDefault(false));
    boolean hasCamera = HAS_CAMERA.from(execution).getOrDefault(true);
    HAS_CAMERA.on(execution).set(hasCamera);
    CALL_MODE.on(execution).set((hasCamera ? CallMode.VIDEO : CallMode.SCREEN_SHARE_ONLY).name());
    PARTICIPANT_COUNT.on(execution).set(2);
    NO_SHOW_RETRIES.on(execution).set(0);
    CALL_DROP_RETRIES.on(execution).set(0);
    INVITE_ROUND.on(execution).set(0);
    RECORDING_ACTIVE.on(execution).set(false);
    execution.removeVariable(CUSTOMER_EMAIL.getName());
    execution.removeVariable(CUSTOMER_MOBILE.getName());
  }

  private static String upper(String value) {
    return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
  }
}
