package io.videocallsupport.helpdesk;

import io.videocallsupport.helpdesk.TicketUpdate.Kind;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help desk port when an outside help desk owns the ticket. Callers (inbox handlers, delegates,
 * pages) run in their own transaction and must not wait for the help desk: each update is recorded
 * in that transaction together with a {@code helpdesk-delivery} instance, whose asynchronous job
 * delivers it (retried, rate limits honoured, a Cockpit incident at the end). A rolled-back caller
 * leaves neither.
 */
@Component
@ConditionalOnOutsideHelpDesk
@Transactional
class QueuedHelpDesk implements HelpDesk {

  static final String PROCESS_KEY = "helpdesk-delivery";
  static final String TAG = "video-call";

  private final TicketUpdateLog updates;
  private final RuntimeService runtime;

  QueuedHelpDesk(TicketUpdateLog updates, RuntimeService runtime) {
    this.updates = updates;
    this.runtime = runtime;
  }

  /** The ticket gets the {@code video-call} tag, once. */
  @Override
  public void openTicket(String ticketId, String subject) {
    record(ticketId, null, "tag:" + TAG, Kind.TAG, null, TAG);
  }

  @Override
  public void addNote(String ticketId, UUID sessionId, String event, String author, String text) {
    // Event names are unique within a session; the key is unique on the ticket.
    record(ticketId, sessionId, (sessionId == null ? "ticket" : sessionId) + "/" + event, Kind.NOTE, author, text);
  }

  @Override
  public void changeStatus(String ticketId, TicketStatus status) {
    // A status is set once per value and ticket: setting it again changes nothing on the ticket.
    record(ticketId, null, "status:" + status.name() + ":" + UUID.randomUUID(), Kind.STATUS, null, status.name());
  }

  /** The notes recorded for the ticket (delivered or not), oldest first. */
  @Override
  @Transactional(readOnly = true)
  public List<TicketNote> notes(String ticketId) {
    return updates.forTicket(ticketId).stream()
        .filter(u -> u.kind() == Kind.NOTE)
        .map(u -> new TicketNote(new UUID(0, u.seq()), u.ticketId(), u.sessionId(), u.author(), u.body(),
            u.createdAt()))
        .toList();
  }

  private void record(String ticketId, UUID sessionId, String event, Kind kind, String author, String body) {
    updates.record(ticketId, sessionId, event, kind, author, body).ifPresent(seq ->
        runtime.createProcessInstanceByKey(PROCESS_KEY)
            .businessKey(ticketId)
            .setVariable(DeliverTicketUpdateDelegate.TICKET_UPDATE_SEQ, seq)
            .execute());
  }
}
