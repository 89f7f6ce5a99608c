package io.videocallsupport.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

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
