package io.videocallsupport.session;

import io.videocallsupport.call.Meeting;
import io.videocallsupport.system.ApplicationQueries;
import io.videocallsupport.system.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The session record: the one place that holds a session's personal data and platform ids. */
@Service
@Transactional
public class SessionService {

  /** What a session starts with; contact details are stored here and leave the process variables. */
  public record NewSession(String ticketId, String processInstanceId, String customerName, String customerEmail,
                           String customerMobile, String customerTimeZone, String customerLocale,
                           String jurisdictionCountry, String jurisdictionRegion, String issueCategory,
                           String agentId, String platform) {
  }

  private final SessionRepository sessions;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Clock clock;

  SessionService(SessionRepository sessions, RuntimeService runtime, IdentityService identity, Clock clock) {
    this.sessions = sessions;
    this.runtime = runtime;
    this.identity = identity;
    this.clock = clock;
  }

  /**
   * Registers the session of a ticket that has no open one, or refuses with
   * {@link SessionAlreadyOpenException}. The database decides between starts that run at the same
   * time: the session takes its ticket in a unique column, and every start but one fails there.
   */
  public UUID register(NewSession s) {
    OffsetDateTime now = Timestamps.now(clock);
    sessions.findOpenSession(s.ticketId()).ifPresent(open -> {
      if (processRuns(open.processInstanceId())) {
        throw new SessionAlreadyOpenException(s.ticketId());
      }
      // Its process was cancelled (Cockpit or REST, possibly skipping listeners): the ticket is free.
      sessions.releaseTicket(open.id(), now);
    });
    UUID id = UUID.randomUUID();
    try {
      sessions.insert(new VideoSession(id, s.ticketId(), s.processInstanceId(), SessionState.REQUESTED,
          s.customerName(), blankToNull(s.customerEmail()), blankToNull(s.customerMobile()), s.customerTimeZone(),
          s.customerLocale(), s.jurisdictionCountry(), blankToNull(s.jurisdictionRegion()), s.issueCategory(),
          s.agentId(), s.platform(), null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, now, now));
    } catch (DuplicateKeyException | TransientDataAccessException e) {
      // The only unique value of a new session that another can hold is its ticket (ids are random, no meeting
      // yet). PostgreSQL reports the losing start as a duplicate key; H2 may report it as a lock timeout or a
      // concurrent update while the winner has not committed yet. An insert locks no other row, so either way
      // another start of this ticket is under way.
      throw new SessionAlreadyOpenException(s.ticketId());
    }
    return id;
  }

  /** Sessions recorded without a process (imports, tests) count as running: only a process end frees them. */
  private boolean processRuns(String processInstanceId) {
    return processInstanceId == null || ApplicationQueries.unrestricted(identity,
        () -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0);
  }

  @Transactional(readOnly = true)
  public VideoSession get(UUID id) {
    return sessions.findById(id).orElseThrow(() -> new SessionNotFoundException(id));
  }

  /** The agent who works the session from now on: who took it unassigned, or whom a team lead handed it to. */
  public void recordAgent(UUID id, String agentId) {
    update(id, "agent_id = :agentId", params("agentId", agentId));
  }

  /** The number the customer asked to be called at instead of the video call (join page). */
  public void recordCallbackPhone(UUID id, String phone) {
    update(id, "callback_phone = :phone", params("phone", blankToNull(phone)));
  }

  /** Where to phone the customer: the number they gave on the join page, else their mobile. */
  public Optional<String> callbackPhone(UUID id) {
    return sessions.findCallbackPhone(id).or(() -> Optional.ofNullable(blankToNull(get(id).customerMobile())));
  }

  /**
   * The session ends without a video call (phone or text instead, no-show): its outcome is kept
   * for the reports, the call's end time is not, so that nothing counts it as a held call.
   */
  public void recordClosedWithoutCall(UUID id, String outcome) {
    update(id, "state = :state, call_outcome = :outcome, open_ticket_id = NULL",
        params("state", SessionState.COMPLETED.name(), "outcome", outcome));
  }

  public void updateContactDetails(UUID id, String email, String mobile) {
    update(id, "customer_email = :email, customer_mobile = :mobile",
        params("email", blankToNull(email), "mobile", blankToNull(mobile)));
  }

  public void recordSchedule(UUID id, OffsetDateTime scheduledStart, Integer expectedDurationMin,
                             String customerPreparation) {
    update(id, "state = :state, scheduled_start = :start, expected_duration_min = :duration, "
            + "customer_preparation = :preparation",
        params("state", SessionState.PREPARING.name(), "start", scheduledStart, "duration", expectedDurationMin,
            "preparation", customerPreparation));
  }

  /** The agent offers the call (eligibility said auto-offer or on request); analytics counts the offer. */
  public void recordOffered(UUID id, String offerMode) {
    update(id, "offer_mode = :mode, offered_at = COALESCE(offered_at, :now)",
        params("mode", offerMode, "now", Timestamps.now(clock)));
  }

  /** What the customer answered to the offer. */
  public void recordOfferAnswer(UUID id, boolean accepted) {
    update(id, "video_accepted = :accepted, offer_answered_at = :now",
        params("accepted", accepted, "now", Timestamps.now(clock)));
  }

  /** The invitation went out (by email, and SMS where possible); a rescheduled call keeps the first time. */
  public void recordInvited(UUID id) {
    update(id, "state = :state, invited_at = COALESCE(invited_at, :now)",
        params("state", SessionState.INVITED.name(), "now", Timestamps.now(clock)));
  }

  public void recordMeeting(UUID id, Meeting meeting) {
    update(id, "platform = :platform, meeting_id = :meetingId, customer_join_url = :customerUrl, "
            + "host_join_url = :hostUrl",
        params("platform", meeting.platform(), "meetingId", meeting.meetingId(),
            "customerUrl", meeting.customerJoinUrl(), "hostUrl", meeting.hostJoinUrl()));
  }

  public void recordCustomerJoined(UUID id) {
    update(id, "state = :state, customer_joined_at = COALESCE(customer_joined_at, :now)",
        params("state", SessionState.IN_CALL.name(), "now", Timestamps.now(clock)));
  }

  public void recordConsent(UUID id, boolean given, String noticeVersion, String recordedBy, Integer retentionDays) {
    update(id, "consent_given = :given, consent_recorded_at = :now, consent_notice_version = :version, "
            + "consent_recorded_by = :by, retention_days = :retentionDays",
        params("given", given, "now", Timestamps.now(clock), "version", noticeVersion, "by", recordedBy,
            "retentionDays", retentionDays));
  }

  /**
   * The platform reported that the call has ended; the state and the outcome follow when the agent
   * records them. From now on the call's pages and tokens are closed.
   */
  public void recordCallEndedOnPlatform(UUID id) {
    update(id, "call_ended_at = COALESCE(call_ended_at, :now)", params("now", Timestamps.now(clock)));
  }

  public void recordCallEnded(UUID id, String outcome) {
    update(id, "state = :state, call_ended_at = COALESCE(call_ended_at, :now), call_outcome = :outcome",
        params("state", SessionState.CALL_ENDED.name(), "now", Timestamps.now(clock), "outcome", outcome));
  }

  /** Moves the session to a state; an end state gives its ticket up for the next session. */
  public void changeState(UUID id, SessionState state) {
    update(id, state.isOpen() ? "state = :state" : "state = :state, open_ticket_id = NULL",
        params("state", state.name()));
  }

  private void update(UUID id, String assignments, Map<String, Object> params) {
    sessions.update(id, assignments, params, Timestamps.now(clock));
  }

  private static Map<String, Object> params(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
