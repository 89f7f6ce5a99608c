package io.videocallsupport.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record OutboxMessage(
    UUID id,
    String idempotencyKey,
    UUID sessionId,
    Channel channel,
    MessagePurpose purpose,
    String recipient,
    String subject,
    String bodyText,
    String bodyHtml,
    OutboxStatus status,
    String provider,
    String providerMessageId,
    int attempts,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    FailureReason failureReason,
    List<EmailMessage.Attachment> attachments) {

  public OutboxMessage {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public boolean failed() {
    return status == OutboxStatus.FAILED;
  }
}
