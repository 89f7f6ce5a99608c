package io.videocallsupport.analytics;

import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videocallsupport.analytics.AnalyticsReport.AgentKpis;
import io.videocallsupport.analytics.AnalyticsReport.PeriodKpis;
import io.videocallsupport.analytics.Kpis.TargetStatus;
import io.videocallsupport.csat.Surveys;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.helpdesk.TicketStatus;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.SentMessages;
import io.videocallsupport.support.Sessions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The KPIs of a known set of sessions, on whatever database the subclass runs. The sessions are
 * requested in March 2001, a window no other test uses, through the application's own records;
 * one scenario drives the real process and checks that it records every step the funnel counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalyticsScenarios {

  static final LocalDate MONDAY = LocalDate.of(2001, 3, 5);

  @Autowired AnalyticsService analytics;
  @Autowired SentMessages sent;
  @Autowired AnalyticsRepository repository;
  @Autowired SessionRepository sessionRecords;
  @Autowired SessionService sessions;
  @Autowired HelpDesk helpDesk;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;
  @Autowired Outbox outbox;
  @Autowired Surveys surveys;
  @Autowired Clock clock;

  /**
   * alice: A1 resolved in 12 min, consent, CSAT 5; A2 needs follow-up after 20 min, no consent, CSAT 4;
   * A3 declined (its ticket later resolved by text); A4 (next week) resolved in 8 min, consent, survey
   * unanswered. bob: B1 accepted but did not show; B2 (next week) no video, ticket still open.
   * No agent: N1 offered, not answered yet, on B1's ticket.
   */
  @BeforeAll
  void sessionsOfMarch2001() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    UUID a1 = session("A1-" + suffix, "alice", "2001-03-05T09:00:00Z", "2001-03-05T09:10:00Z",
        "2001-03-05T09:22:00Z", true, "RESOLVED", SessionState.COMPLETED);
    offer(a1, true);
    survey(a1, 5);
    UUID a2 = session("A2-" + suffix, "alice", "2001-03-05T14:00:00Z", "2001-03-05T14:05:00Z",
        "2001-03-05T14:25:00Z", false, "NEEDS_FOLLOW_UP", SessionState.COMPLETED);
    offer(a2, true);
    survey(a2, 4);
    UUID a3 = session("A3-" + suffix, "alice", "2001-03-06T10:00:00Z", null, null, null, null, SessionState.DECLINED);
    offer(a3, false);
    helpDesk.changeStatus("A3-" + suffix, TicketStatus.RESOLVED);
    UUID a4 = session("A4-" + suffix, "alice", "2001-03-12T10:00:00Z", "2001-03-12T10:00:00Z",
        "2001-03-12T10:08:00Z", true, "RESOLVED", SessionState.COMPLETED);
    offer(a4, true);
    survey(a4, null);
    UUID b1 = session("B1-" + suffix, "bob", "2001-03-06T23:30:00Z", null, "2001-03-07T00:10:00Z", null,
        "NO_SHOW", SessionState.COMPLETED);
    offer(b1, true);
    session("B2-" + suffix, "bob", "2001-03-13T08:00:00Z", null, null, null, null, SessionState.NO_VIDEO);
    UUID n1 = session("B1-" + suffix, null, "2001-03-07T12:00:00Z", null, null, null, null, SessionState.REQUESTED);
    sessions.recordOffered(n1, "ON_REQUEST");
  }

  @Test
  void everyKpiOfTheRangeAgainstItsTarget() {
    AnalyticsReport report = analytics.report(query("2001-03-05", "2001-03-19", null, "WEEK"));
    Kpis total = report.total();

    assertThat(total.funnel()).isEqualTo(new Kpis.Funnel(7, 6, 4, 3, 2, 2, 3));
    assertThat(total.offersAnswered()).isEqualTo(5);
    assertThat(total.accepted()).isEqualTo(4);
    assertThat(total.acceptanceRate()).isEqualTo(0.8);
    assertThat(total.callsHeld()).isEqualTo(3);
    assertThat(total.averageCallMinutes()).isEqualTo(13.33);
    assertThat(total.medianCallMinutes()).isEqualTo(12.0);
    assertThat(total.firstContactResolution()).isEqualTo(0.6667);
    assertThat(total.followUps()).isEqualTo(1);
    assertThat(total.followUpRate()).isEqualTo(0.3333);
    assertThat(total.csatAverage()).isEqualTo(4.5);
    assertThat(total.csatResponses()).isEqualTo(2);
    assertThat(total.textTickets()).isEqualTo(2);
    assertThat(total.textTicketsResolved()).isEqualTo(1);
    assertThat(total.textResolutionRate()).isEqualTo(0.5);
    assertThat(total.eligibleTickets()).as("B1 and N1 share a ticket").isEqualTo(5);
    assertThat(total.eligibleTicketsChoseVideo()).isEqualTo(4);
    assertThat(total.eligibleChoseVideoShare()).isEqualTo(0.8);
    assertThat(total.targets()).isEqualTo(new Kpis.TargetResults(TargetStatus.MET, TargetStatus.MET,
        TargetStatus.NOT_MET, TargetStatus.NOT_MET, TargetStatus.NOT_MET));
    assertThat(report.targets().acceptanceRateAbove()).isEqualTo(0.60);
    assertThat(report.timeZone()).isEqualTo("UTC");
  }

  @Test
  void perWeekAndPerAgent() {
    AnalyticsReport report = analytics.report(query("2001-03-05", "2001-03-19", null, "WEEK"));

    assertThat(report.periods()).extracting(PeriodKpis::label).containsExactly("2001-W10", "2001-W11");
    assertThat(report.periods()).extracting(p -> p.kpis().funnel().requested()).containsExactly(5, 2);
    Kpis second = report.periods().get(1).kpis();
    assertThat(second.callsHeld()).isEqualTo(1);
    assertThat(second.averageCallMinutes()).isEqualTo(8.0);
    assertThat(second.csatAverage()).as("A4's survey is unanswered").isNull();
    assertThat(second.targets().csat()).isEqualTo(TargetStatus.NO_DATA);
    assertThat(second.targets().callMinutes()).isEqualTo(TargetStatus.NOT_MET);

    assertThat(report.agents()).extracting(AgentKpis::agent).containsExactly("alice", "bob", null);
    Kpis alice = report.agents().get(0).kpis();
    assertThat(alice.funnel()).isEqualTo(new Kpis.Funnel(4, 4, 3, 3, 2, 2, 3));
    assertThat(alice.acceptanceRate()).isEqualTo(0.75);
    assertThat(alice.firstContactResolution()).isEqualTo(0.6667);
    assertThat(alice.textResolutionRate()).isEqualTo(1.0);
    assertThat(alice.eligibleChoseVideoShare()).isEqualTo(0.75);
    Kpis bob = report.agents().get(1).kpis();
    assertThat(bob.acceptanceRate()).isEqualTo(1.0);
    assertThat(bob.callsHeld()).isZero();
    assertThat(bob.firstContactResolution()).isNull();
    assertThat(bob.followUpRate()).isNull();
    assertThat(bob.averageCallMinutes()).isNull();
    assertThat(bob.medianCallMinutes()).isNull();
    assertThat(bob.textResolutionRate()).isEqualTo(0.0);
    Kpis unassigned = report.agents().get(2).kpis();
    assertThat(unassigned.funnel().offered()).isEqualTo(1);
    assertThat(unassigned.acceptanceRate()).as("the offer is not answered yet").isNull();
    assertThat(unassigned.eligibleChoseVideoShare()).isEqualTo(0.0);
  }

  @Test
  void oneAgentOnly() {
    AnalyticsReport report = analytics.report(query("2001-03-05", "2001-03-19", "alice", "MONTH"));

    assertThat(report.total().funnel().requested()).isEqualTo(4);
    assertThat(report.agents()).extracting(AgentKpis::agent).containsExactly("alice");
    assertThat(report.periods()).singleElement().satisfies(p -> {
      assertThat(p.label()).isEqualTo("2001-03");
      assertThat(p.start()).isEqualTo(MONDAY);
      assertThat(p.end()).isEqualTo(LocalDate.of(2001, 3, 19));
      assertThat(p.kpis().funnel().requested()).isEqualTo(4);
    });
  }

  @Test
  void daysWithoutSessionsHaveCountsOfZeroAndNoRates() {
    AnalyticsReport report = analytics.report(query("2001-03-05", "2001-03-19", null, "DAY"));

    assertThat(report.periods()).hasSize(14);
    assertThat(report.periods()).extracting(p -> p.kpis().funnel().requested())
        .containsExactly(2, 2, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0);
    Kpis empty = report.periods().get(3).kpis();
    assertThat(empty.funnel()).isEqualTo(new Kpis.Funnel(0, 0, 0, 0, 0, 0, 0));
    assertThat(List.of(empty.targets().acceptanceRate(), empty.targets().callMinutes(),
        empty.targets().firstContactResolution(), empty.targets().csat(), empty.targets().followUpRate()))
        .containsOnly(TargetStatus.NO_DATA);
    assertThat(new Double[] {empty.acceptanceRate(), empty.averageCallMinutes(), empty.medianCallMinutes(),
        empty.firstContactResolution(), empty.followUpRate(), empty.csatAverage(), empty.textResolutionRate(),
        empty.eligibleChoseVideoShare()}).containsOnlyNulls();

    Kpis none = analytics.report(query("2001-04-01", "2001-04-02", null, "DAY")).total();
    assertThat(none.funnel().requested()).isZero();
    assertThat(none.acceptanceRate()).isNull();
    assertThat(none.csatAverage()).isNull();
  }

  @Test
  void periodsAreCalendarPeriodsInTheReportingTimeZone() {
    AnalyticsReport utc = analytics.report(query("2001-03-06", "2001-03-08", null, "DAY"));
    assertThat(utc.periods()).extracting(p -> p.kpis().funnel().requested()).containsExactly(2, 1);

    AnalyticsProperties berlin = new AnalyticsProperties("Europe/Berlin", 366, 30, analytics.settings().targets());
    AnalyticsService inBerlin = new AnalyticsService(repository, berlin, clock);
    AnalyticsReport report = inBerlin.report(query("2001-03-06", "2001-03-08", null, "DAY"));
    assertThat(report.periods()).as("B1, 23:30 UTC, is requested on the 7th in Berlin")
        .extracting(p -> p.kpis().funnel().requested()).containsExactly(1, 2);

    AnalyticsReport months = analytics.report(query("2001-02-20", "2001-03-19", null, "MONTH"));
    assertThat(months.periods()).extracting(PeriodKpis::label, PeriodKpis::start, PeriodKpis::end).containsExactly(
        org.assertj.core.groups.Tuple.tuple("2001-02", LocalDate.of(2001, 2, 20), LocalDate.of(2001, 3, 1)),
        org.assertj.core.groups.Tuple.tuple("2001-03", LocalDate.of(2001, 3, 1), LocalDate.of(2001, 3, 19)));
    assertThat(months.periods()).extracting(p -> p.kpis().funnel().requested()).containsExactly(0, 7);
  }

  @Test
  void csvRowsPerPeriodAndPerAgent() {
    AnalyticsQuery weeks = query("2001-03-05", "2001-03-19", null, "WEEK");
    assertThat(analytics.rows(weeks, false)).extracting(r -> r.period().label(), r -> r.kpis().funnel().requested())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2001-W10", 5),
            org.assertj.core.groups.Tuple.tuple("2001-W11", 2));
    assertThat(analytics.rows(weeks, true)).extracting(r -> r.period().label(), AnalyticsReport.Row::agent,
            r -> r.kpis().funnel().requested())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2001-W10", "alice", 3),
            org.assertj.core.groups.Tuple.tuple("2001-W10", "bob", 1),
            org.assertj.core.groups.Tuple.tuple("2001-W10", null, 1),
            org.assertj.core.groups.Tuple.tuple("2001-W11", "alice", 1),
            org.assertj.core.groups.Tuple.tuple("2001-W11", "bob", 1));
  }

  @Test
  void badQueriesAreRefused() {
    assertThatThrownBy(() -> query("2001-03-05", "2001-03-05", null, null))
        .isInstanceOf(InvalidAnalyticsQueryException.class).hasMessageContaining("after 'from'");
    assertThatThrownBy(() -> query("2001-03-32", null, null, null))
        .isInstanceOf(InvalidAnalyticsQueryException.class).hasMessageContaining("'from' must be a date");
    assertThatThrownBy(() -> query("2000-01-01", "2001-03-05", null, null))
        .isInstanceOf(InvalidAnalyticsQueryException.class).hasMessageContaining("longer than 366 days");
    assertThatThrownBy(() -> query("2001-03-01", "2001-03-05", null, "YEAR"))
        .isInstanceOf(InvalidAnalyticsQueryException.class).hasMessageContaining("DAY, WEEK or MONTH");
    AnalyticsQuery defaults = analytics.query(null, null, " ", null);
    assertThat(defaults.to()).isEqualTo(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1));
    assertThat(defaults.from()).isEqualTo(defaults.to().minusDays(30));
    assertThat(defaults.agent()).isNull();
    assertThat(defaults.period()).isEqualTo(Period.DAY);
  }

  /** The process records the offer, its answer and the invitation where it passes them. */
  @Test
  void theProcessRecordsEveryStepOfTheFunnel() {
    String agent = "analyst-" + UUID.randomUUID().toString().substring(0, 8);
    // a session's agent must be a user who works sessions
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser(agent));
    engine.getIdentityService().createMembership(agent, "agents");
    ProcessDriver driver = new ProcessDriver(engine);
    Map<String, Object> accepted = Sessions.startForm("T-" + UUID.randomUUID().toString().substring(0, 8));
    accepted.put("agentId", agent);
    String pid = Sessions.startAsAgent(engine, accepted);
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    VideoSession session = sessionOf(pid);
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "customerPreparation", "Your router", "callMode", "VIDEO", "meetingLink", "https://meet.example.com/a",
        "agentDevicesChecked", true, "callNowOutsideHours", true));
    driver.complete(pid, WAIT_FOR_CUSTOMER, Map.of("customerPresence", "JOINED"));
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", true, "sensitiveDataOnScreen", false));
    driver.complete(pid, CONDUCT_VIDEO_CALL, Map.of("callAction", "END_CALL", "callOutcome", "RESOLVED"));
    driver.complete(pid, WRITE_SUMMARY, Map.of("callSummary", "Router reset", "stepsTaken", "Reset",
        "usefulLinks", "", "followUpActions", "None"));
    String surveyMail = sent.text(outbox.forSession(session.id()).stream()
        .filter(m -> m.purpose() == MessagePurpose.SURVEY).findFirst().orElseThrow());
    Matcher token = Pattern.compile("/survey/([A-Za-z0-9_-]{40,})").matcher(surveyMail);
    assertThat(token.find()).isTrue();
    assertThat(surveys.answer(token.group(1), new Surveys.Answer(5, null, false)))
        .isEqualTo(Surveys.AnswerResult.ACCEPTED);

    Map<String, Object> declined = Sessions.startForm("T-" + UUID.randomUUID().toString().substring(0, 8));
    declined.put("agentId", agent);
    String declinedPid = Sessions.startAsAgent(engine, declined);
    driver.complete(declinedPid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", false, "declineReason", "chat"));

    Map<String, Object> offer = jdbc.sql("SELECT offer_mode, offered_at, video_accepted, invited_at "
            + "FROM video_session WHERE id = :id").param("id", session.id()).query().singleRow();
    assertThat(offer.get("offer_mode")).isEqualTo("AUTO_OFFER");
    assertThat(offer.get("offered_at")).isNotNull();
    assertThat(offer.get("video_accepted")).isEqualTo(true);
    assertThat(offer.get("invited_at")).isNotNull();

    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Kpis kpis = analytics.report(query(today.minusDays(1).toString(), today.plusDays(2).toString(), agent, "DAY"))
        .total();
    assertThat(kpis.funnel()).isEqualTo(new Kpis.Funnel(2, 2, 1, 1, 1, 1, 1));
    assertThat(kpis.acceptanceRate()).isEqualTo(0.5);
    assertThat(kpis.callsHeld()).isEqualTo(1);
    assertThat(kpis.firstContactResolution()).isEqualTo(1.0);
    assertThat(kpis.followUpRate()).isEqualTo(0.0);
    assertThat(kpis.averageCallMinutes()).isNotNull().isGreaterThanOrEqualTo(0.0);
    assertThat(kpis.csatAverage()).isEqualTo(5.0);
    assertThat(kpis.csatResponses()).isEqualTo(1);
    assertThat(kpis.textTickets()).as("the declined one").isEqualTo(1);
    assertThat(kpis.textResolutionRate()).isEqualTo(0.0);
  }

  AnalyticsQuery query(String from, String to, String agent, String period) {
    return analytics.query(from, to, agent, period);
  }

  private VideoSession sessionOf(String pid) {
    UUID id = UUID.fromString((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pid).variableName("sessionId").singleResult().getValue());
    return sessionRecords.findById(id).orElseThrow();
  }

  /** A session as the process leaves it, requested at {@code createdAt}. */
  private UUID session(String ticket, String agent, String createdAt, String joinedAt, String endedAt,
                       Boolean consent, String outcome, SessionState state) {
    UUID id = UUID.randomUUID();
    OffsetDateTime created = OffsetDateTime.parse(createdAt);
    helpDesk.openTicket(ticket, "Analytics " + ticket);
    sessionRecords.insert(new VideoSession(id, ticket, null, state, "Jo Doe", "jo@example.com", null,
        "Europe/Berlin", "en", "DE", null, "SETUP_CONFIGURATION", agent, "manual", null, null, null, null, 10,
        null, time(joinedAt), time(endedAt), consent, consent == null ? null : created, null, null, null, outcome,
        created, created));
    return id;
  }

  /** The offer and the customer's answer; an accepted offer is followed by the invitation. */
  private void offer(UUID id, boolean accepted) {
    SessionState state = sessionRecords.findById(id).orElseThrow().state();
    sessions.recordOffered(id, "AUTO_OFFER");
    sessions.recordOfferAnswer(id, accepted);
    if (accepted) {
      sessions.recordInvited(id);
      sessions.changeState(id, state);
    }
  }

  /** The survey row as the csat-survey process leaves it: sent, and answered when a score is given. */
  private void survey(UUID sessionId, Integer score) {
    OffsetDateTime sent = OffsetDateTime.parse("2001-03-20T10:00:00Z");
    jdbc.sql("INSERT INTO survey (id, session_id, state, score, sent_at, answered_at, created_at) "
            + "VALUES (:id, :sessionId, :state, :score, :sent, :answered, :sent)")
        .param("id", UUID.randomUUID()).param("sessionId", sessionId)
        .param("state", score == null ? "OPEN" : "ANSWERED").param("score", score).param("sent", sent)
        .param("answered", score == null ? null : sent.plusHours(1))
        .update();
  }

  private static OffsetDateTime time(String value) {
    return value == null ? null : OffsetDateTime.parse(value);
  }
}
