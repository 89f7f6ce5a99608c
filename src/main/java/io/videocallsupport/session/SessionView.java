package io.videocallsupport.session;

import io.videocallsupport.messaging.LinkTokens;
import io.videocallsupport.messaging.OutboxMessage;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/sessions/{id}}: a session's state, its messages and its timeline. */
public record SessionView(
    UUID sessionId,
    String ticketId,
    String processInstanceId,
    SessionState state,
    String agentId,
    Customer customer,
    Call call,
    Consent consent,
    List<Message> messages,
    List<TimelineEntry> timeline) {

  public record Customer(String name, String email, String mobile, String timeZone, String locale,
                         String jurisdictionCountry, String jurisdictionRegion) {
  }

  public record Call(String platform, String meetingId, String customerJoinUrl, OffsetDateTime scheduledStart,
                     Integer expectedDurationMinutes, OffsetDateTime customerJoinedAt, OffsetDateTime callEndedAt,
                     String outcome) {
  }

  public record Consent(Boolean given, OffsetDateTime recordedAt, String noticeVersion, String recordedBy,
                        Integer retentionDays) {
  }

  /**
   * A message to the customer as the outbox holds it; {@code text} is what the customer reads
   * (plain-text part), with each link's token shown as {@code …}: tokens are minted when a message
   * is sent and exist only in what the customer got.
   */
  public record Message(UUID id, String channel, String purpose, String recipient, String subject, String text,
                        String status, String provider, String providerMessageId, int attempts, String lastError,
                        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static Message of(OutboxMessage m) {
      return new Message(m.id(), m.channel().name(), m.purpose().name(), m.recipient(), m.subject(), LinkTokens.redact(m.bodyText()),
          m.status().name(), m.provider(), m.providerMessageId(), m.attempts(), m.lastError(), m.createdAt(),
          m.updatedAt());
    }
  }

  public record TimelineEntry(String activityId, String name, String type, Date startedAt, Date endedAt,
                              String assignee, boolean canceled) {
  }
}
