package io.videocallsupport.twilio;

import io.videocallsupport.inbox.InboundFields;
import io.videocallsupport.inbox.InvalidInboundEventException;
import java.util.Map;
import java.util.regex.Pattern;

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

  static final int MAX_EVENT = 40;
  /** Twilio's limit for a room's unique name and a participant's identity. */
  static final int MAX_NAME = 128;
  static final int MAX_TIMESTAMP = 40;
  private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

  /**
   * The event of a verified callback, refused ({@link InvalidInboundEventException}) when a field the
   * inbox keys on is missing, too long or not shaped as Twilio documents it. The limits keep
   * {@link #dedupeKey()} within its column: 34 + 40 + 128 + 40 + 3 characters.
   */
  static TwilioRoomEvent checked(Map<String, String> fields) {
    InboundFields.required("StatusCallbackEvent", fields.get("StatusCallbackEvent"), MAX_EVENT,
        InboundFields.EVENT_NAME);
    InboundFields.required("RoomSid", fields.get("RoomSid"), TwilioSids.LENGTH, TwilioSids.ROOM);
    InboundFields.required("RoomName", fields.get("RoomName"), MAX_NAME, InboundFields.TEXT);
    InboundFields.optional("ParticipantIdentity", fields.get("ParticipantIdentity"), MAX_NAME, InboundFields.TEXT);
    InboundFields.optional("SequenceNumber", fields.get("SequenceNumber"), 18, DIGITS);
    InboundFields.optional("Timestamp", fields.get("Timestamp"), MAX_TIMESTAMP, InboundFields.TEXT);
    return of(fields);
  }

  static TwilioRoomEvent of(Map<String, String> fields) {
    return new TwilioRoomEvent(fields.get("StatusCallbackEvent"), fields.get("RoomSid"), fields.get("RoomName"),
        fields.get("ParticipantIdentity"), sequence(fields.get("SequenceNumber")), fields.get("Timestamp"));
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
