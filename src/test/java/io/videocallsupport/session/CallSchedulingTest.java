package io.videocallsupport.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** "Now" is checked against the customer's business hours like a slot, unless the agent confirms it. */
class CallSchedulingTest {

  private static final String BERLIN = "Europe/Berlin";
  /** Sunday 6 December 2026, 02:23 in Berlin. */
  private static final Instant SUNDAY_NIGHT = Instant.parse("2026-12-06T01:23:00Z");
  /** Monday 7 December 2026, 10:00 in Berlin. */
  private static final Instant MONDAY_MORNING = Instant.parse("2026-12-07T09:00:00Z");

  private static CallScheduling at(Instant now) {
    return new CallScheduling(new BusinessHours(null, null, null), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void theAgentSeesThatItIsOutsideTheCustomersBusinessHoursNow() {
    assertThat(at(SUNDAY_NIGHT).customerLocalTime(BERLIN))
        .isEqualTo("Sun 6 Dec 2026, 02:23 (Europe/Berlin): outside business hours");
    assertThat(at(SUNDAY_NIGHT).isNowOutsideBusinessHours(BERLIN)).isTrue();
    assertThat(at(MONDAY_MORNING).customerLocalTime(BERLIN)).isEqualTo("Mon 7 Dec 2026, 10:00 (Europe/Berlin)");
    assertThat(at(MONDAY_MORNING).isNowOutsideBusinessHours(BERLIN)).isFalse();
  }

  @Test
  void aCallNowOutsideBusinessHoursNeedsTheAgentsConfirmation() {
    assertThatThrownBy(() -> at(SUNDAY_NIGHT).plan("NOW", null, 10, BERLIN, false))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessage("It is Sun 6 Dec 2026, 02:23 (Europe/Berlin) for the customer, outside business hours "
            + "(Mon, Tue, Wed, Thu, Fri, 08:00-18:00 in the customer's time zone). Schedule a slot, or confirm "
            + "that the customer wants the call now.");

    assertThat(at(SUNDAY_NIGHT).plan("NOW", null, 10, BERLIN, true).scheduled()).isFalse();
    assertThat(at(MONDAY_MORNING).plan("NOW", null, 10, BERLIN, false).scheduled()).isFalse();
  }

  @Test
  void aCallNowThatWouldRunPastClosingTimeIsOutsideBusinessHours() {
    Instant tenToSix = Instant.parse("2026-12-07T16:50:00Z");
    assertThatThrownBy(() -> at(tenToSix).plan("NOW", null, 15, BERLIN, false))
        .hasMessageContaining("outside business hours");
    assertThat(at(tenToSix).plan("NOW", null, 5, BERLIN, false).scheduled()).isFalse();
  }
}
