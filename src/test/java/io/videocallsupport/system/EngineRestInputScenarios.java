package io.videocallsupport.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.support.RawHttp;
import io.videocallsupport.support.Sessions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over-long and mistyped input on the engine REST API, as an agent may send it (agents start
 * sessions there, as Tasklist does): 400 in Camunda's error format instead of 500, nothing started;
 * a body over the limit 413. Camunda's own answers to other errors stay as they are. Run on H2 and
 * PostgreSQL, whose errors for a value too long differ in their text, not in their SQL state.
 */
abstract class EngineRestInputScenarios {

  private static final String START = "/engine-rest/process-definition/key/video-support-session/start";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired SessionRepository sessions;
  @Autowired ObjectMapper json;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void valuesLongerThanTheirColumnsAre400AndStartNothing() throws Exception {
    long before = runtime.createProcessInstanceQuery().count();

    String ticket = ticket();
    Map<String, Object> longKey = start(ticket);
    longKey.put("businessKey", "k".repeat(300));
    // a session's business key is its ticket id: the start rules refuse it before any column is reached
    assertRefusedByStartRules(post(START, longKey), "businessKey");

    Map<String, Object> longName = start(ticket());
    variables(longName).put("n".repeat(300), Map.of("value", 1));
    assertBadRequest(post(START, longName), "longer than its field allows");

    Map<String, Object> longString = start(ticket());
    variables(longString).put("notes", Map.of("value", "x".repeat(5_000), "type", "String"));
    assertBadRequest(post(START, longString), "longer than its field allows");

    // the application's own table: the session's ticket id has 100 characters
    String longTicket = "T-" + "t".repeat(300);
    assertRefusedByStartRules(post(START, start(longTicket)), "ticketId");

    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(sessions.findByTicket(ticket)).isEmpty();
    assertThat(sessions.findByTicket(longTicket)).isEmpty();
  }

  @Test
  void aVariableOfTheWrongTypeIs400() throws Exception {
    Map<String, Object> request = start(ticket());
    variables(request).put("ticketId", Map.of("value", 17));
    assertRefusedByStartRules(post(START, request), "ticketId");

    Map<String, Object> other = start(ticket());
    variables(other).put("hasCamera", Map.of("value", "perhaps", "type", "Boolean"));
    HttpResponse<String> refused = post(START, other);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
  }

  @Test
  void otherErrorsKeepCamundasAnswer() throws Exception {
    HttpResponse<String> unknown = post("/engine-rest/process-definition/key/no-such-process/start", start(ticket()));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json.readTree(unknown.body()).path("type").asText()).isEqualTo("RestException");
    HttpResponse<String> malformed = send(START, "{\"variables\": 5}");
    assertThat(malformed.statusCode()).isEqualTo(400);
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    RawHttp.Answer answer = RawHttp.to(port).announce(START, Map.of("Content-Type", "application/json",
        "Authorization", basic()), 20_000_000);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body()).contains("request body too large");
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() throws Exception {
    Map<String, Object> request = start(ticket());
    variables(request).put("padding", Map.of("value", "x".repeat(11_000_000), "type", "Json"));
    RawHttp.Answer answer = RawHttp.to(port).chunked(START, Map.of("Content-Type", "application/json",
        "Authorization", basic()), json.writeValueAsBytes(request));
    assertThat(answer.status()).as(answer.body()).isEqualTo(413);
  }

  /** Refused by the session's start rules (the same as the session API's), naming the field. */
  private void assertRefusedByStartRules(HttpResponse<String> response, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("type").asText()).isEqualTo("InvalidSessionStartException");
    assertThat(body.path("message").asText()).contains(field);
  }

  private void assertBadRequest(HttpResponse<String> response, String reason) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(body.path("message").asText()).contains(reason).contains("nothing was changed");
  }

  private static Map<String, Object> start(String ticketId) {
    Map<String, Object> variables = new LinkedHashMap<>();
    Sessions.startForm(ticketId).forEach((name, value) -> variables.put(name, Map.of("value", value)));
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("variables", variables);
    return request;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Map<String, Object> request) {
    return (Map<String, Object>) request.get("variables");
  }

  private HttpResponse<String> post(String path, Map<String, Object> body) throws Exception {
    return send(path, json.writeValueAsString(body));
  }

  private HttpResponse<String> send(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", basic()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString("anna:demo".getBytes());
  }

  private static String ticket() {
    return "T-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
