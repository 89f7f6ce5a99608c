package io.videocallsupport.twilio;

import java.util.Map;

/**
 * One of Twilio's Rooms status callbacks, from its form fields: {@code StatusCallbackEvent},
 * {@code RoomSid}, {@code RoomName} (the unique name), {@code ParticipantIdentity} for participant
 * events, and {@code SequenceNumber}, which orders the events of one room.
 */
record TwilioRoomEvent(String event, String roomSid, String roomName, String participantIdentity,
                       long sequenceNumber, String timestamp) {

  static final String ROOM_ENDED = "room-ended";
  static final String PARTICIPANT_CONNECTED = "participant-connected";
  static final String PARTICIPANT_DISCONNECTED = "participant-disconnected";
  static final String RECORDING_FAILED = "recording-failed";

  static TwilioRoomEvent of(Map<String, String> fields) {
    return new TwilioRoomEvent(fields.get("StatusCallbackEvent"), fields.get("RoomSid"), fields.get("RoomName"),
        fields.get("ParticipantIdentity"), sequence(fields.get("SequenceNumber")), fields.get("Timestamp"));
  }

  boolean complete() {
    return event != null && roomSid != null && roomName != null;
  }

  boolean customer() {
    return TwilioVideoTokens.isCustomer(participantIdentity);
  }

  /**
   * Unique per event: Twilio numbers a room's events in order. Twilio repeats a callback it got no
   * answer to; the repeat has the same key and is stored once.
   */
  String dedupeKey() {
    return participantKeyPrefix(event) + "|" + (sequenceNumber >= 0 ? sequenceNumber : timestamp);
  }

  /** The key prefix of this room's events of one kind for this event's participant. */
  String participantKeyPrefix(String kind) {
    return roomSid + "|" + kind + "|" + (participantIdentity == null ? "" : participantIdentity);
  }

  private static long sequence(String value) {
    try {
      return value == null ? -1 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
