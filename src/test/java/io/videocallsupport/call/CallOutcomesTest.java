package io.videocallsupport.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.session.SessionValues.CallOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outcome of a session that had no video call, from what the forms and the join page recorded. */
class CallOutcomesTest {

  @ParameterizedTest(name = "no-show {0}, join page {1}, called back {2} -> {3}")
  @CsvSource(nullValues = "-", value = {
      "PHONE,      -,         true,  FALLBACK_USED",
      "TEXT,       -,         false, FALLBACK_USED",
      "CLOSE,      -,         false, NO_SHOW",
      "CLOSE,      PHONE,     false, NO_SHOW",
      "-,          PHONE,     true,  FALLBACK_USED",
      "RESCHEDULE, PHONE,     true,  FALLBACK_USED",
      "-,          VIDEO,     true,  FALLBACK_USED",
      "-,          DECLINE,   true,  FALLBACK_USED"})
  void aFallbackOrANoShowHasItsOutcome(String noShowDecision, String joinChoice, boolean calledBack,
                                       CallOutcome outcome) {
    assertThat(CallOutcomes.withoutVideoCall(noShowDecision, joinChoice, calledBack)).contains(outcome);
  }

  @Test
  void aDeclineStaysADeclineWhenTheCustomerPicksAWayOfJoiningAfterwards() {
    assertThat(CallOutcomes.withoutVideoCall(null, "DECLINE", false)).isEmpty();
    assertThat(CallOutcomes.withoutVideoCall("RESCHEDULE", "DECLINE", false)).isEmpty();
    assertThat(CallOutcomes.withoutVideoCall(null, "VIDEO", false)).isEmpty();
  }

  @Test
  void theTicketNoteSaysWhyThereWasNoCallAndWhatTheAgentDid() {
    assertThat(ClosingWithoutCall.note(new ClosingWithoutCall.Facts(null, "PHONE", "Solved on the phone"),
        CallOutcomes.withoutVideoCall(null, "PHONE", true)))
        .startsWith("No video call (outcome FALLBACK_USED): the customer asked for a phone call on the join page")
        .endsWith("Phone call:\nSolved on the phone");
    assertThat(ClosingWithoutCall.note(new ClosingWithoutCall.Facts("CLOSE", null, null),
        CallOutcomes.withoutVideoCall("CLOSE", null, false)))
        .isEqualTo("No video call (outcome NO_SHOW): the customer did not join and was not reachable; "
            + "closed as unreachable.");
  }
}
