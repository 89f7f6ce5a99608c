package io.videocallsupport.decisions;

import static io.videocallsupport.csat.CsatSurvey.Variables.COMMENT_GIVEN;
import static io.videocallsupport.csat.CsatSurvey.Variables.COMPLAINT;
import static io.videocallsupport.csat.CsatSurvey.Variables.CSAT_SCORE;
import static io.videocallsupport.csat.CsatSurvey.Variables.REVIEW_NEEDED;
import static io.videocallsupport.csat.CsatSurvey.Variables.REVIEW_REASON;
import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.decisions.DecisionTableRunner.Evaluation;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code decisions/csat-follow-up.dmn}: complaints, low scores, neutral scores with a comment, and the rest. */
class CsatFollowUpDecisionTest {

  private static final DecisionTableRunner TABLE = DecisionTableRunner.forDecision("csat-follow-up");

  @ParameterizedTest(name = "[{index}] score={0} complaint={1} comment={2} -> {3}")
  @CsvSource(textBlock = """
      # score, complaint, comment, rule,                          review, reason
      5,       true,      false,   Rule_Complaint,                true,   Customer complaint
      1,       true,      true,    Rule_Complaint,                true,   Customer complaint
      ,        true,      ,        Rule_Complaint,                true,   Customer complaint
      1,       false,     false,   Rule_LowScore,                 true,   Low score
      2,       false,     true,    Rule_LowScore,                 true,   Low score
      3,       false,     true,    Rule_NeutralScoreWithComment,  true,   Neutral score with a comment
      3,       false,     false,   Rule_NoReview,                 false,  No review needed
      4,       false,     true,    Rule_NoReview,                 false,  No review needed
      5,       false,     true,    Rule_NoReview,                 false,  No review needed
      5,       false,     false,   Rule_NoReview,                 false,  No review needed
      """)
  void everyRuleInItsOrder(Integer score, Boolean complaint, Boolean commentGiven, String expectedRule,
      boolean expectedReviewNeeded, String expectedReason) {
    Evaluation evaluation = TABLE.evaluate(answer(score, complaint, commentGiven));

    assertThat(evaluation.matchedRule()).isEqualTo(expectedRule);
    assertThat(evaluation.<Boolean>output(REVIEW_NEEDED.getName())).isEqualTo(expectedReviewNeeded);
    assertThat(evaluation.<String>output(REVIEW_REASON.getName())).isEqualTo(expectedReason);
  }

  @ParameterizedTest(name = "score {0} without comment -> {1}")
  @CsvSource({
      "2, Rule_LowScore",
      "3, Rule_NoReview"
  })
  void scoreTwoIsLowAndThreeIsNot(int score, String expectedRule) {
    Evaluation evaluation = TABLE.evaluate(answer(score, false, false));

    assertThat(evaluation.matchedRule()).isEqualTo(expectedRule);
  }

  /** A form's number field may arrive as Long or Double; the integer column takes whole numbers either way. */
  @Test
  void scoreGivenAsLongOrDoubleStillCounts() {
    Map<String, Object> asLong = answer(null, false, false);
    asLong.put(CSAT_SCORE.getName(), 2L);
    Map<String, Object> asDouble = answer(null, false, false);
    asDouble.put(CSAT_SCORE.getName(), 2.0d);

    assertThat(TABLE.evaluate(asLong).matchedRule()).isEqualTo("Rule_LowScore");
    assertThat(TABLE.evaluate(asDouble).matchedRule()).isEqualTo("Rule_LowScore");
  }

  @ParameterizedTest(name = "[{index}] score={0} complaint={1} comment={2} -> {3}")
  @CsvSource(textBlock = """
      # empty cells are null variables
      ,  ,      ,     Rule_NoReview
      2, ,      ,     Rule_LowScore
      3, ,      true, Rule_NeutralScoreWithComment
      3, false, ,     Rule_NoReview
      ,  false, true, Rule_NoReview
      """)
  void nullInputsSimplyDoNotMatch(Integer score, Boolean complaint, Boolean commentGiven, String expectedRule) {
    Evaluation evaluation = TABLE.evaluate(answer(score, complaint, commentGiven));

    assertThat(evaluation.matchedRule()).isEqualTo(expectedRule);
  }

  @Test
  void answerWithoutAnyOfTheVariablesNeedsNoReview() {
    Evaluation evaluation = TABLE.evaluate(Map.of());

    assertThat(evaluation.matchedRule()).isEqualTo("Rule_NoReview");
    assertThat(evaluation.<Boolean>output(REVIEW_NEEDED.getName())).isFalse();
  }

  private static Map<String, Object> answer(Integer score, Boolean complaint, Boolean commentGiven) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CSAT_SCORE.getName(), score);
    variables.put(COMPLAINT.getName(), complaint);
    variables.put(COMMENT_GIVEN.getName(), commentGiven);
    return variables;
  }
}
