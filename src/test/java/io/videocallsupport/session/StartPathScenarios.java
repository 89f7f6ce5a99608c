package io.videocallsupport.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.Sessions;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every way a session starts (the session API, Tasklist's start form through the webapps' engine
 * API, engine-rest's start and submit-form) applies the same rules and lets a ticket have one open
 * session, also when starts race, on whatever database the subclass runs.
 */
abstract class StartPathScenarios {

  private static final String START = "/engine-rest/process-definition/key/video-support-session/start";
  private static final String SUBMIT_FORM = "/engine-rest/process-definition/key/video-support-session/submit-form";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired SessionService sessions;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  /** An empty database of this kind, for the migration test. */
  abstract DataSource emptyDatabase() throws Exception;

  // --- one open session per ticket -----------------------------------------------------------

  @Test
  void parallelApiStartsForATicketWhoseLastSessionEndedGiveOneSessionAndConflicts() throws Exception {
    String ticket = ticket();
    Map<String, Object> simpleQuery = Sessions.startForm(ticket);
    simpleQuery.put("issueCategory", "SIMPLE_QUERY");
    assertThat(api("anna", simpleQuery).statusCode()).isEqualTo(201);
    new ProcessDriver(engine).runDueJobs();
    assertThat(openSessions(ticket)).as("no video: the session has ended").isZero();
    // The agent reads "Video not offered" and completes it: that session's process ends too.
    Task videoNotOffered = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ticket)
        .taskDefinitionKey(VideoSupportSession.Elements.EXPLAIN_NO_VIDEO).taskAssignee("anna").singleResult();
    assertThat(videoNotOffered).isNotNull();
    engine.getTaskService().complete(videoNotOffered.getId());

    List<Integer> statuses = inParallel(8, () -> api("anna", Sessions.startForm(ticket)).statusCode());

    assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
    assertThat(openSessions(ticket)).isOne();
    assertThat(runningSessions(ticket)).isOne();
  }

  @Test
  void parallelApiStartsForANewTicketGiveOneSessionAndConflictsNeverAServerError() throws Exception {
    String ticket = ticket();

    List<Integer> statuses = inParallel(10, () -> api("anna", Sessions.startForm(ticket)).statusCode());

    assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM video_session WHERE ticket_id = :t").param("t", ticket)
        .query(Integer.class).single()).isOne();
    assertThat(runningSessions(ticket)).isOne();
  }

  @Test
  void parallelEngineRestStartsForATicketGiveOneSessionAndConflicts() throws Exception {
    String ticket = ticket();

    List<HttpResponse<String>> responses = inParallel(6, () -> engineRest(START, "anna", start(Sessions.startForm(ticket))));

    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 409)
        .filteredOn(s -> s == 200).hasSize(1);
    assertThat(responses).filteredOn(r -> r.statusCode() == 409)
        .allSatisfy(r -> assertThat(message(r)).contains("Ticket " + ticket + " already has an open video session"));
    assertThat(runningSessions(ticket)).isOne();
  }

  @Test
  void aTicketWithAnOpenSessionIsAConflictOnEveryStartPath() throws Exception {
    String ticket = ticket();
    assertThat(engineRest(SUBMIT_FORM, "anna", variables(Sessions.startForm(ticket))).statusCode()).isEqualTo(200);

    assertThat(api("anna", Sessions.startForm(ticket)).statusCode()).isEqualTo(409);
    HttpResponse<String> start = engineRest(START, "anna", start(Sessions.startForm(ticket)));
    assertThat(start.statusCode()).isEqualTo(409);
    assertThat(json.readTree(start.body()).get("type").asText()).isEqualTo("SessionAlreadyOpenException");
    assertThat(engineRest(SUBMIT_FORM, "anna", variables(Sessions.startForm(ticket))).statusCode()).isEqualTo(409);
    HttpResponse<String> tasklist = new Tasklist("anna").submitStartForm(Sessions.startForm(ticket));
    assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(409);
    assertThat(message(tasklist)).contains("already has an open video session");
    assertThat(runningSessions(ticket)).isOne();
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aRefusedStartIsTheCallersErrorNotLoggedAsAServerError(CapturedOutput output) throws Exception {
    String ticket = ticket();
    assertThat(engineRest(START, "anna", start(Sessions.startForm(ticket))).statusCode()).isEqualTo(200);
    Map<String, Object> bad = Sessions.startForm(ticket());
    bad.put("customerTimeZone", "Mars/Base");

    assertThat(engineRest(START, "anna", start(Sessions.startForm(ticket))).statusCode()).isEqualTo(409);
    assertThat(engineRest(START, "anna", start(bad)).statusCode()).isEqualTo(400);

    assertThat(output.getAll()).doesNotContain("ENGINE-16004").doesNotContain("InvalidSessionStartException")
        .doesNotContain("SessionAlreadyOpenException");
  }

  @Test
  void aCancelledSessionGivesItsTicketUpEvenWhenItsListenersWereSkipped() throws Exception {
    String ticket = ticket();
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket));
    assertThat(api("anna", Sessions.startForm(ticket)).statusCode()).isEqualTo(409);

    // as Cockpit cancels by default: without custom listeners
    engine.getRuntimeService().deleteProcessInstance(pid, "cancelled in Cockpit", true);

    assertThat(api("anna", Sessions.startForm(ticket)).statusCode()).isEqualTo(201);
    assertThat(openSessions(ticket)).isOne();
  }

  @Test
  void theDatabaseRefusesASecondOpenSessionForATicket() {
    String ticket = ticket();
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket));
    String sessionId = (String) engine.getRuntimeService().getVariable(pid, "sessionId");
    String otherId = UUID.randomUUID().toString();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("INSERT INTO video_session (id, ticket_id, "
                + "state, customer_time_zone, customer_locale, created_at, updated_at, open_ticket_id) "
                + "SELECT :other, ticket_id, state, customer_time_zone, customer_locale, created_at, updated_at, "
                + "open_ticket_id FROM video_session WHERE id = :id")
            .param("other", UUID.fromString(otherId)).param("id", UUID.fromString(sessionId)).update())
        .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
  }

  // --- the same rules on every path ------------------------------------------------------------

  @Test
  void invalidInputIsA400NamingTheFieldsOnEveryProcessStartPathAndStartsNothing() throws Exception {
    String ticket = ticket();
    Map<String, Object> bad = Sessions.startForm(ticket);
    bad.put("customerEmail", "not-an-email <script>");
    bad.put("customerMobile", "12345");
    bad.put("customerTimeZone", "Mars/Base");
    bad.put("agentId", "ghost");

    for (HttpResponse<String> response : List.of(engineRest(START, "anna", start(bad)),
        engineRest(SUBMIT_FORM, "anna", variables(bad)), new Tasklist("anna").submitStartForm(bad))) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(message(response)).startsWith("The video session was not started.")
          .contains("customerEmail must be a well-formed email address")
          .contains("customerMobile must be a valid international number")
          .contains("customerTimeZone must be a time zone id")
          .contains("agentId must be the user id of an agent or team lead");
      assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field"))
          .containsExactly("customerEmail", "customerMobile", "customerTimeZone", "agentId");
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM video_session WHERE ticket_id = :t").param("t", ticket)
        .query(Integer.class).single()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticket).count())
        .isZero();
  }

  @Test
  void wrongTypesAndAForeignBusinessKeyAreFieldErrorsNotServerErrors() throws Exception {
    Map<String, Object> bad = Sessions.startForm(ticket());
    bad.put("textExchangeCount", "many");
    bad.put("hasCamera", "yes");
    bad.put("issueCategory", "KITCHEN_SINK");
    bad.remove("customerName");
    Map<String, Object> body = start(bad);
    body.put("businessKey", "SOMETHING-ELSE");

    HttpResponse<String> response = engineRest(START, "anna", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field"))
        .containsExactly("customerName", "issueCategory", "textExchangeCount", "hasCamera", "businessKey");
    assertThat(message(response)).contains("issueCategory must be one of SETUP_CONFIGURATION");
  }

  @Test
  void theAgentOfASessionMustWorkSessionsOnEveryPath() throws Exception {
    for (String notAnAgent : List.of("ghost", "<b>anna</b>", "=HYPERLINK(\"http://x\")", "maria")) {
      Map<String, Object> start = Sessions.startForm(ticket());
      start.put("agentId", notAnAgent);
      HttpResponse<String> api = api("anna", start);
      assertThat(api.statusCode()).as(notAnAgent).isEqualTo(400);
      assertThat(json.readTree(api.body()).get("errors").findValuesAsText("field")).containsExactly("agentId");
      assertThat(engineRest(START, "anna", start(start)).statusCode()).as(notAnAgent).isEqualTo(400);
    }
    Map<String, Object> toTeamLead = Sessions.startForm(ticket());
    toTeamLead.put("agentId", "tom");
    HttpResponse<String> created = api("anna", toTeamLead);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json.readTree(created.body()).get("agentId").asText()).isEqualTo("tom");
  }

  // --- existing data ---------------------------------------------------------------------------

  /** Duplicates that earlier parallel starts left behind must not stop the migration. */
  @Test
  void theMigrationLetsTheOldestOpenSessionHoldItsTicket() throws Exception {
    DataSource database = emptyDatabase();
    Flyway.configure().dataSource(database).target("7").load().migrate();
    JdbcClient db = JdbcClient.create(database);
    insert(db, "11111111-0000-0000-0000-000000000001", "T-1", "INVITED", "2026-01-01T10:00:00Z");
    insert(db, "11111111-0000-0000-0000-000000000002", "T-1", "REQUESTED", "2026-01-01T10:00:01Z");
    insert(db, "11111111-0000-0000-0000-000000000003", "T-1", "COMPLETED", "2025-12-01T10:00:00Z");
    insert(db, "11111111-0000-0000-0000-000000000004", "T-2", "DECLINED", "2026-01-01T10:00:00Z");

    Flyway.configure().dataSource(database).load().migrate();

    assertThat(db.sql("SELECT open_ticket_id FROM video_session ORDER BY id").query(String.class).list())
        .containsExactly("T-1", null, null, null);
  }

  private static void insert(JdbcClient db, String id, String ticket, String state, String createdAt) {
    db.sql("INSERT INTO video_session (id, ticket_id, state, customer_time_zone, customer_locale, created_at, "
            + "updated_at) VALUES (:id, :ticket, :state, 'UTC', 'en', :at, :at)")
        .param("id", UUID.fromString(id)).param("ticket", ticket).param("state", state)
        .param("at", java.time.OffsetDateTime.parse(createdAt)).update();
  }

  static void execute(DataSource dataSource, String sql) throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private int openSessions(String ticket) {
    return jdbc.sql("SELECT COUNT(*) FROM video_session WHERE open_ticket_id = :t").param("t", ticket)
        .query(Integer.class).single();
  }

  private long runningSessions(String ticket) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(VideoSupportSession.PROCESS_KEY).processInstanceBusinessKey(ticket).count();
  }

  private static <T> List<T> inParallel(int count, Callable<T> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch ready = new CountDownLatch(count);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(threads.submit(() -> {
          ready.countDown();
          go.await();
          return call.call();
        }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  private HttpResponse<String> api(String user, Map<String, Object> body) throws Exception {
    return send(HttpRequest.newBuilder(uri("/api/sessions")).header("Authorization", basic(user))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
  }

  private HttpResponse<String> engineRest(String path, String user, Map<String, Object> body) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
  }

  /** engine-rest's start body: variables as typed values, the type left to the engine as Tasklist does. */
  private static Map<String, Object> start(Map<String, Object> form) {
    Map<String, Object> body = variables(form);
    body.put("businessKey", form.get("ticketId"));
    return body;
  }

  private static Map<String, Object> variables(Map<String, Object> form) {
    Map<String, Object> variables = new HashMap<>();
    form.forEach((name, value) -> {
      Map<String, Object> typed = new HashMap<>();
      typed.put("value", value);
      variables.put(name, typed);
    });
    Map<String, Object> body = new HashMap<>();
    body.put("variables", variables);
    return body;
  }

  private String message(HttpResponse<String> response) throws Exception {
    JsonNode body = json.readTree(response.body());
    return body.get("message").asText();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes());
  }

  private static String ticket() {
    return "SP-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Tasklist in a browser: logged in with the CSRF token, calling the webapps' engine API. */
  private final class Tasklist {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();

    Tasklist(String user) throws Exception {
      browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
              uri("/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf())
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      // the login renews the session; the next page load hands out the session's new CSRF token
      browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** What the start dialog sends for a Camunda Form: submit-form by definition id, no business key. */
    HttpResponse<String> submitStartForm(Map<String, Object> form) throws Exception {
      String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(VideoSupportSession.PROCESS_KEY).latestVersion().singleResult().getId();
      return browser.send(HttpRequest.newBuilder(
              uri("/camunda/api/engine/engine/default/process-definition/" + definitionId + "/submit-form"))
          .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf())
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(variables(form)))).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private String csrf() {
      Supplier<IllegalStateException> none = () -> new IllegalStateException("no XSRF-TOKEN cookie");
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .findFirst().orElseThrow(none).getValue();
    }
  }
}
