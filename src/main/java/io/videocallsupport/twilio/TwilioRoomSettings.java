package io.videocallsupport.twilio;

import io.videocallsupport.system.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the application wants of a session's Twilio rooms, kept apart from the rooms themselves:
 * a room closes when it has been empty for a while and the next visit opens a new one with the
 * same name, which must record exactly when the one before did.
 */
class TwilioRoomSettings {

  private final JdbcClient jdbc;
  private final Clock clock;

  TwilioRoomSettings(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Registers a session's room name, not recording; a name registered already keeps its setting. */
  void register(String uniqueName, UUID sessionId) {
    int updated = jdbc.sql("UPDATE twilio_room SET updated_at = :now WHERE unique_name = :name")
        .param("name", uniqueName).param("now", Timestamps.now(clock)).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO twilio_room (unique_name, session_id, recording, updated_at) "
              + "VALUES (:name, :sessionId, FALSE, :now)")
          .param("name", uniqueName).param("sessionId", sessionId).param("now", Timestamps.now(clock)).update();
    }
  }

  boolean recording(String uniqueName) {
    return jdbc.sql("SELECT recording FROM twilio_room WHERE unique_name = :name")
        .param("name", uniqueName).query(Boolean.class).optional().orElse(false);
  }

  /** The customer said goodbye (pressed "Leave"), or with {@code false}, came back. */
  void setCustomerLeft(String uniqueName, boolean left) {
    jdbc.sql("UPDATE twilio_room SET customer_left_at = :leftAt, updated_at = :now WHERE unique_name = :name")
        .param("name", uniqueName).param("leftAt", left ? Timestamps.now(clock) : null)
        .param("now", Timestamps.now(clock)).update();
  }

  boolean customerLeft(String uniqueName) {
    return jdbc.sql("SELECT customer_left_at FROM twilio_room WHERE unique_name = :name")
        .param("name", uniqueName).query(OffsetDateTime.class).optional().isPresent();
  }

  void setRecording(String uniqueName, boolean recording) {
    jdbc.sql("UPDATE twilio_room SET recording = :recording, updated_at = :now WHERE unique_name = :name")
        .param("name", uniqueName).param("recording", recording).param("now", Timestamps.now(clock)).update();
  }
}
