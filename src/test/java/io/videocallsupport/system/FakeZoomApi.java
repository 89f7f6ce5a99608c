package io.videocallsupport.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zoom's meeting endpoints for a test that kills the application: "Create a meeting" creates one and
 * "List meetings" / "Get a meeting" show it, as Zoom documents them; everything else (status,
 * in-meeting control, deletions) is accepted. While {@link #holdCreations()} is on, creation requests
 * are held open without an answer, so the job that sent one is in flight when the process dies.
 */
final class FakeZoomApi implements ResponseDefinitionTransformerV2 {

  static final String NAME = "fake-zoom-api";
  private static final Pattern USER_MEETINGS = Pattern.compile("/v2/users/([^/]+)/meetings");
  private static final Pattern MEETING = Pattern.compile("/v2/meetings/(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicLong nextMeetingId = new AtomicLong(86_000_000_000L);
  private final Map<Long, ObjectNode> meetingsById = new ConcurrentHashMap<>();
  private final List<ObjectNode> meetings = new CopyOnWriteArrayList<>();
  private final List<String> heldAgendas = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch hold;

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  /** From now on, creation requests get no answer until {@link #releaseHeld()}. */
  void holdCreations() {
    heldAgendas.clear();
    hold = new CountDownLatch(1);
  }

  /** Answers the held requests (to a process that is gone by then) and creates normally again. */
  void releaseHeld() {
    CountDownLatch held = hold;
    hold = null;
    if (held != null) {
      held.countDown();
    }
  }

  /** The agendas (one per session) of creation requests that were held. */
  List<String> heldAgendas() {
    return List.copyOf(heldAgendas);
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    var request = serveEvent.getRequest();
    String path = request.getUrl().replaceFirst("\\?.*", "");
    String method = request.getMethod().getName();
    Matcher userMeetings = USER_MEETINGS.matcher(path);
    Matcher meeting = MEETING.matcher(path);
    if (userMeetings.matches() && method.equals("POST")) {
      return create(userMeetings.group(1), read(request.getBodyAsString()));
    }
    if (userMeetings.matches() && method.equals("GET")) {
      ArrayNode page = JSON.createArrayNode();
      meetings.stream().filter(m -> m.path("host_id").asText().equals(userMeetings.group(1)))
          .forEach(m -> page.add(m.deepCopy().without(List.of("start_url", "password"))));
      ObjectNode body = JSON.createObjectNode().put("page_size", 300).put("total_records", page.size())
          .put("next_page_token", "");
      body.set("meetings", page);
      return json(200, body.toString());
    }
    if (meeting.matches() && method.equals("GET")) {
      ObjectNode found = meetingsById.get(Long.parseLong(meeting.group(1)));
      return found == null ? json(404, "{\"code\": 3001, \"message\": \"Meeting does not exist.\"}")
          : json(200, found.toString());
    }
    return ResponseDefinitionBuilder.responseDefinition().withStatus(204).build();
  }

  private ResponseDefinition create(String host, JsonNode body) {
    CountDownLatch held = hold;
    if (held != null) {
      heldAgendas.add(body.path("agenda").asText());
      try {
        held.await(3, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return json(503, "{\"code\": 503, \"message\": \"held by the test\"}");
    }
    long id = nextMeetingId.incrementAndGet();
    ObjectNode created = JSON.createObjectNode()
        .put("id", id).put("uuid", "uuid-" + id + "==").put("host_id", host).put("host_email", host + "@example.com")
        .put("topic", body.path("topic").asText()).put("type", body.path("type").asInt(2)).put("status", "waiting")
        .put("start_time", body.path("start_time").asText()).put("duration", body.path("duration").asInt())
        .put("timezone", body.path("timezone").asText()).put("agenda", body.path("agenda").asText())
        .put("join_url", "https://us05web.zoom.us/j/" + id + "?pwd=abc")
        .put("start_url", "https://us05web.zoom.us/s/" + id + "?zak=host-secret").put("password", "abc");
    meetingsById.put(id, created);
    meetings.add(created);
    return json(201, created.toString());
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("Not JSON: " + body, e);
    }
  }

  private static ResponseDefinition json(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body).build();
  }
}
