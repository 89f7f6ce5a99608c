package io.videocallsupport.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Twilio's Video REST API (video.twilio.com/v1) as a WireMock response transformer with state:
 * rooms (a unique name addresses only the in-progress room; creating a second one answers error
 * 53113), recording rules, track recordings and compositions, answered with the JSON shapes and
 * error bodies Twilio documents. Tests decide what Twilio records ({@link #recordTracks}) and
 * post the room's status callbacks themselves ({@link #callback}).
 */
public final class FakeTwilioVideo implements ResponseDefinitionTransformerV2 {

  static final String NAME = "twilio-video";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, ObjectNode> rooms = new ConcurrentHashMap<>();
  private final List<String> roomsInOrder = new CopyOnWriteArrayList<>();
  private final Map<String, ObjectNode> recordings = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> compositions = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> sequences = new ConcurrentHashMap<>();
  /** Per room SID: identity to participant resource. */
  private final Map<String, Map<String, ObjectNode>> participants = new ConcurrentHashMap<>();
  private final AtomicInteger failuresToGo = new AtomicInteger();

  void reset() {
    rooms.clear();
    roomsInOrder.clear();
    recordings.clear();
    compositions.clear();
    sequences.clear();
    participants.clear();
    failuresToGo.set(0);
  }

  /** The next {@code count} requests to the Video API get a 503 with Twilio's error body. */
  public void failNext(int count) {
    failuresToGo.set(count);
  }

  public Optional<JsonNode> room(String sidOrName) {
    return Optional.ofNullable(find(sidOrName));
  }

  /** Every room, in creation order, that had this unique name. */
  public List<JsonNode> roomsNamed(String uniqueName) {
    return roomsInOrder.stream().map(rooms::get).filter(r -> uniqueName.equals(r.path("unique_name").asText()))
        .map(JsonNode.class::cast).toList();
  }

  /** The recording rule in force: true when everyone is recorded, false when no one is. */
  public boolean recordsEveryone(String roomSid) {
    JsonNode rules = rooms.get(roomSid).path("recording_rules");
    return rules.size() == 1 && "include".equals(rules.get(0).path("type").asText())
        && rules.get(0).path("all").asBoolean();
  }

  /**
   * Twilio records the tracks published in the room, as its recording rule allows: an audio and a
   * video recording for each identity while the rule includes everyone, none otherwise.
   */
  public List<String> recordTracks(String roomSid, String... identities) {
    List<String> sids = new ArrayList<>();
    if (!recordsEveryone(roomSid)) {
      return sids;
    }
    for (String identity : identities) {
      for (String kind : List.of("audio", "video")) {
        String sid = "RT" + hex();
        ObjectNode recording = JSON.createObjectNode();
        recording.put("account_sid", FakeTwilio.ACCOUNT_SID);
        recording.put("status", "completed");
        recording.put("date_created", now());
        recording.put("sid", sid);
        recording.put("source_sid", "MT" + hex());
        recording.put("size", 204800);
        recording.put("url", "https://video.twilio.com/v1/Recordings/" + sid);
        recording.put("type", kind);
        recording.put("duration", 120);
        recording.put("container_format", kind.equals("audio") ? "mka" : "mkv");
        recording.put("codec", kind.equals("audio") ? "opus" : "VP8");
        ObjectNode grouping = recording.putObject("grouping_sids");
        grouping.put("room_sid", roomSid);
        grouping.put("participant_sid", "PA" + hex());
        recording.put("track_name", identity + "-" + kind);
        recording.put("offset", 0);
        recording.putNull("media_external_location");
        recording.putNull("status_callback");
        recording.put("status_callback_method", "POST");
        recording.putObject("links").put("media", "https://video.twilio.com/v1/Recordings/" + sid + "/Media");
        recordings.put(sid, recording);
        sids.add(sid);
      }
    }
    return sids;
  }

  /** A composition of the room's recordings, as the console or another tool would make one. */
  public String composeRoom(String roomSid) {
    String sid = "CJ" + hex();
    ObjectNode composition = JSON.createObjectNode();
    composition.put("account_sid", FakeTwilio.ACCOUNT_SID);
    composition.put("status", "completed");
    composition.put("date_created", now());
    composition.put("sid", sid);
    composition.put("room_sid", roomSid);
    composition.putArray("audio_sources").add("*");
    composition.put("format", "mp4");
    composition.put("url", "https://video.twilio.com/v1/Compositions/" + sid);
    compositions.put(sid, composition);
    return sid;
  }

  /** Recordings of the room whose media still exists. */
  public List<JsonNode> keptRecordings(String roomSid) {
    return recordings.values().stream()
        .filter(r -> roomSid.equals(r.path("grouping_sids").path("room_sid").asText()))
        .filter(r -> !"deleted".equals(r.path("status").asText()))
        .map(JsonNode.class::cast).toList();
  }

  public List<JsonNode> keptCompositions(String roomSid) {
    return compositions.values().stream()
        .filter(c -> roomSid.equals(c.path("room_sid").asText()) && !"deleted".equals(c.path("status").asText()))
        .map(JsonNode.class::cast).toList();
  }

  /** Twilio closes a room (the empty-room timeout ran out, or the API ended it): everyone is disconnected. */
  public void closeRoom(String roomSid) {
    ObjectNode room = rooms.get(roomSid);
    room.put("status", "completed");
    room.put("end_time", now());
    participants.getOrDefault(roomSid, Map.of()).values().forEach(p -> p.put("status", "disconnected"));
  }

  /**
   * The form fields of a Rooms status callback as Twilio posts them, numbered in order per room.
   * {@code identity} is null for room events. A participant event changes the participant's state
   * as Twilio's API shows it.
   */
  public Map<String, String> callback(String roomSid, String event, String identity) {
    JsonNode room = rooms.get(roomSid);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("AccountSid", FakeTwilio.ACCOUNT_SID);
    fields.put("RoomName", room.path("unique_name").asText());
    fields.put("RoomSid", roomSid);
    fields.put("RoomStatus", event.equals("room-ended") ? "completed" : "in-progress");
    fields.put("RoomType", "group");
    fields.put("StatusCallbackEvent", event);
    fields.put("Timestamp", now());
    fields.put("SequenceNumber", String.valueOf(sequences.computeIfAbsent(roomSid, k -> new AtomicInteger())
        .getAndIncrement()));
    if (identity != null) {
      participant(roomSid, identity).put("status",
          event.equals("participant-disconnected") ? "disconnected" : "connected");
      fields.put("ParticipantSid", "PA" + UUID.nameUUIDFromBytes(identity.getBytes()).toString().replace("-", ""));
      fields.put("ParticipantIdentity", identity);
      fields.put("ParticipantStatus", event.equals("participant-disconnected") ? "disconnected" : "connected");
      if (event.equals("participant-disconnected")) {
        fields.put("ParticipantDuration", "95");
      }
    }
    if (event.equals("room-ended")) {
      fields.put("RoomDuration", "300");
    }
    return fields;
  }

  private ObjectNode participant(String roomSid, String identity) {
    return participants.computeIfAbsent(roomSid, k -> new ConcurrentHashMap<>()).computeIfAbsent(identity, id -> {
      ObjectNode participant = JSON.createObjectNode();
      String sid = "PA" + UUID.nameUUIDFromBytes(id.getBytes()).toString().replace("-", "");
      participant.put("sid", sid);
      participant.put("room_sid", roomSid);
      participant.put("account_sid", FakeTwilio.ACCOUNT_SID);
      participant.put("identity", id);
      participant.put("date_created", now());
      participant.put("start_time", now());
      participant.put("url", "https://video.twilio.com/v1/Rooms/" + roomSid + "/Participants/" + sid);
      return participant;
    });
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    if (failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return FakeTwilio.json(503, error(503, 20503, "Service unavailable")).build();
    }
    String path = request.getUrl().replaceFirst("\\?.*", "");
    String method = request.getMethod().getName();
    String[] parts = path.substring(1).split("/");  // v1, Rooms, {sid}, RecordingRules
    Map<String, String> form = FakeTwilio.form(request.getBodyAsString());
    return switch (parts[1]) {
      case "Rooms" -> rooms(method, parts, form, request).build();
      case "Recordings" -> collection(method, parts, recordings, "recordings",
          r -> matches(request, "GroupingSid", r.path("grouping_sids").path("room_sid").asText())).build();
      case "Compositions" -> collection(method, parts, compositions, "compositions",
          c -> matches(request, "RoomSid", c.path("room_sid").asText())).build();
      default -> FakeTwilio.json(404, error(404, 20404, "The requested resource was not found")).build();
    };
  }

  private ResponseDefinitionBuilder rooms(String method, String[] parts, Map<String, String> form, Request request) {
    if (parts.length == 2 && method.equals("POST")) {
      return createRoom(form);
    }
    if (parts.length == 2) {
      List<JsonNode> matching = rooms.values().stream()
          .filter(r -> matches(request, "UniqueName", r.path("unique_name").asText()))
          .filter(r -> matches(request, "Status", r.path("status").asText()))
          .map(r -> (JsonNode) JSON.valueToTree(withoutRules(r))).toList();
      return FakeTwilio.json(200, page("rooms", "/v1/Rooms", matching));
    }
    ObjectNode room = find(parts[2]);
    if (room == null) {
      return FakeTwilio.json(404, error(404, 20404, "The requested resource /Rooms/" + parts[2]
          + " was not found"));
    }
    if (parts.length == 4 && parts[3].equals("Participants")) {
      String roomSid = room.path("sid").asText();
      List<JsonNode> matching = participants.getOrDefault(roomSid, Map.of()).values().stream()
          .filter(p -> matches(request, "Identity", p.path("identity").asText()))
          .filter(p -> matches(request, "Status", p.path("status").asText()))
          .map(JsonNode.class::cast).toList();
      return FakeTwilio.json(200, page("participants", "/v1/Rooms/" + roomSid + "/Participants", matching));
    }
    if (parts.length == 4 && parts[3].equals("RecordingRules")) {
      if (method.equals("POST")) {
        try {
          room.set("recording_rules", JSON.readTree(form.get("Rules")).path("rules"));
        } catch (java.io.IOException e) {
          return FakeTwilio.json(400, error(400, 53120, "Invalid Recording Rule(s)"));
        }
      }
      ObjectNode rules = JSON.createObjectNode();
      rules.put("room_sid", room.path("sid").asText());
      rules.set("rules", room.path("recording_rules"));
      rules.put("date_created", room.path("date_created").asText());
      rules.put("date_updated", now());
      return FakeTwilio.json(200, rules.toString());
    }
    if (method.equals("POST") && "completed".equals(form.get("Status"))) {
      if (!"completed".equals(room.path("status").asText())) {
        closeRoom(room.path("sid").asText());
      }
    }
    return FakeTwilio.json(200, withoutRules(room).toString());
  }

  private ResponseDefinitionBuilder createRoom(Map<String, String> form) {
    String name = form.get("UniqueName");
    if (name != null && rooms.values().stream().anyMatch(r -> name.equals(r.path("unique_name").asText())
        && "in-progress".equals(r.path("status").asText()))) {
      return FakeTwilio.json(400, error(400, 53113, "Room exists"));
    }
    String sid = "RM" + hex();
    ObjectNode room = JSON.createObjectNode();
    room.put("sid", sid);
    room.put("status", "in-progress");
    room.put("date_created", now());
    room.put("date_updated", now());
    room.put("account_sid", FakeTwilio.ACCOUNT_SID);
    room.put("enable_turn", true);
    room.put("unique_name", name == null ? sid : name);
    room.put("status_callback", form.get("StatusCallback"));
    room.put("status_callback_method", form.getOrDefault("StatusCallbackMethod", "POST"));
    room.putNull("end_time");
    room.putNull("duration");
    room.put("type", form.getOrDefault("Type", "group"));
    room.put("max_participants", Integer.parseInt(form.getOrDefault("MaxParticipants", "50")));
    room.put("max_participant_duration", 14400);
    room.putNull("max_concurrent_published_tracks");
    room.put("record_participants_on_connect", Boolean.parseBoolean(form.get("RecordParticipantsOnConnect")));
    room.putArray("video_codecs").add("VP8").add("H264");
    room.put("media_region", form.getOrDefault("MediaRegion", "us1"));
    room.put("audio_only", false);
    room.put("empty_room_timeout", Integer.parseInt(form.getOrDefault("EmptyRoomTimeout", "5")));
    room.put("unused_room_timeout", Integer.parseInt(form.getOrDefault("UnusedRoomTimeout", "5")));
    room.put("large_room", false);
    room.put("url", "https://video.twilio.com/v1/Rooms/" + sid);
    ObjectNode links = room.putObject("links");
    links.put("participants", "https://video.twilio.com/v1/Rooms/" + sid + "/Participants");
    links.put("recordings", "https://video.twilio.com/v1/Rooms/" + sid + "/Recordings");
    links.put("recording_rules", "https://video.twilio.com/v1/Rooms/" + sid + "/RecordingRules");
    try {
      JsonNode rules = form.containsKey("RecordingRules") ? JSON.readTree(form.get("RecordingRules")).path("rules")
          : JSON.createArrayNode();
      room.set("recording_rules", rules);
    } catch (java.io.IOException e) {
      return FakeTwilio.json(400, error(400, 53120, "Invalid Recording Rule(s)"));
    }
    rooms.put(sid, room);
    roomsInOrder.add(sid);
    return FakeTwilio.json(201, withoutRules(room).toString());
  }

  private ResponseDefinitionBuilder collection(String method, String[] parts, Map<String, ObjectNode> items,
                                               String key, Predicate<JsonNode> filter) {
    if (parts.length == 2) {
      List<JsonNode> matching = items.values().stream().filter(filter::test).map(JsonNode.class::cast).toList();
      return FakeTwilio.json(200, page(key, "/v1/" + parts[1], matching));
    }
    ObjectNode item = items.get(parts[2]);
    if (item == null || (method.equals("DELETE") && "deleted".equals(item.path("status").asText()))) {
      return FakeTwilio.json(404, error(404, 20404, "The requested resource was not found"));
    }
    if (method.equals("DELETE")) {
      item.put("status", "deleted");
      return new ResponseDefinitionBuilder().withStatus(204);
    }
    return FakeTwilio.json(200, item.toString());
  }

  private ObjectNode find(String sidOrName) {
    ObjectNode bySid = rooms.get(sidOrName);
    if (bySid != null) {
      return bySid;
    }
    return rooms.values().stream()
        .filter(r -> sidOrName.equals(r.path("unique_name").asText()) && "in-progress".equals(r.path("status").asText()))
        .findFirst().orElse(null);
  }

  private static boolean matches(Request request, String param, String value) {
    var query = request.queryParameter(param);
    return !query.isPresent() || query.firstValue().equals(value);
  }

  /** A room as the API shows it: its recording rules are a resource of their own. */
  private static ObjectNode withoutRules(ObjectNode room) {
    ObjectNode copy = room.deepCopy();
    copy.remove("recording_rules");
    return copy;
  }

  private static String page(String key, String path, List<JsonNode> items) {
    ObjectNode page = JSON.createObjectNode();
    ArrayNode list = page.putArray(key);
    items.forEach(list::add);
    ObjectNode meta = page.putObject("meta");
    meta.put("page", 0);
    meta.put("page_size", 50);
    meta.put("first_page_url", "https://video.twilio.com" + path + "?PageSize=50&Page=0");
    meta.putNull("previous_page_url");
    meta.put("url", "https://video.twilio.com" + path + "?PageSize=50&Page=0");
    meta.putNull("next_page_url");
    meta.put("key", key);
    return page.toString();
  }

  private static String error(int status, int code, String message) {
    ObjectNode error = JSON.createObjectNode();
    error.put("code", code);
    error.put("message", message);
    error.put("more_info", "https://www.twilio.com/docs/errors/" + code);
    error.put("status", status);
    return error.toString();
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String hex() {
    return UUID.randomUUID().toString().replace("-", "");
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
