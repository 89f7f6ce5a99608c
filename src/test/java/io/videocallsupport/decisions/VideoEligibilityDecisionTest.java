package io.videocallsupport.decisions;

import static io.videocallsupport.session.SessionVariables.CUSTOMER_ASKED_FOR_VIDEO;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_TIER;
import static io.videocallsupport.session.SessionVariables.DECLINED_VIDEO_BEFORE;
import static io.videocallsupport.session.SessionVariables.ISSUE_CATEGORY;
import static io.videocallsupport.session.SessionVariables.OFFER_MODE;
import static io.videocallsupport.session.SessionVariables.OFFER_REASON;
import static io.videocallsupport.session.SessionVariables.TEXT_EXCHANGE_COUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.decisions.DecisionTableRunner.Evaluation;
import io.videocallsupport.session.SessionValues.CustomerTier;
import io.videocallsupport.session.SessionValues.IssueCategory;
import io.videocallsupport.session.SessionValues.OfferMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code decisions/video-eligibility.dmn}: every rule, its order, the 3/4 exchanges boundary and missing inputs. */
class VideoEligibilityDecisionTest {

  private static final DecisionTableRunner TABLE = DecisionTableRunner.forDecision("video-eligibility");

  @ParameterizedTest(name = "[{index}] asked={0} declined={1} {2} exchanges={3} {4} -> {5}")
  @CsvSource(textBlock = """
      # asked, declined, category,                exchanges, tier,      rule,                           mode,       reason
      true,  false, SIMPLE_QUERY,               0,  STANDARD,   Rule_CustomerAskedForVideo,     AUTO_OFFER, Customer asked for video
      true,  true,  BACKEND_INVESTIGATION,      0,  STANDARD,   Rule_CustomerAskedForVideo,     AUTO_OFFER, Customer asked for video
      false, true,  SETUP_CONFIGURATION,        9,  VIP,        Rule_DeclinedVideoBefore,       NO_VIDEO,   Customer declined video before
      false, false, SIMPLE_QUERY,               9,  ENTERPRISE, Rule_SimpleQuery,               NO_VIDEO,   'Simple query: text is faster'
      false, false, BACKEND_INVESTIGATION,      9,  VIP,        Rule_BackendInvestigation,      NO_VIDEO,   'Backend investigation: nothing to show on screen'
      false, false, SETUP_CONFIGURATION,        0,  STANDARD,   Rule_SetupConfiguration,        AUTO_OFFER, Setup and configuration is faster on video
      false, false, VISUAL_DEBUGGING,           0,  STANDARD,   Rule_VisualDebugging,           AUTO_OFFER, Visual debugging is faster on video
      false, false, MULTI_STEP_TROUBLESHOOTING, 0,  STANDARD,   Rule_MultiStepTroubleshooting,  AUTO_OFFER, Multi-step troubleshooting is faster on video
      false, false, ONBOARDING,                 4,  STANDARD,   Rule_ManyTextExchanges,         ON_REQUEST, More than 3 text exchanges without resolution
      false, false, ESCALATION,                 12, VIP,        Rule_ManyTextExchanges,         ON_REQUEST, More than 3 text exchanges without resolution
      false, false, BILLING,                    3,  VIP,        Rule_PriorityCustomer,          ON_REQUEST, VIP or enterprise customer
      false, false, OTHER,                      0,  ENTERPRISE, Rule_PriorityCustomer,          ON_REQUEST, VIP or enterprise customer
      false, false, OTHER,                      3,  STANDARD,   Rule_TextSupportFits,           NO_VIDEO,   Text support fits this ticket
      false, false, BILLING,                    0,  STANDARD,   Rule_TextSupportFits,           NO_VIDEO,   Text support fits this ticket
      """)
  void everyRuleInItsOrder(Boolean askedForVideo, Boolean declinedBefore, String category, Integer exchanges,
      String tier, String expectedRule, String expectedMode, String expectedReason) {
    Evaluation evaluation = TABLE.evaluate(ticket(askedForVideo, declinedBefore, category, exchanges, tier));

    assertThat(evaluation.matchedRule()).isEqualTo(expectedRule);
    assertThat(evaluation.<String>output(OFFER_MODE.getName())).isEqualTo(expectedMode);
    assertThat(evaluation.<String>output(OFFER_REASON.getName())).isEqualTo(expectedReason);
  }

