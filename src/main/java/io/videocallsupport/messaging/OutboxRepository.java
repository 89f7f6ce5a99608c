package io.videocallsupport.messaging;

import io.videocallsupport.system.RecordParameters;
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
      provider, provider_message_id, attempts, last_error, created_at, updated_at""";

  private final JdbcClient jdbc;

  OutboxRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(OutboxMessage m) {
    jdbc.sql("INSERT INTO outbox_message (" + COLUMNS + ") VALUES (:id, :idempotencyKey, :sessionId, :channel, "
            + ":purpose, :recipient, :subject, :bodyText, :bodyHtml, :status, :provider, :providerMessageId, "
            + ":attempts, :lastError, :createdAt, :updatedAt)")
        .paramSource(new RecordParameters(m))
        .update();
  }

  Optional<OutboxMessage> findByKey(String idempotencyKey) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE idempotency_key = :key")
        .param("key", idempotencyKey)
        .query(OutboxMessage.class)
        .optional();
  }

  Optional<OutboxMessage> findById(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE id = :id")
        .param("id", id)
        .query(OutboxMessage.class)
        .optional();
  }

  List<OutboxMessage> findBySession(UUID sessionId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE session_id = :sessionId ORDER BY created_at, id")
        .param("sessionId", sessionId)
        .query(OutboxMessage.class)
        .list();
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
}
