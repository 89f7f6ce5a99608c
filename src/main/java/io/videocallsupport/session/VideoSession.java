package io.videocallsupport.session;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One video session as the application stores it: contact details, platform ids, consent and state. */
public record VideoSession(
    UUID id,
    String ticketId,
    String processInstanceId,
    SessionState state,
    String customerName,
    String customerEmail,
    String customerMobile,
    String customerTimeZone,
    String customerLocale,
    String jurisdictionCountry,
    String jurisdictionRegion,
    String issueCategory,
    String agentId,
    String platform,
    String meetingId,
    String customerJoinUrl,
    String hostJoinUrl,
    OffsetDateTime scheduledStart,
    Integer expectedDurationMin,
    String customerPreparation,
    OffsetDateTime customerJoinedAt,
    OffsetDateTime callEndedAt,
    Boolean consentGiven,
    OffsetDateTime consentRecordedAt,
    String consentNoticeVersion,
    String consentRecordedBy,
    Integer retentionDays,
    String callOutcome,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public boolean hasMobile() {
    return customerMobile != null && !customerMobile.isBlank();
  }

  public boolean consentOnRecord() {
    return Boolean.TRUE.equals(consentGiven);
  }
}
