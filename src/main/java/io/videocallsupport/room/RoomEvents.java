package io.videocallsupport.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.inbox.Inbox;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What happens in a room, stored in the inbox (source {@value #SOURCE}) like any platform's
 * webhook: {@link RoomInboxHandler} hands it to the session's process.
 */
@Component
@ConditionalOnRoomPlatform
class RoomEvents {

  static final String SOURCE = "room";
  static final String PARTICIPANT_JOINED = "participant.joined";
  static final String PARTICIPANT_LEFT = "participant.left";
  static final String CALL_ENDED = "call.ended";
  static final String RECORDING_READY = "recording.ready";
  static final String SENSITIVE_DATA = "recording.sensitive-data";

  private final Inbox inbox;
  private final ObjectMapper json;

  RoomEvents(Inbox inbox, ObjectMapper json) {
    this.inbox = inbox;
    this.json = json;
  }

  void customerJoined(String meetingId, String peerId) {
    accept(meetingId + ":joined:" + peerId, PARTICIPANT_JOINED, Map.of("meetingId", meetingId, "peerId", peerId));
  }

  /** {@code onPurpose}: the customer pressed "Leave"; otherwise the connection was lost (a drop). */
  void customerLeft(String meetingId, String peerId, boolean onPurpose) {
    accept(meetingId + ":left:" + peerId, PARTICIPANT_LEFT,
        Map.of("meetingId", meetingId, "peerId", peerId, "reason", onPurpose ? "left" : "lost"));
  }

  void callEnded(String meetingId, String endedBy) {
    accept(meetingId + ":ended:" + System.currentTimeMillis(), CALL_ENDED, Map.of("meetingId", meetingId, "endedBy", endedBy));
  }

  void recordingReady(String meetingId, String recordingId, String storageRef) {
    accept(meetingId + ":recording:" + recordingId, RECORDING_READY,
        Map.of("meetingId", meetingId, "recordingId", recordingId, "storageRef", storageRef));
  }

  void sensitiveData(String meetingId, String markedBy, String eventId) {
    accept(meetingId + ":sensitive:" + eventId, SENSITIVE_DATA, Map.of("meetingId", meetingId, "markedBy", markedBy));
  }

  private void accept(String dedupeKey, String type, Map<String, String> payload) {
    try {
      inbox.accept(SOURCE, dedupeKey, type, json.writeValueAsString(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of strings always serialises", e);
    }
  }
}
