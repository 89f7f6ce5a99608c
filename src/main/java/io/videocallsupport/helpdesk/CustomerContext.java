package io.videocallsupport.helpdesk;

import io.videocallsupport.system.RecordRows;
import io.videocallsupport.session.VideoSession;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the agent sees about the customer on "Offer video call", "Prepare video session" and "Conduct
 * video call": tier and organisation and the ticket's conversation from the help desk (asked with a
 * short timeout: "unavailable" when it does not answer, never a blocked task), and the customer's
 * earlier video sessions here, from the application's own tables.
 */
@Service
public class CustomerContext {

  private static final RecordRows<EarlierSession> EARLIER_SESSION_ROWS = RecordRows.of(EarlierSession.class);

  /** The four lines the forms show. */
  public record Summary(String tier, String organisation, String ticketActivity, String earlierSessions) {
  }

  /** An earlier session of the same customer. */
  record EarlierSession(OffsetDateTime createdAt, String callOutcome, String state, Integer score) {
  }

  static final String UNAVAILABLE = "unavailable (the help desk did not answer)";
  private static final Logger LOG = LoggerFactory.getLogger(CustomerContext.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

  private final ObjectProvider<TicketSystem> helpDesk;
  private final HelpDeskProperties properties;
  private final JdbcClient jdbc;

  CustomerContext(ObjectProvider<TicketSystem> helpDesk, HelpDeskProperties properties, JdbcClient jdbc) {
    this.helpDesk = helpDesk;
    this.properties = properties;
    this.jdbc = jdbc;
  }

  /** The context of the session's customer; {@code tier} is the tier the session runs with. */
  public Summary of(VideoSession session, String tier) {
    String earlier = earlierSessions(session);
    TicketSystem outside = helpDesk.getIfAvailable();
    if (outside == null) {
      return new Summary(tier, "not recorded (own ticket record)", "not recorded (own ticket record)", earlier);
    }
    Optional<TicketFacts> facts = lookUp(outside, session.ticketId());
    if (facts.isEmpty()) {
      return new Summary(tier + " (help desk " + UNAVAILABLE + ")", UNAVAILABLE, UNAVAILABLE, earlier);
    }
    TicketFacts ticket = facts.get();
    String activity = (ticket.messages() == null ? "?" : ticket.messages()) + " messages"
        + (ticket.publicReplies() == null ? "" : ", " + ticket.publicReplies() + " public replies")
        + (ticket.lastMessageAt() == null ? ""
            : ", latest " + MINUTE.format(ticket.lastMessageAt().withOffsetSameInstant(ZoneOffset.UTC)));
    String helpDeskTier = properties.tierOf(ticket).map(Enum::name).orElse(null);
    return new Summary(helpDeskTier == null || helpDeskTier.equals(tier) ? tier
            : tier + " (the help desk now says " + helpDeskTier + ")",
        ticket.organisation() == null ? "none" : ticket.organisation(), activity, earlier);
  }

  private Optional<TicketFacts> lookUp(TicketSystem outside, String ticketId) {
    try {
      return Optional.of(CompletableFuture.supplyAsync(() -> outside.ticket(ticketId))
          .get(properties.contextTimeout().toMillis(), TimeUnit.MILLISECONDS));
    } catch (Exception e) {
      LOG.info("Customer context of ticket {} unavailable: {}", ticketId, e.toString());
      return Optional.empty();
    }
  }

  private String earlierSessions(VideoSession session) {
    if (session.customerEmail() == null) {
      return "unknown (no email address)";
    }
    List<EarlierSession> earlier = jdbc.sql("SELECT s.created_at, s.call_outcome, s.state, v.score "
            + "FROM video_session s LEFT JOIN survey v ON v.session_id = s.id "
            + "WHERE s.customer_email = :email AND s.id <> :id ORDER BY s.created_at DESC LIMIT 5")
        .param("email", session.customerEmail()).param("id", session.id())
        .query(EARLIER_SESSION_ROWS).list();
    if (earlier.isEmpty()) {
      return "none";
    }
    return earlier.stream()
        .map(e -> DAY.format(e.createdAt().withOffsetSameInstant(ZoneOffset.UTC)) + ": "
            + (e.callOutcome() != null ? e.callOutcome() : e.state())
            + (e.score() == null ? "" : ", CSAT " + e.score()))
        .collect(Collectors.joining("; "));
  }
}
