package io.videocallsupport.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The customer context never waits longer than its timeout and says "unavailable" when the help desk is down. */
class CustomerContextTest {

  static final HelpDeskProperties PROPERTIES = new HelpDeskProperties("zendesk", null, null, null, null, null, null,
      Duration.ofMillis(300));

  @Test
  void helpDeskThatFailsOrHangsIsShownAsUnavailable() {
    for (TicketSystem down : new TicketSystem[] {failing(), hanging()}) {
      CustomerContext context = new CustomerContext(
          new StaticListableBeanFactory(Map.of("helpDesk", down)).getBeanProvider(TicketSystem.class), PROPERTIES,
          null);

      CustomerContext.Summary summary = context.of(session(), "VIP");

      assertThat(summary.organisation()).isEqualTo(CustomerContext.UNAVAILABLE);
      assertThat(summary.ticketActivity()).isEqualTo(CustomerContext.UNAVAILABLE);
      assertThat(summary.tier()).startsWith("VIP");
      assertThat(summary.earlierSessions()).isEqualTo("unknown (no email address)");
    }
  }

  @Test
  void ownTicketRecordHasNoHelpDeskContext() {
    CustomerContext context = new CustomerContext(new StaticListableBeanFactory().getBeanProvider(TicketSystem.class),
        PROPERTIES, null);

    assertThat(context.of(session(), "STANDARD").organisation()).contains("own ticket record");
  }

  private static VideoSession session() {
    OffsetDateTime now = OffsetDateTime.now();
    return new VideoSession(UUID.randomUUID(), "T-1", "pid", SessionState.REQUESTED, "Jo", null, null, "UTC", "en",
        "DE", null, "OTHER", null, "manual", null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, now, now);
  }

  private static TicketSystem failing() {
    return new Unavailable() {
      @Override
      public TicketFacts ticket(String ticketId) {
        throw new HelpDeskUnavailableException("Zendesk answered 503");
      }
    };
  }

  private static TicketSystem hanging() {
    return new Unavailable() {
      @Override
      public TicketFacts ticket(String ticketId) {
        try {
          Thread.sleep(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new HelpDeskUnavailableException("too late");
      }
    };
  }

  private abstract static class Unavailable implements TicketSystem {
    @Override
    public String name() {
      return "test";
    }

    @Override
    public String addPrivateNote(String ticketId, String text) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean hasNoteContaining(String ticketId, String text) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> statusFor(TicketStatus status) {
      return Optional.empty();
    }

    @Override
    public void setStatus(String ticketId, String helpDeskStatus) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void addTag(String ticketId, String tag) {
      throw new UnsupportedOperationException();
    }
  }
}
