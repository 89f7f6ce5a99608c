package io.videocallsupport.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zoom's meeting endpoints with state and Zoom's per-second rate limit, as a WireMock response
 * transformer: "Create a meeting" ({@code POST /users/{userId}/meetings}) creates a meeting unless
 * more than {@code perSecond} creations came in the current second, which are answered 429 with
 * {@code Retry-After}; "List meetings" and "Get a meeting" show what was created. Counts every
 * answer, so that a benchmark can check that no meeting was created twice.
 */
class FakeZoomMeetings implements ResponseDefinitionTransformerV2 {

  static final String NAME = "fake-zoom-meetings";
  private static final Pattern USER_MEETINGS = Pattern.compile("/v2/users/([^/]+)/meetings");
  private static final Pattern MEETING = Pattern.compile("/v2/meetings/(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int perSecond;
  private final Duration retryAfter;
  private final AtomicLong nextMeetingId = new AtomicLong(85_000_000_000L);
  private final Map<String, List<ObjectNode>> meetingsByHost = new ConcurrentHashMap<>();
  private final Map<Long, ObjectNode> meetingsById = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> creationsByAgenda = new ConcurrentHashMap<>();
  private final Map<String, Long> firstMeetingByAgenda = new ConcurrentHashMap<>();
  private final Queue<Long> createdAtNanos = new ConcurrentLinkedQueue<>();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicInteger lookups = new AtomicInteger();
  private final Map<String, Long> rateLimitedAtByAgenda = new ConcurrentHashMap<>();
  private final Queue<Long> waitsAfterRateLimit = new ConcurrentLinkedQueue<>();
  private long windowStart;
  private int inWindow;

  FakeZoomMeetings(int perSecond, Duration retryAfter) {
    this.perSecond = perSecond;
    this.retryAfter = retryAfter;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    var request = serveEvent.getRequest();
    String path = request.getUrl().replaceFirst("\\?.*", "");
    Matcher userMeetings = USER_MEETINGS.matcher(path);
    Matcher meeting = MEETING.matcher(path);
    if (userMeetings.matches() && request.getMethod().getName().equals("POST")) {
      return create(userMeetings.group(1), read(request.getBodyAsString()));
    }
    if (userMeetings.matches() && request.getMethod().getName().equals("GET")) {
      lookups.incrementAndGet();
      var pageSize = request.queryParameter("page_size");
      return list(userMeetings.group(1), pageSize.isPresent() ? Math.min(300, Integer.parseInt(pageSize.firstValue()))
          : 30);
    }
    if (meeting.matches() && request.getMethod().getName().equals("GET")) {
      lookups.incrementAndGet();
      ObjectNode found = meetingsById.get(Long.parseLong(meeting.group(1)));
      return found == null ? json(404, "{\"code\": 3001, \"message\": \"Meeting does not exist.\"}")
          : json(200, found.toString());
    }
    return json(404, "{\"code\": 404, \"message\": \"Not in this fake\"}");
  }

  private ResponseDefinition create(String host, JsonNode body) {
    String agenda = body.path("agenda").asText();
    long now = System.nanoTime();
    Long rateLimitedAt = rateLimitedAtByAgenda.remove(agenda);
    if (rateLimitedAt != null) {
      waitsAfterRateLimit.add(now - rateLimitedAt);
    }
    if (!admit()) {
      rateLimited.incrementAndGet();
      rateLimitedAtByAgenda.put(agenda, now);
      return ResponseDefinitionBuilder.responseDefinition().withStatus(429)
          .withHeader("Content-Type", "application/json")
          .withHeader("Retry-After", String.valueOf(retryAfter.toSeconds()))
          .withHeader("X-RateLimit-Category", "Medium")
          .withBody("{\"code\": 429, \"message\": \"You have reached the maximum per-second rate limit for this API. "
              + "Try again later.\"}")
          .build();
    }
    long id = nextMeetingId.incrementAndGet();
    ObjectNode meeting = JSON.createObjectNode()
        .put("id", id).put("uuid", "uuid-" + id + "==").put("host_id", host).put("host_email", host + "@example.com")
        .put("topic", body.path("topic").asText()).put("type", body.path("type").asInt(2)).put("status", "waiting")
        .put("start_time", body.path("start_time").asText()).put("duration", body.path("duration").asInt())
        .put("timezone", body.path("timezone").asText()).put("agenda", agenda)
        .put("join_url", "https://us05web.zoom.us/j/" + id + "?pwd=abc")
        .put("start_url", "https://us05web.zoom.us/s/" + id + "?zak=host-secret").put("password", "abc");
    meeting.set("settings", body.path("settings"));
    meetingsById.put(id, meeting);
    meetingsByHost.computeIfAbsent(host, h -> Collections.synchronizedList(new ArrayList<>())).add(meeting);
    creationsByAgenda.computeIfAbsent(agenda, a -> new AtomicInteger()).incrementAndGet();
    firstMeetingByAgenda.putIfAbsent(agenda, id);
    createdAtNanos.add(now);
    return json(201, meeting.toString());
  }

  /** As Zoom lists them: without the host's start URL, at most one page. */
  private ResponseDefinition list(String host, int pageSize) {
    List<ObjectNode> all = meetingsByHost.getOrDefault(host, List.of());
    ArrayNode page = JSON.createArrayNode();
    synchronized (all) {
      all.stream().limit(pageSize).forEach(m -> page.add(m.deepCopy().without(List.of("start_url", "settings",
          "password", "host_email"))));
    }
    ObjectNode body = JSON.createObjectNode().put("page_size", pageSize).put("total_records", all.size())
        .put("next_page_token", "");
    body.set("meetings", page);
    return json(200, body.toString());
  }

  /** Zoom's per-second limit, counted in whole seconds. */
  private synchronized boolean admit() {
    long second = System.nanoTime() / 1_000_000_000L;
    if (second != windowStart) {
      windowStart = second;
      inWindow = 0;
    }
    return ++inWindow <= perSecond;
  }

  /** Forgets everything (between a warm-up and the measured run). */
  synchronized void reset() {
    meetingsByHost.clear();
    meetingsById.clear();
    creationsByAgenda.clear();
    firstMeetingByAgenda.clear();
    createdAtNanos.clear();
    rateLimited.set(0);
    lookups.set(0);
    rateLimitedAtByAgenda.clear();
    waitsAfterRateLimit.clear();
  }

  Map<String, AtomicInteger> creationsByAgenda() {
    return creationsByAgenda;
  }

  /** The meeting id created for an agenda, if one was. */
  Long meetingIdFor(String agenda) {
    return firstMeetingByAgenda.get(agenda);
  }

  List<Long> createdAtNanos() {
    return List.copyOf(createdAtNanos);
  }

  /** For every create call that followed a 429 for the same meeting: how long after the 429 it came. */
  List<Long> waitsAfterRateLimit() {
    return List.copyOf(waitsAfterRateLimit);
  }

  int rateLimited() {
    return rateLimited.get();
  }

  int lookups() {
    return lookups.get();
  }

  int mostOnOneHost() {
    return meetingsByHost.values().stream().mapToInt(List::size).max().orElse(0);
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ResponseDefinition json(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body).build();
  }
}
