package io.videocallsupport.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.support.H2SpringTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** {@code /api/sessions} over HTTP, as a help desk integration calls it. */
@H2SpringTest
class SessionApiTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired ObjectMapper json;

  RestClient http;

  @BeforeEach
  void client() {
    http = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
        .build();
  }

  @Test
  void startsASessionAndShowsItsStateMessagesAndTimeline() throws Exception {
    ResponseEntity<String> created = post("anna", request(ticket()));

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode body = json.readTree(created.getBody());
    assertThat(created.getHeaders().getLocation()).hasToString("/api/sessions/" + body.get("sessionId").asText());
    assertThat(body.get("state").asText()).isEqualTo("REQUESTED");
    assertThat(body.get("agentId").asText()).isEqualTo("anna");
    assertThat(body.at("/customer/email").asText()).isEqualTo("jo@example.com");
    assertThat(body.get("timeline").findValuesAsText("activityId"))
        .containsSubsequence("StartEvent_SessionRequested", "Task_RegisterSession", "Task_DecideEligibility",
            "Task_OfferVideoCall");

    ResponseEntity<String> read = get("anna", created.getHeaders().getLocation().getPath());
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(json.readTree(read.getBody()).get("messages").isArray()).isTrue();
  }

  @Test
  void badInputGetsA400WithTheFieldErrorsAndStartsNothing() throws Exception {
    long before = runtime.createProcessInstanceQuery().count();
    Map<String, Object> bad = request("");
    bad.put("customerEmail", "not-an-email");
    bad.put("customerMobile", "0151 1234");
    bad.put("customerTimeZone", "Mars/Olympus");

    ResponseEntity<String> response = post("anna", bad);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("errors").findValuesAsText("field"))
        .contains("ticketId", "customerEmail", "customerMobile", "customerTimeZone");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void unknownEnumValueIsA400Too() {
    Map<String, Object> bad = request(ticket());
    bad.put("issueCategory", "KITCHEN_SINK");
    assertThat(post("anna", bad).getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void aBodyOverTheApiLimitIsA413AndStartsNothing() {
    String ticket = ticket();
    Map<String, Object> huge = request(ticket);
    huge.put("ticketSubject", "s".repeat(100_000));

    ResponseEntity<String> response = post("anna", huge);

    assertThat(response.getStatusCode().value()).isEqualTo(413);
    assertThat(response.getBody()).contains("request body too large").contains("65536");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticket).count()).isZero();
  }

  @Test
  void malformedJsonIsA400() {
    ResponseEntity<String> response = http.post().uri("/api/sessions").headers(h -> h.setBasicAuth("anna", "demo"))
        .contentType(MediaType.APPLICATION_JSON).body("{\"ticketId\": [1, 2")
        .retrieve().toEntity(String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).contains("not valid JSON");
  }

  @Test
  void aTicketRunsOneSessionAtATime() {
    String ticket = ticket();
    assertThat(post("anna", request(ticket)).getStatusCode().value()).isEqualTo(201);
    assertThat(post("anna", request(ticket)).getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void theApiNeedsAuthenticationAndTheRightGroup() {
    assertThat(http.post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON).body(request(ticket()))
        .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(401);
    // not a demo user: Camunda delays logins after a wrong password, which would slow the other tests
    assertThat(http.post().uri("/api/sessions").headers(h -> h.setBasicAuth("mallory", "guess"))
        .contentType(MediaType.APPLICATION_JSON).body(request(ticket()))
        .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(post("maria", request(ticket())).getStatusCode().value()).as("managers change nothing").isEqualTo(403);
  }

  @Test
  void agentsDoNotSeeAnotherAgentsSession() throws Exception {
    if (identity.createUserQuery().userId("ben").count() == 0) {
      User ben = identity.newUser("ben");
      ben.setPassword("ben-secret");
      identity.saveUser(ben);
      identity.createMembership("ben", "agents");
    }
    String location = post("anna", request(ticket())).getHeaders().getLocation().getPath();

    assertThat(get("ben", location, "ben-secret").getStatusCode().value()).isEqualTo(403);
    assertThat(get("tom", location).getStatusCode().value()).as("team leads see all").isEqualTo(200);
    assertThat(get("maria", location).getStatusCode().value()).as("managers read all").isEqualTo(200);
    assertThat(get("anna", "/api/sessions/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void theEngineRestApiNeedsAuthentication() {
    assertThat(http.get().uri("/engine-rest/task").retrieve().toEntity(String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(http.get().uri("/engine-rest/task").headers(h -> h.setBasicAuth("anna", "demo"))
        .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);
  }

  private ResponseEntity<String> post(String user, Map<String, Object> body) {
    return http.post().uri("/api/sessions").headers(h -> h.setBasicAuth(user, "demo"))
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return get(user, path, "demo");
  }

  private ResponseEntity<String> get(String user, String path, String password) {
    return http.get().uri(path).headers(h -> h.setBasicAuth(user, password)).retrieve().toEntity(String.class);
  }

  private static Map<String, Object> request(String ticketId) {
    Map<String, Object> request = new HashMap<>();
    request.put("ticketId", ticketId);
    request.put("ticketSubject", "Printer setup");
    request.put("customerName", "Jo Doe");
    request.put("customerEmail", "jo@example.com");
    request.put("customerMobile", "+4915112345678");
    request.put("customerTimeZone", "Europe/Berlin");
    request.put("customerLocale", "de");
    request.put("jurisdictionCountry", "DE");
    request.put("issueCategory", "VISUAL_DEBUGGING");
    return request;
  }

  private static String ticket() {
    return "API-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