  @ParameterizedTest(name = "{0} text exchanges -> {1}")
  @CsvSource({
      "0, Rule_TextSupportFits",
      "3, Rule_TextSupportFits",
      "4, Rule_ManyTextExchanges",
      "5, Rule_ManyTextExchanges"
  })
  void moreThanThreeTextExchangesLetTheAgentOfferVideo(int exchanges, String expectedRule) {
    Evaluation evaluation = TABLE.evaluate(ticket(false, false, "ONBOARDING", exchanges, "STANDARD"));

    assertThat(evaluation.matchedRule()).isEqualTo(expectedRule);
  }

  /** The REST API and forms may hand over whole numbers as Long or Double; the integer column takes them. */
  @Test
  void textExchangeCountGivenAsLongOrDoubleStillCounts() {
    Map<String, Object> asLong = ticket(false, false, "OTHER", null, "STANDARD");
    asLong.put(TEXT_EXCHANGE_COUNT.getName(), 4L);
    Map<String, Object> asDouble = ticket(false, false, "OTHER", null, "STANDARD");
    asDouble.put(TEXT_EXCHANGE_COUNT.getName(), 4.0d);

    assertThat(TABLE.evaluate(asLong).matchedRule()).isEqualTo("Rule_ManyTextExchanges");
    assertThat(TABLE.evaluate(asDouble).matchedRule()).isEqualTo("Rule_ManyTextExchanges");
  }

  @ParameterizedTest(name = "[{index}] asked={0} declined={1} {2} exchanges={3} {4} -> {5}")
  @CsvSource(textBlock = """
      # empty cells are null variables
      ,     ,     ,                    ,  ,           Rule_TextSupportFits
      ,     true, VISUAL_DEBUGGING,    ,  ,           Rule_DeclinedVideoBefore
      ,     ,     VISUAL_DEBUGGING,    ,  ,           Rule_VisualDebugging
      false, false, OTHER,             ,  VIP,        Rule_PriorityCustomer
      false, false, OTHER,             7, ,           Rule_ManyTextExchanges
      false, false, ,                  ,  STANDARD,   Rule_TextSupportFits
      """)
  void nullInputsSimplyDoNotMatch(Boolean askedForVideo, Boolean declinedBefore, String category, Integer exchanges,
      String tier, String expectedRule) {
    Evaluation evaluation = TABLE.evaluate(ticket(askedForVideo, declinedBefore, category, exchanges, tier));

    assertThat(evaluation.matchedRule()).isEqualTo(expectedRule);
  }

  @Test
  void ticketWithoutAnyOfTheVariablesGetsTextSupport() {
    Evaluation evaluation = TABLE.evaluate(Map.of());

    assertThat(evaluation.matchedRule()).isEqualTo("Rule_TextSupportFits");
    assertThat(evaluation.<String>output(OFFER_MODE.getName())).isEqualTo("NO_VIDEO");
  }

  static Stream<Arguments> everyCategoryAndTier() {
    return Arrays.stream(IssueCategory.values())
        .flatMap(category -> Arrays.stream(CustomerTier.values()).map(tier -> Arguments.of(category, tier)));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @MethodSource("everyCategoryAndTier")
  void everyCategoryAndTierGetsAnOfferModeTheProcessKnows(IssueCategory category, CustomerTier tier) {
    Evaluation evaluation = TABLE.evaluate(ticket(false, false, category.name(), 1, tier.name()));

    assertThat(evaluation.matchedRuleIds()).hasSize(1);
    assertThat(OfferMode.valueOf(evaluation.output(OFFER_MODE.getName()))).isNotNull();
    assertThat(evaluation.<String>output(OFFER_REASON.getName())).isNotBlank();
  }

  private static Map<String, Object> ticket(Boolean askedForVideo, Boolean declinedBefore, String category,
      Integer exchanges, String tier) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CUSTOMER_ASKED_FOR_VIDEO.getName(), askedForVideo);
    variables.put(DECLINED_VIDEO_BEFORE.getName(), declinedBefore);
    variables.put(ISSUE_CATEGORY.getName(), category);
    variables.put(TEXT_EXCHANGE_COUNT.getName(), exchanges);
    variables.put(CUSTOMER_TIER.getName(), tier);
    return variables;
  }
}
