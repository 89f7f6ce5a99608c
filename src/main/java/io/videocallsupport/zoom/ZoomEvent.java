package io.videocallsupport.zoom;

import static io.videocallsupport.inbox.InboundFields.EVENT_NAME;
import static io.videocallsupport.inbox.InboundFields.ID;
import static io.videocallsupport.inbox.InboundFields.TEXT;

import com.fasterxml.jackson.databind.JsonNode;
import io.videocallsupport.inbox.InboundFields;
import io.videocallsupport.inbox.InvalidInboundEventException;
import java.util.List;
import java.util.regex.Pattern;

/** A Zoom webhook event, read from its JSON as Zoom documents it ({@code event}, {@code event_ts}, {@code payload.object}). */
record ZoomEvent(String event, long eventTs, String meetingId, String meetingUuid, String hostId,
                 JsonNode participant) {

  static final String URL_VALIDATION = "endpoint.url_validation";
  static final String MEETING_STARTED = "meeting.started";
  static final String MEETING_ENDED = "meeting.ended";
  static final String PARTICIPANT_JOINED = "meeting.participant_joined";
  static final String PARTICIPANT_LEFT = "meeting.participant_left";
  static final String RECORDING_COMPLETED = "recording.completed";
  static final String TRANSCRIPT_COMPLETED = "recording.transcript_completed";

  /** Zoom's ids (meeting UUIDs are 24 characters of Base64, user and participant ids about 22) with room to spare. */
  static final int MAX_ID = 64;
  static final int MAX_EVENT = 64;
  static final int MAX_NAME = 128;
  static final int MAX_EMAIL = 320;
  static final int MAX_PLAIN_TOKEN = 256;

  /**
   * The event of a webhook body, refused ({@link InvalidInboundEventException}) when a field the inbox
   * keys on or a handler reads is missing, too long, of the wrong JSON type or not shaped as Zoom
   * documents it. The limits keep {@link #dedupeKey()} within its column: 64 + 64 + 128 + 19 + 3 characters.
   */
  static ZoomEvent checked(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new InvalidInboundEventException("body", "is not a JSON object");
    }
    String event = InboundFields.required("event", text(root, "event"), MAX_EVENT, EVENT_NAME);
    if (URL_VALIDATION.equals(event)) {
      InboundFields.required("payload.plainToken", text(root.path("payload"), "plainToken"), MAX_PLAIN_TOKEN, ID);
      return of(root);
    }
    JsonNode eventTs = root.path("event_ts");
    if (!eventTs.isIntegralNumber() || !eventTs.canConvertToLong() || eventTs.asLong() < 0) {
      throw new InvalidInboundEventException("event_ts", "is not a time in milliseconds");
    }
    JsonNode object = root.path("payload").path("object");
    check(object, "payload.object.", "uuid", MAX_ID, ID);
    check(object, "payload.object.", "id", MAX_ID, ID);
    check(object, "payload.object.", "host_id", MAX_ID, ID);
    JsonNode participant = object.path("participant");
    if (!participant.isMissingNode() && !participant.isNull() && !participant.isObject()) {
      throw new InvalidInboundEventException("payload.object.participant", "is not a JSON object");
    }
    String prefix = "payload.object.participant.";
    for (String id : List.of("participant_uuid", "user_id", "id", "participant_user_id")) {
      check(participant, prefix, id, MAX_ID, ID);
    }
    check(participant, prefix, "user_name", MAX_NAME, TEXT);
    check(participant, prefix, "email", MAX_EMAIL, TEXT);
    return of(root);
  }

  private static void check(JsonNode parent, String path, String field, int maxLength, Pattern shape) {
    InboundFields.optional(path + field, text(parent, path + field, field), maxLength, shape);
  }

  private static String text(JsonNode parent, String field) {
    return text(parent, field, field);
  }

  /** A string or number field as text; null when absent; refused when it is an object or array. */
  private static String text(JsonNode parent, String path, String field) {
    JsonNode node = parent.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isValueNode()) {
      throw new InvalidInboundEventException(path, "is not a text");
    }
    return node.asText();
  }

  static ZoomEvent of(JsonNode root) {
    JsonNode object = root.path("payload").path("object");
    JsonNode participant = object.path("participant");
    return new ZoomEvent(root.path("event").asText(), root.path("event_ts").asLong(), object.path("id").asText(null),
        object.path("uuid").asText(null), object.path("host_id").asText(null),
        participant.isMissingNode() ? null : participant);
  }

  /** Zoom's per-meeting participant identity, stable across a rejoin. */
  String participantKey() {
    if (participant == null) {
      return "";
    }
    for (String field : List.of("participant_uuid", "user_id", "id", "user_name")) {
      String value = participant.path(field).asText("");
      if (!value.isBlank()) {
        return value;
      }
    }
    return "";
  }

  /**
   * Identifies the event across Zoom's redeliveries: its type, the meeting instance, the
   * participant and the time of the event.
   */
  String dedupeKey() {
    return event + "|" + meetingUuid + "|" + participantKey() + "|" + eventTs;
  }

  /** Prefix of the dedupe keys of this participant's events of the given type. */
  String participantKeyPrefix(String type) {
    return type + "|" + meetingUuid + "|" + participantKey() + "|";
  }

  /** Agents and specialists are users of the Zoom account (or have a staff email); everyone else is the customer. */
  boolean isStaff(List<String> staffEmailDomains) {
    if (participant == null) {
      return false;
    }
    String id = participant.path("id").asText("");
    String accountUser = participant.path("participant_user_id").asText("");
    String email = participant.path("email").asText("").toLowerCase();
    return (!id.isBlank() && id.equals(hostId)) || !accountUser.isBlank()
        || staffEmailDomains.stream().anyMatch(domain -> email.endsWith("@" + domain.toLowerCase()));
  }
}
