package io.videocallsupport.session;

import static io.videocallsupport.session.SessionVariables.*;

import io.videocallsupport.call.VideoPlatform;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.security.AgentDirectory;
import io.videocallsupport.session.SessionValues.CallMode;
import io.videocallsupport.session.SessionValues.CustomerTier;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Register session": checks the start by the same rules as the session API (an invalid start
 * fails the whole start with {@link InvalidSessionStartException}), registers the session for its
 * ticket (refused with {@link SessionAlreadyOpenException} while the ticket has an open one), stores
 * the customer's contact details in the session record and removes them from the process
 * variables; sets the counters and defaults the rest of the process reads. It runs in the start's
 * transaction: no asynchronous boundary comes before it.
 */
@Component
class RegisterSessionDelegate implements JavaDelegate {

  private final SessionStartRules startRules;
  private final SessionService sessions;
  private final HelpDesk helpDesk;
  private final AgentDirectory agents;
  private final VideoPlatform platform;

  private final String publicUrl;

  RegisterSessionDelegate(SessionStartRules startRules, SessionService sessions, HelpDesk helpDesk,
                          AgentDirectory agents, VideoPlatform platform,
                          @org.springframework.beans.factory.annotation.Value("${vcs.public-url}") String publicUrl) {
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.startRules = startRules;
    this.sessions = sessions;
    this.helpDesk = helpDesk;
    this.agents = agents;
    this.platform = platform;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StartSessionRequest start = startRules.fromProcessStart(execution.getVariables(),
        execution.getProcessBusinessKey());
    String ticketId = start.ticketId();
    if (execution.getProcessBusinessKey() == null) {
      // Tasklist's start dialog leaves the business key empty: the ticket id is the session's key.
      execution.setProcessBusinessKey(ticketId);
    }
    String agentId = Optional.ofNullable(SessionService.blankToNull(start.agentId()))
        .or(() -> SESSION_INITIATOR.from(execution).getOptional().filter(agents::worksSessions))
        .orElse(null);
    String country = upper(start.jurisdictionCountry());
    String region = upper(start.jurisdictionRegion());
    String timeZone = Optional.ofNullable(start.customerTimeZone()).orElse("UTC");
    String locale = Optional.ofNullable(SessionService.blankToNull(start.customerLocale())).orElse("en");
    String category = start.issueCategory().name();

    UUID sessionId = sessions.register(new SessionService.NewSession(ticketId, execution.getProcessInstanceId(),
        start.customerName(), start.customerEmail(), start.customerMobile(), timeZone, locale, country, region,
        category, agentId, platform.name()));
    helpDesk.openTicket(ticketId, start.ticketSubject());

    SESSION_ID.on(execution).set(sessionId.toString());
    // the staff page of the session (facts, timeline, the customer's join link on request): no secret in it
    SESSION_PAGE_URL.on(execution).set(publicUrl + "/sessions/" + sessionId);
    AGENT_ID.on(execution).set(agentId);
    VIDEO_PLATFORM.on(execution).set(platform.name());
    JURISDICTION_COUNTRY.on(execution).set(country);
    JURISDICTION_REGION.on(execution).set(region);
    ISSUE_CATEGORY.on(execution).set(category);
    CUSTOMER_TIME_ZONE.on(execution).set(timeZone);
    CUSTOMER_TIER.on(execution).set(Optional.ofNullable(start.customerTier()).orElse(CustomerTier.STANDARD).name());
    TEXT_EXCHANGE_COUNT.on(execution).set(Optional.ofNullable(start.textExchangeCount()).orElse(0));
    DECLINED_VIDEO_BEFORE.on(execution).set(Boolean.TRUE.equals(start.declinedVideoBefore()));
    CUSTOMER_ASKED_FOR_VIDEO.on(execution).set(Boolean.TRUE.equals(start.customerAskedForVideo()));
    boolean hasCamera = !Boolean.FALSE.equals(start.hasCamera());
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
