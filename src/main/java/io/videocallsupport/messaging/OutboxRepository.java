package io.videocallsupport.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

  private static final String COLUMNS = """
      id, idempotency_key, session_id, channel, purpose, recipient, subject, body_text, body_html, status,
      provider, provider_message_id, attempts, last_error, created_at, updated_at, failure_reason, attachments""";
  private static final TypeReference<List<EmailMessage.Attachment>> ATTACHMENTS = new TypeReference<>() {
  };

  private final JdbcClient jdbc;
  // a mapper of its own: the stored form must not change with the web API's JSON settings
  private final ObjectMapper json = new ObjectMapper();

  OutboxRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(OutboxMessage m) {
    jdbc.sql("INSERT INTO outbox_message (" + COLUMNS + ") VALUES (:id, :key, :sessionId, :channel, :purpose, "
            + ":recipient, :subject, :bodyText, :bodyHtml, :status, :provider, :providerMessageId, :attempts, "
            + ":lastError, :createdAt, :updatedAt, :failureReason, :attachments)")
        .param("id", m.id())
        .param("key", m.idempotencyKey())
        .param("sessionId", m.sessionId())
        .param("channel", m.channel().name())
        .param("purpose", m.purpose().name())
        .param("recipient", m.recipient())
        .param("subject", m.subject())
        .param("bodyText", m.bodyText())
        .param("bodyHtml", m.bodyHtml())
        .param("status", m.status().name())
        .param("provider", m.provider())
        .param("providerMessageId", m.providerMessageId())
        .param("attempts", m.attempts())
        .param("lastError", m.lastError())
        .param("createdAt", m.createdAt())
        .param("updatedAt", m.updatedAt())
        .param("failureReason", m.failureReason() == null ? null : m.failureReason().name())
        .param("attachments", m.attachments().isEmpty() ? null : write(m.attachments()))
        .update();
  }

  Optional<OutboxMessage> findByKey(String idempotencyKey) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE idempotency_key = :key")
        .param("key", idempotencyKey)
        .query(this::map)
        .optional();
  }

  Optional<OutboxMessage> findById(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE id = :id")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  Optional<OutboxMessage> findByProviderId(String provider, String providerMessageId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE provider_message_id = :providerId "
            + "AND provider = :provider")
        .param("providerId", providerMessageId)
        .param("provider", provider)
        .query(this::map)
        .optional();
  }

  List<OutboxMessage> findBySession(UUID sessionId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE session_id = :sessionId ORDER BY created_at, id")
        .param("sessionId", sessionId)
        .query(this::map)
        .list();
  }

  boolean hasFailure(UUID sessionId, Channel channel, String recipient, FailureReason reason) {
    return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE session_id = :sessionId AND channel = :channel "
            + "AND recipient = :recipient AND failure_reason = :reason")
        .param("sessionId", sessionId).param("channel", channel.name()).param("recipient", recipient)
        .param("reason", reason.name())
        .query(Integer.class).single() > 0;
  }

  void recordAttempt(UUID id, OffsetDateTime now) {
    jdbc.sql("UPDATE outbox_message SET attempts = attempts + 1, updated_at = :now WHERE id = :id")
        .param("id", id).param("now", now).update();
  }

  void recordDelivery(UUID id, Delivery delivery, OffsetDateTime now) {
    jdbc.sql("UPDATE outbox_message SET status = :status, provider = :provider, provider_message_id = :providerId, "
            + "last_error = NULL, updated_at = :now WHERE id = :id")
        .param("status", delivery.status().name())
        .param("provider", delivery.provider())
        .param("providerId", delivery.providerMessageId())
        .param("now", now)
        .param("id", id)
        .update();
  }

  void recordError(UUID id, String error, OutboxStatus status, OffsetDateTime now) {
    jdbc.sql("UPDATE outbox_message SET status = :status, last_error = :error, updated_at = :now WHERE id = :id")
        .param("status", status.name())
        .param("error", error)
        .param("now", now)
        .param("id", id)
        .update();
  }

  void recordFailure(UUID id, String provider, FailureReason reason, String error, OffsetDateTime now) {
    jdbc.sql("UPDATE outbox_message SET status = 'FAILED', provider = :provider, failure_reason = :reason, "
            + "last_error = :error, updated_at = :now WHERE id = :id")
        .param("provider", provider)
        .param("reason", reason.name())
        .param("error", error)
        .param("now", now)
        .param("id", id)
        .update();
  }

  /** Moves the status on only if nobody changed it since it was read; false when someone did. */
  boolean advanceStatus(UUID id, OutboxStatus from, OutboxStatus to, FailureReason reason, String error,
                        OffsetDateTime now) {
    return jdbc.sql("UPDATE outbox_message SET status = :to, failure_reason = COALESCE(:reason, failure_reason), "
            + "last_error = COALESCE(:error, last_error), updated_at = :now WHERE id = :id AND status = :from")
        .param("to", to.name())
        .param("reason", reason == null ? null : reason.name())
        .param("error", error)
        .param("now", now)
        .param("id", id)
        .param("from", from.name())
        .update() == 1;
  }

  private OutboxMessage map(ResultSet rs, int row) throws SQLException {
    String reason = rs.getString("failure_reason");
    String sessionId = rs.getString("session_id");
    return new OutboxMessage(
        rs.getObject("id", UUID.class),
        rs.getString("idempotency_key"),
        sessionId == null ? null : rs.getObject("session_id", UUID.class),
        Channel.valueOf(rs.getString("channel")),
        MessagePurpose.valueOf(rs.getString("purpose")),
        rs.getString("recipient"),
        rs.getString("subject"),
        rs.getString("body_text"),
        rs.getString("body_html"),
        OutboxStatus.valueOf(rs.getString("status")),
        rs.getString("provider"),
        rs.getString("provider_message_id"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class),
        reason == null ? null : FailureReason.valueOf(reason),
        read(rs.getString("attachments")));
  }

  private String write(List<EmailMessage.Attachment> attachments) {
    try {
      return json.writeValueAsString(attachments);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Attachments cannot be stored", e);
    }
  }

  private List<EmailMessage.Attachment> read(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    try {
      return json.readValue(stored, ATTACHMENTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored attachments cannot be read", e);
    }
  }
}
