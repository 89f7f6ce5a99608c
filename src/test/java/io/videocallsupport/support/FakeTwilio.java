package io.videocallsupport.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Twilio's Messages API, faked with WireMock on loopback: creating a message answers as Twilio
 * documents it (201, the Message resource as JSON, status "queued", or "accepted" through a
 * Messaging Service); errors answer with Twilio's error body ({@code code}, {@code message},
 * {@code more_info}, {@code status}). Behaviour is set per recipient number, so tests that share
 * the fake do not disturb each other.
 */
public final class FakeTwilio {

  public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  public static final String AUTH_TOKEN = "test-auth-token-not-a-secret";
  public static final String FROM = "+15005550006";
  public static final String API_KEY = "SK0123456789abcdef0123456789abcdef";
  /** Access tokens are HS256: Twilio's API secrets are 32 characters. */
  public static final String API_SECRET = "test-api-secret-not-a-secret-32c";
  public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

  /** Where the call page loads twilio-video.js from in tests: a fake of its API (test resource). */
  public static final String VIDEO_JS = "/js/twilio-video.min.js";

  private final WireMockServer server;
  private final FakeTwilioVideo video = new FakeTwilioVideo();

  public FakeTwilio() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
        .extensions(new CreatesMessages(), video));
    server.start();
    reset();
  }

  public String baseUrl() {
    return "http://localhost:" + server.port();
  }

  public WireMockServer server() {
    return server;
  }

  /** Twilio's Video API: rooms, recording rules, recordings, compositions. */
  public FakeTwilioVideo video() {
    return video;
  }

  /**
   * Forgets every stub, request and room, then accepts every message and lists none, and serves
   * the Video API and the fake twilio-video.js.
   */
  public void reset() {
    server.resetAll();
    video.reset();
    server.stubFor(any(urlPathMatching("/v1/.*")).atPriority(10)
        .willReturn(aResponse().withTransformers(FakeTwilioVideo.NAME)));
    server.stubFor(get(urlPathEqualTo(VIDEO_JS)).atPriority(10)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/javascript")
            .withBody(fakeVideoScript())));
    server.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(10)
        .willReturn(aResponse().withTransformers(CreatesMessages.NAME)));
    server.stubFor(get(urlPathEqualTo(MESSAGES)).atPriority(10)
        .willReturn(json(200, page(List.of()))));
  }

  /** Twilio refuses messages to {@code to} with this error, as its API does (e.g. 400 and 21211). */
  public void refuse(String to, int httpStatus, int code, String message) {
    server.stubFor(post(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to)).atPriority(1)
        .willReturn(json(httpStatus, error(httpStatus, code, message))));
  }

  /** The first message to {@code to} gets a server error; later ones are accepted. */
  public void failOnce(String to, int httpStatus) {
    String scenario = "fail once for " + to;
    server.stubFor(post(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to)).atPriority(1)
        .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("failed")
        .willReturn(json(httpStatus, error(httpStatus, 20500, "An internal server error has occurred"))));
  }

  /** Messages to {@code to} are rate limited, with a Retry-After. */
  public void throttle(String to, int retryAfterSeconds) {
    server.stubFor(post(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to)).atPriority(1)
        .willReturn(json(429, error(429, 20429, "Too Many Requests"))
            .withHeader("Retry-After", String.valueOf(retryAfterSeconds))));
  }

  /** Listing messages to {@code to} shows one Twilio created (although its creation may have looked failed). */
  public void lists(String to, String sid, String body) {
    Map<String, String> form = Map.of("To", to, "From", FROM, "Body", body);
    server.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to)).atPriority(1)
        .willReturn(json(200, page(List.of(message(sid, form, "sent"))))));
  }

  /** The form fields of every create request to {@code to}, in order. */
  public List<Map<String, String>> createRequests(String to) {
    return requests("POST", to).stream().map(e -> form(e.getRequest().getBodyAsString())).toList();
  }

  /** How many messages to {@code to} Twilio created (answered 201). */
  public long created(String to) {
    return requests("POST", to).stream().filter(e -> e.getResponse().getStatus() == 201).count();
  }

  /** How many times messages to {@code to} were looked up. */
  public long lookups(String to) {
    return requests("GET", to).size();
  }

  public void stop() {
    server.stop();
  }

  private List<ServeEvent> requests(String method, String to) {
    return server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getMethod().getName().equals(method))
        .filter(e -> e.getRequest().getUrl().startsWith(MESSAGES))
        .filter(e -> to.equals(method.equals("GET") ? e.getRequest().queryParameter("To").firstValue()
            : form(e.getRequest().getBodyAsString()).get("To")))
        .sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
        .toList();
  }

  /** The fields of a form-encoded request body, in order. */
  public static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      return fields;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      fields.put(name, value);
    }
    return fields;
  }

  private static String fakeVideoScript() {
    try (var script = FakeTwilio.class.getResourceAsStream("/fake-twilio-video.js")) {
      return script == null ? "" : new String(script.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static String error(int status, int code, String message) {
    ObjectNode error = JSON.createObjectNode();
    error.put("code", code);
    error.put("message", message);
    error.put("more_info", "https://www.twilio.com/docs/errors/" + code);
    error.put("status", status);
    return error.toString();
  }

  private static String page(List<ObjectNode> messages) {
    ObjectNode page = JSON.createObjectNode();
    page.put("end", Math.max(0, messages.size() - 1));
    page.put("first_page_uri", MESSAGES + "?PageSize=20&Page=0");
    page.putNull("next_page_uri");
    page.put("page", 0);
    page.put("page_size", 20);
    page.putNull("previous_page_uri");
    ArrayNode list = page.putArray("messages");
    messages.forEach(list::add);
    page.put("start", 0);
    page.put("uri", MESSAGES + "?PageSize=20&Page=0");
    return page.toString();
  }

  static ObjectNode message(String sid, Map<String, String> form, String status) {
    String now = ZonedDateTime.now(ZoneOffset.UTC).format(RFC_2822);
    String uri = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid;
    ObjectNode message = JSON.createObjectNode();
    message.put("account_sid", ACCOUNT_SID);
    message.put("api_version", "2010-04-01");
    message.put("body", form.get("Body"));
    message.put("date_created", now);
    message.putNull("date_sent");
    message.put("date_updated", now);
    message.put("direction", "outbound-api");
    message.putNull("error_code");
    message.putNull("error_message");
    message.put("from", form.get("From"));
    if (form.containsKey("MessagingServiceSid")) {
      message.put("messaging_service_sid", form.get("MessagingServiceSid"));
    } else {
      message.putNull("messaging_service_sid");
    }
    message.put("num_media", "0");
    message.put("num_segments", form.containsKey("MessagingServiceSid") ? "0" : "1");
    message.putNull("price");
    message.put("price_unit", "USD");
    message.put("sid", sid);
    message.put("status", status);
    ObjectNode subresources = message.putObject("subresource_uris");
    subresources.put("media", uri + "/Media.json");
    subresources.put("feedback", uri + "/Feedback.json");
    message.put("to", form.get("To"));
    message.put("uri", uri + ".json");
    return message;
  }

  /** Answers a create request with the new Message resource, echoing what was sent. */
  private static final class CreatesMessages implements ResponseDefinitionTransformerV2 {

    static final String NAME = "twilio-creates-messages";

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      Map<String, String> form = form(serveEvent.getRequest().getBodyAsString());
      String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
      boolean viaService = form.containsKey("MessagingServiceSid") && !form.containsKey("From");
      return json(201, message(sid, form, viaService ? "accepted" : "queued").toString()).build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }
}
