package io.videocallsupport.inbox;

import io.videocallsupport.inbox.InboxEvent.InboxStatus;
import io.videocallsupport.inbox.InboxHandler.Outcome;
import io.videocallsupport.system.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands stored events to their handlers, each in a transaction of its own. An event the process
 * does not wait for yet is tried again with growing pauses, for as long as
 * {@code vcs.inbox.wait-for-process}; after that it is reported as unmatched, never retried forever.
 */
@Component
public class InboxWorker {

  private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);
  private static final List<Duration> PAUSES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
      Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));

  private final Inbox inbox;
  private final Map<String, InboxHandler> handlers;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Duration waitForProcess;
  private final boolean polling;
  private final MeterRegistry meters;

  InboxWorker(Inbox inbox, List<InboxHandler> handlers, PlatformTransactionManager transactions, Clock clock,
              MeterRegistry meters,
              @Value("${vcs.inbox.wait-for-process:PT2H}") Duration waitForProcess,
              @Value("${vcs.inbox.polling:true}") boolean polling) {
    this.inbox = inbox;
    this.handlers = handlers.stream().collect(Collectors.toMap(InboxHandler::source, Function.identity()));
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.waitForProcess = waitForProcess;
    this.polling = polling;
    this.meters = meters;
  }

  @Scheduled(fixedDelayString = "${vcs.inbox.poll-interval:PT1S}")
  void poll() {
    if (polling) {
      processDue();
    }
  }

  /** Handles every event that is due; returns how many were handled. */
  public int processDue() {
    int handled = 0;
    List<InboxEvent> due;
    while (!(due = inbox.due(100)).isEmpty()) {
      for (InboxEvent event : due) {
        process(event);
        handled++;
      }
      if (due.size() < 100) {
        break;
      }
    }
    return handled;
  }

  private void process(InboxEvent event) {
    InboxHandler handler = handlers.get(event.source());
    if (handler == null) {
      inbox.finish(event.id(), InboxStatus.FAILED, "No handler for source " + event.source());
      count(event, "no_handler");
      return;
    }
    try {
      transaction.executeWithoutResult(tx -> record(event, handler.handle(event)));
    } catch (RuntimeException e) {
      LOG.warn("Inbox event {} ({} {}) failed: {}", event.id(), event.source(), event.eventType(), e.toString());
      count(event, "error");
      notYet(event, "Failed, will retry: " + e);
    }
  }

  /** {@code vcs.inbox.handled}: every attempt at an event, by source and what came of it. */
  private void count(InboxEvent event, String outcome) {
    meters.counter("vcs.inbox.handled", "source", event.source(), "outcome", outcome).increment();
  }

  private void record(InboxEvent event, Outcome outcome) {
    if (outcome instanceof Outcome.Done done) {
      count(event, "done");
      inbox.finish(event.id(), InboxStatus.DONE, done.note());
    } else if (outcome instanceof Outcome.Ignored ignored) {
      count(event, "ignored");
      inbox.finish(event.id(), InboxStatus.IGNORED, ignored.note());
    } else if (outcome instanceof Outcome.Unmatched unmatched) {
      count(event, "unmatched");
      unmatched(event, unmatched.note());
    } else if (outcome instanceof Outcome.NotYet notYet) {
      count(event, "not_yet");
      notYet(event, notYet.note());
    }
  }

  private void notYet(InboxEvent event, String note) {
    OffsetDateTime now = Timestamps.now(clock);
    if (event.receivedAt().plus(waitForProcess).isBefore(now)) {
      unmatched(event, note + " (gave up after " + waitForProcess + ")");
      return;
    }
    Duration pause = PAUSES.get(Math.min(event.attempts(), PAUSES.size() - 1));
    inbox.retryAt(event.id(), now.plus(pause), note);
  }

  private void unmatched(InboxEvent event, String note) {
    LOG.warn("Inbox event {} ({} {}) matches no session: {}", event.id(), event.source(), event.eventType(), note);
    inbox.finish(event.id(), InboxStatus.UNMATCHED, note);
  }
}
