package io.videocallsupport.helpdesk;

import io.videocallsupport.helpdesk.TicketUpdate.Kind;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers a ticket's recorded updates to the help desk in order, exactly once. The ticket's lock
 * row is held for the delivery, so a second job of the same ticket waits and then finds its update
 * delivered. Each attempt is committed before the call; an update that was attempted before and
 * not recorded as delivered (a timeout, a crash, a restart) is looked for on the ticket by its marker
 * before it is written again. Status and tag changes are idempotent and are simply repeated.
 */
@Service
@ConditionalOnOutsideHelpDesk
public class TicketUpdateDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(TicketUpdateDelivery.class);

  private final TicketUpdateLog updates;
  private final TicketSystem helpDesk;

  TicketUpdateDelivery(TicketUpdateLog updates, TicketSystem helpDesk) {
    this.updates = updates;
    this.helpDesk = helpDesk;
  }

  /** Delivers the ticket's pending updates up to {@code seq}; the first failure stops (and fails the job). */
  @Transactional
  public void deliverUpTo(String ticketId, long seq) {
    updates.ensureLockRow(ticketId);
    updates.lock(ticketId);
    for (TicketUpdate update : updates.pendingUpTo(ticketId, seq)) {
      try {
        updates.delivered(update.seq(), deliver(update));
      } catch (RuntimeException e) {
        updates.failed(update.seq(), e.getMessage());
        throw e;
      }
    }
  }

  private String deliver(TicketUpdate update) {
    if (update.kind() == Kind.NOTE && update.attempts() > 0
        && helpDesk.hasNoteContaining(update.ticketId(), update.marker())) {
      LOG.info("Note {} on ticket {} was written by an earlier attempt", update.eventKey(), update.ticketId());
      return "found";
    }
    updates.attemptStarted(update.seq());
    return switch (update.kind()) {
      case NOTE -> helpDesk.addPrivateNote(update.ticketId(), update.noteText());
      case TAG -> {
        helpDesk.addTag(update.ticketId(), update.body());
        yield "tag";
      }
      case STATUS -> {
        Optional<String> status = helpDesk.statusFor(TicketStatus.valueOf(update.body()));
        status.ifPresent(s -> helpDesk.setStatus(update.ticketId(), s));
        yield status.orElse("unchanged");
      }
    };
  }
}
