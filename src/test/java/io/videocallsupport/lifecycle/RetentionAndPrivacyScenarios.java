package io.videocallsupport.lifecycle;

import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.audit.AuditLog;
import io.videocallsupport.call.PlatformEvents;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.privacy.ContactDataErasure;
import io.videocallsupport.privacy.PrivacyRequest;
import io.videocallsupport.retention.Recording;
import io.videocallsupport.retention.RecordingRepository;
import io.videocallsupport.retention.RecordingRetention;
import io.videocallsupport.retention.Recordings;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.SentMessages;
import io.videocallsupport.support.Sessions;
import io.videocallsupport.support.TableSearch;
import io.videocallsupport.system.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recordings after the call: kept only with consent, deleted everywhere after the retention
 * period or on an erasure request (with proof to the customer), paused by a legal hold.
 */
abstract class RetentionAndPrivacyScenarios {

  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired RecordingRepository recordings;
  @Autowired Recordings recordingService;
  @Autowired Outbox outbox;
  @Autowired SentMessages sent;
  @Autowired AuditLog audit;
  @Autowired DataSource dataSource;
  @Autowired ContactDataErasure contactData;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Value("${vcs.recording.storage-dir}") Path storageDir;

  ProcessDriver driver;

  @BeforeEach
  void driver() {
    driver = new ProcessDriver(engine);
  }

