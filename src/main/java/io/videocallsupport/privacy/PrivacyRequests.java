package io.videocallsupport.privacy;

import io.videocallsupport.audit.AuditLog;
import io.videocallsupport.messaging.CustomerMessages;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.retention.Recording;
import io.videocallsupport.retention.RecordingRepository;
import io.videocallsupport.retention.RecordingRetention;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.system.Timestamps;
import io.videocallsupport.token.TokenPurpose;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's request for a copy or the erasure of their call recordings, for every session of
 * a ticket, answered within the legal deadline and with proof.
 */
@Service
@Transactional
public class PrivacyRequests {

  public static final String AUDIT_SUBJECT = "PRIVACY_REQUEST";
  static final String ERASURE_REQUEST = "ERASURE_REQUEST";

  /** A registered request: its id, the ticket's latest session (null if none) and its deadline. */
  public record Registered(UUID id, UUID sessionId, OffsetDateTime deadline) {
  }

  private final JdbcClient jdbc;
  private final SessionRepository sessions;
  private final RecordingRepository recordings;
  private final RuntimeService runtime;
  private final CustomerMessages messages;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration erasureDeadline;
  private final Duration copyLinkValidity;
  private final ContactDataErasure contactData;

  PrivacyRequests(JdbcClient jdbc, SessionRepository sessions, RecordingRepository recordings, RuntimeService runtime,
                  CustomerMessages messages, AuditLog audit, Clock clock, ContactDataErasure contactData,
                  @Value("${vcs.privacy.erasure-deadline-days:30}") int erasureDeadlineDays,
                  @Value("${vcs.privacy.copy-link-valid-days:7}") int copyLinkValidDays) {
    this.jdbc = jdbc;
    this.sessions = sessions;
    this.recordings = recordings;
    this.runtime = runtime;
    this.messages = messages;
    this.audit = audit;
    this.contactData = contactData;
    this.clock = clock;
    this.erasureDeadline = Duration.ofDays(erasureDeadlineDays);
    this.copyLinkValidity = Duration.ofDays(copyLinkValidDays);
  }

  public Registered register(String ticketId, String requestType, String requestedBy, String processInstanceId) {
    OffsetDateTime now = Timestamps.now(clock);
    UUID sessionId = latestSession(ticketId).map(VideoSession::id).orElse(null);
    Registered registered = new Registered(UUID.randomUUID(), sessionId, now.plus(erasureDeadline));
    jdbc.sql("INSERT INTO privacy_request (id, ticket_id, session_id, request_type, requested_by, "
            + "process_instance_id, received_at, deadline_at) VALUES (:id, :ticketId, :sessionId, :type, :by, :pid, "
            + ":now, :deadline)")
        .param("id", registered.id()).param("ticketId", ticketId).param("sessionId", sessionId)
        .param("type", requestType).param("by", requestedBy).param("pid", processInstanceId).param("now", now)
        .param("deadline", registered.deadline())
        .update();
    audit.record(requestedBy, "PRIVACY_REQUEST_RECEIVED", AUDIT_SUBJECT, registered.id().toString(),
        requestType + " for ticket " + ticketId + ", due by " + registered.deadline());
    return registered;
  }

  /**
   * Asks each kept recording's retention process to erase it. One that waits for a legal hold's
   * release, or is deleting already, gets the request as its deletion reason. One that is not yet
   * waiting makes this fail, so that the job retries it later.
   *
   * @return the number of recordings still to be erased
   */
  public int requestErasure(String ticketId, UUID privacyRequestId, String requestedBy) {
    List<Recording> kept = recordings.findKeptForTicket(ticketId);
    Map<String, Object> request = Map.of(
        RecordingRetention.Variables.DELETION_REASON.getName(), ERASURE_REQUEST,
        RecordingRetention.Variables.DELETION_REQUESTED_BY.getName(),
        requestedBy + " (privacy request " + privacyRequestId + ")");
    for (Recording recording : kept) {
      String retention = recording.processInstanceId();
      List<String> waitingAt = runtime.getActiveActivityIds(retention);
      if (runtime.createEventSubscriptionQuery().processInstanceId(retention)
          .eventName(RecordingRetention.Messages.ERASURE_REQUESTED).count() > 0) {
        runtime.createMessageCorrelation(RecordingRetention.Messages.ERASURE_REQUESTED)
            .processInstanceId(retention).setVariables(request).correlateWithResult();
      } else if (waitingAt.contains(RecordingRetention.Elements.LEGAL_HOLD_RELEASED)
          || waitingAt.contains(RecordingRetention.Elements.DELETE_RECORDING)) {
        runtime.setVariables(retention, request);
      } else {
        throw new IllegalStateException("The retention of recording " + recording.id() + " is at " + waitingAt
            + " and not ready for an erasure request yet; the job tries again later");
      }
    }
    return kept.size();
  }

  @Transactional(readOnly = true)
  public int pendingErasures(String ticketId) {
    return recordings.findKeptForTicket(ticketId).size();
  }

  /** Sends the customer a time-limited link to their recordings, or says that none are held. */
  public void sendCopy(String ticketId, UUID privacyRequestId) {
    VideoSession session = latestSession(ticketId).orElseThrow(() -> new IllegalStateException(
        "Ticket " + ticketId + " has no video session: nobody to send a copy to"));
    Map<String, Object> model = messages.model(session, null);
    String key = "privacy:" + privacyRequestId + ":copy";
    if (recordings.findKeptForTicket(ticketId).isEmpty()) {
      messages.email(key, session, MessagePurpose.NO_RECORDING, model);
    } else {
      model.put("downloadUrl", messages.link("privacy/download", TokenPurpose.RECORDING_DOWNLOAD, copyLinkValidity));
      model.put("linkExpiresText", CustomerMessages.customerTime(session, Timestamps.now(clock).plus(copyLinkValidity)));
      messages.email(key, session, MessagePurpose.RECORDING_COPY, model);
    }
    complete(privacyRequestId, "COPY_SENT");
  }

  /** Confirms to the customer that every recording is gone, naming the request as proof reference. */
  public void confirmErasure(String ticketId, UUID privacyRequestId) {
    long erased = recordings.findAllForTicket(ticketId).stream()
        .filter(r -> r.state() == Recording.RecordingState.DELETED).count();
    // after an earlier erasure there is no address left to confirm to
    latestSession(ticketId).filter(session -> session.customerEmail() != null).ifPresent(session -> {
      Map<String, Object> model = messages.model(session, null);
      model.put("erasedCount", (int) erased);
      model.put("erasedAt", CustomerMessages.customerTime(session, Timestamps.now(clock)));
      model.put("proofReference", privacyRequestId.toString());
      messages.email("privacy:" + privacyRequestId + ":erasure-confirmation", session,
          erased == 0 ? MessagePurpose.NO_RECORDING : MessagePurpose.ERASURE_CONFIRMATION, model);
    });
    // the confirmation was the last message to the customer: now their address goes too
    contactData.eraseForTicket(ticketId, "privacy process", "erasure request " + privacyRequestId);
    complete(privacyRequestId, "ERASURE_CONFIRMED");
  }

  private void complete(UUID privacyRequestId, String action) {
    jdbc.sql("UPDATE privacy_request SET completed_at = :now WHERE id = :id AND completed_at IS NULL")
        .param("now", Timestamps.now(clock)).param("id", privacyRequestId).update();
    audit.record("privacy process", action, AUDIT_SUBJECT, privacyRequestId.toString(), null);
  }

  private Optional<VideoSession> latestSession(String ticketId) {
    List<VideoSession> all = sessions.findByTicket(ticketId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }
}