  @Test
  void recordingWithoutConsentIsDeletedAtOnce() throws Exception {
    VideoSession session = sessionInCall(false);
    Path file = localCopy("no-consent");
    String retention = recordingReady(session, "rec-" + UUID.randomUUID(), file);

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(retention).count()).isZero();
    Recording recording = recordings.findBySession(session.id()).get(0);
    assertThat(recording.state()).isEqualTo(Recording.RecordingState.DELETED);
    assertThat(recording.deletionReason()).isEqualTo("NO_CONSENT");
    assertThat(file).doesNotExist();
    assertThat(audit.forSubject(Recordings.AUDIT_SUBJECT, recording.id().toString()))
        .extracting(AuditLog.Entry::action).containsExactly("RECORDING_REGISTERED", "RECORDING_DELETED");
  }

  @Test
  void recordingWithConsentIsKeptUntilTheRetentionPeriodEnds() throws Exception {
    VideoSession session = sessionInCall(true);
    Path file = localCopy("kept");
    String retention = recordingReady(session, "rec-" + UUID.randomUUID(), file);

    Recording kept = recordings.findBySession(session.id()).get(0);
    assertThat(kept.state()).isEqualTo(Recording.RecordingState.KEPT);
    assertThat(kept.retainUntil()).isAfter(kept.createdAt().plusDays(89)).isBefore(kept.createdAt().plusDays(91));
    assertThat(file).exists();

    driver.fireTimer(retention, RecordingRetention.Elements.RETENTION_PERIOD_OVER);
    Recording deleted = recordings.findById(kept.id()).orElseThrow();
    assertThat(deleted.state()).isEqualTo(Recording.RecordingState.DELETED);
    assertThat(deleted.deletionReason()).isEqualTo("RETENTION_PERIOD_OVER");
    assertThat(file).doesNotExist();
  }

  @Test
  void erasureRequestWaitsForALegalHoldThenDeletesAndConfirmsWithProof() throws Exception {
    VideoSession session = sessionInCall(true);
    String retention = recordingReady(session, "rec-" + UUID.randomUUID(), localCopy("erase"));
    Recording recording = recordings.findBySession(session.id()).get(0);
    recordingService.placeLegalHold(recording.id(), "tom", "litigation 2026-17");

    String privacy = engine.getRuntimeService().createMessageCorrelation(PrivacyRequest.Messages.PRIVACY_REQUESTED)
        .processInstanceBusinessKey(session.ticketId())
        .setVariable("ticketId", session.ticketId())
        .setVariable("requestType", "ERASURE")
        .correlateStartMessage().getId();
    driver.runDueJobs();
    assertThat(recordings.findById(recording.id()).orElseThrow().state()).isEqualTo(Recording.RecordingState.KEPT);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(privacy).count()).isOne();

    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(retention)
        .eventName(RecordingRetention.Messages.LEGAL_HOLD_RELEASED).count()).as("waiting for the hold's release").isOne();
    recordingService.releaseLegalHold(recording.id(), "tom", "case closed");
    driver.runDueJobs();

    Recording erased = recordings.findById(recording.id()).orElseThrow();
    assertThat(erased.state()).isEqualTo(Recording.RecordingState.DELETED);
    assertThat(erased.deletionReason()).isEqualTo("ERASURE_REQUEST");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(privacy).count()).isZero();
    assertThat(outbox.forSession(session.id())).filteredOn(m -> m.purpose() == MessagePurpose.ERASURE_CONFIRMATION)
        .singleElement().extracting(OutboxMessage::bodyText).asString().contains(session.customerName());
    assertThat(audit.forSubject(Recordings.AUDIT_SUBJECT, recording.id().toString()))
        .extracting(AuditLog.Entry::action)
        .containsExactly("RECORDING_REGISTERED", "LEGAL_HOLD_PLACED", "LEGAL_HOLD_RELEASED", "RECORDING_DELETED");
  }

  @Test
  void copyRequestSendsATimeLimitedDownloadLink() throws Exception {
    VideoSession session = sessionInCall(true);
    recordingReady(session, "rec-" + UUID.randomUUID(), localCopy("copy"));

    engine.getRuntimeService().createMessageCorrelation(PrivacyRequest.Messages.PRIVACY_REQUESTED)
        .processInstanceBusinessKey(session.ticketId())
        .setVariable("ticketId", session.ticketId())
        .setVariable("requestType", "COPY")
        .correlateStartMessage();
    driver.runDueJobs();

    assertThat(outbox.forSession(session.id())).filteredOn(m -> m.purpose() == MessagePurpose.RECORDING_COPY)
        .singleElement()
        .satisfies(m -> SessionLifecycleScenarios.linkToken(sent.text(m), "privacy/download"));
  }

  @Test
  void erasureLeavesTheCustomersEmailAndMobileInNoTableAndCamundaNeverHeldThem() throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = "erase-" + unique + "@example.com";
    String mobileDigits = "49151" + String.format("%08d", Math.abs(unique.hashCode()) % 100_000_000);
    Map<String, Object> form = Sessions.startForm("T-" + unique);
    form.put("customerEmail", email);
    form.put("customerMobile", "+" + mobileDigits);
    VideoSession session = sessionInCall(true, form);
    String pid = session.processInstanceId();
    driver.complete(pid, CONDUCT_VIDEO_CALL, Map.of("callAction", "END_CALL", "callOutcome", "RESOLVED"));
    driver.complete(pid, WRITE_SUMMARY, Map.of("callSummary", "Router reset", "stepsTaken", "Reset",
        "usefulLinks", "", "followUpActions", "None"));
    recordingReady(session, "rec-" + unique, localCopy("contact-erasure"));
    assertThat(outbox.forSession(session.id())).as("the customer was invited by email and SMS")
        .extracting(OutboxMessage::recipient).contains(email, "+" + mobileDigits);
    // the local part and the digits also find encoded forms (%40, %2B)
    String[] contact = {email, "erase-" + unique, mobileDigits};
    assertThat(TableSearch.whereFound(dataSource, "ACT_", contact))
        .as("Camunda's runtime and history never keep the contact data").isEmpty();

    engine.getRuntimeService().createMessageCorrelation(PrivacyRequest.Messages.PRIVACY_REQUESTED)
        .processInstanceBusinessKey(session.ticketId())
        .setVariable("ticketId", session.ticketId())
        .setVariable("requestType", "ERASURE")
        .correlateStartMessage();
    driver.runDueJobs();

    assertThat(outbox.forSession(session.id())).as("the confirmation went out before the address was erased")
        .anySatisfy(m -> assertThat(m.purpose()).isEqualTo(MessagePurpose.ERASURE_CONFIRMATION));
    assertThat(sessions.findById(session.id()).orElseThrow())
        .satisfies(erased -> assertThat(erased.customerEmail()).isNull())
        .satisfies(erased -> assertThat(erased.customerMobile()).isNull());
    assertThat(TableSearch.whereFound(dataSource, "", contact)).as("no table of the schema holds them").isEmpty();
    assertThat(audit.forSubject("VIDEO_SESSION", session.id().toString())).extracting(AuditLog.Entry::action)
        .contains("CONTACT_DATA_ERASED");
  }

  @Test
  void contactDataOfAFinishedSessionIsErasedWhenItsRetentionEnds() {
    VideoSession session = sessionInCall(false);
    String pid = session.processInstanceId();
    driver.complete(pid, CONDUCT_VIDEO_CALL, Map.of("callAction", "END_CALL", "callOutcome", "RESOLVED"));
    driver.complete(pid, WRITE_SUMMARY, Map.of("callSummary", "Router reset", "stepsTaken", "Reset",
        "usefulLinks", "", "followUpActions", "None"));
    VideoSession running = sessionInCall(false);
    contactData.eraseExpired();
    assertThat(sessions.findById(session.id()).orElseThrow().customerEmail()).as("not yet").isNotNull();

    jdbc.sql("UPDATE video_session SET updated_at = :longAgo WHERE id IN (:ids)")
        .param("longAgo", Timestamps.now(clock).minusDays(91)).param("ids", List.of(session.id(), running.id()))
        .update();
    contactData.eraseExpired();

    VideoSession erased = sessions.findById(session.id()).orElseThrow();
    assertThat(erased.customerEmail()).isNull();
    assertThat(erased.customerMobile()).isNull();
    assertThat(outbox.forSession(session.id())).isNotEmpty().allSatisfy(m -> {
      assertThat(m.recipient()).isEqualTo(ContactDataErasure.ERASED);
      assertThat(m.bodyText()).isEqualTo(ContactDataErasure.ERASED);
    });
    assertThat(sessions.findById(running.id()).orElseThrow().customerEmail())
        .as("a running session still needs the address").isEqualTo(running.customerEmail());
  }

  /** A session whose customer joined and answered the consent question. */
  private VideoSession sessionInCall(boolean consent) {
    return sessionInCall(consent, Sessions.startForm("T-" + UUID.randomUUID().toString().substring(0, 8)));
  }

  private VideoSession sessionInCall(boolean consent, Map<String, Object> form) {
    String pid = Sessions.startAsAgent(engine, form);
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "meetingLink", "https://meet.example.com/r", "agentDevicesChecked", true, "callNowOutsideHours", true, "callMode", "VIDEO"));
    driver.correlate(pid, PlatformEvents.CUSTOMER_JOINED, Map.of());
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", consent, "sensitiveDataOnScreen", false));
    UUID id = UUID.fromString((String) engine.getRuntimeService().getVariable(pid, "sessionId"));
    return sessions.findById(id).orElseThrow();
  }

  /** What a platform adapter does when a recording is finished. */
  private String recordingReady(VideoSession session, String platformRecordingId, Path localCopy) {
    String pid = engine.getRuntimeService().createMessageCorrelation(PlatformEvents.RECORDING_READY)
        .processInstanceBusinessKey(session.ticketId())
        .setVariable("sessionId", session.id().toString())
        .setVariable("platform", session.platform())
        .setVariable("platformRecordingId", platformRecordingId)
        .setVariable("storageRef", "local:" + localCopy.getFileName())
        .correlateStartMessage().getId();
    driver.runDueJobs();
    return pid;
  }

  private Path localCopy(String name) throws Exception {
    Files.createDirectories(storageDir);
    return Files.writeString(storageDir.resolve(name + "-" + UUID.randomUUID() + ".webm"), "webm bytes");
  }
}
