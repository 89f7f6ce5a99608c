package io.videocallsupport.decisions;

import static io.videocallsupport.session.SessionVariables.CONSENT_RULE;
import static io.videocallsupport.session.SessionVariables.JURISDICTION_COUNTRY;
import static io.videocallsupport.session.SessionVariables.JURISDICTION_REGION;
import static io.videocallsupport.session.SessionVariables.RECORDING_ALLOWED;
import static io.videocallsupport.session.SessionVariables.RETENTION_DAYS;
import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.decisions.DecisionTableRunner.Evaluation;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code decisions/recording-policy.dmn}: unknown places, US all-party states, the EU, everywhere else. */
class RecordingPolicyDecisionTest {

  private static final DecisionTableRunner TABLE = DecisionTableRunner.forDecision("recording-policy");

  @ParameterizedTest(name = "[{index}] country=''{0}'' region=''{1}'' -> {2}")
  @CsvSource(textBlock = """
      # country, region, rule,                      consent,   allowed
      ,          ,       Rule_UnknownJurisdiction,  ALL_PARTY, false
      ,          CA,     Rule_UnknownJurisdiction,  ALL_PARTY, false
      '',        ,       Rule_UnknownJurisdiction,  ALL_PARTY, false
      '',        CA,     Rule_UnknownJurisdiction,  ALL_PARTY, false
      US,        CA,     Rule_UsAllPartyState,      ALL_PARTY, true
      US,        MT,     Rule_UsAllPartyState,      ALL_PARTY, true
      MT,        ,       Rule_EuMemberState,        ALL_PARTY, true
      DE,        BY,     Rule_EuMemberState,        ALL_PARTY, true
      US,        NY,     Rule_OnePartyConsent,      ONE_PARTY, true
      US,        ,       Rule_OnePartyConsent,      ONE_PARTY, true
      CA,        ,       Rule_OnePartyConsent,      ONE_PARTY, true
      GB,        ,       Rule_OnePartyConsent,      ONE_PARTY, true
      CH,        ,       Rule_OnePartyConsent,      ONE_PARTY, true
      """)
  void everyRule(String country, String region, String expectedRule, String expectedConsentRule,
      boolean expectedRecordingAllowed) {
    Evaluation evaluation = TABLE.evaluate(jurisdiction(country, region));

    assertThat(evaluation.matchedRule()).isEqualTo(expectedRule);
    assertThat(evaluation.<String>output(CONSENT_RULE.getName())).isEqualTo(expectedConsentRule);
    assertThat(evaluation.<Boolean>output(RECORDING_ALLOWED.getName())).isEqualTo(expectedRecordingAllowed);
    assertThat(evaluation.<Object>output(RETENTION_DAYS.getName())).isEqualTo(90);
  }

  @ParameterizedTest(name = "US-{0}")
  @ValueSource(strings = {"CA", "FL", "IL", "MD", "MA", "MT", "NH", "PA", "WA"})
  void everyUsAllPartyStateNeedsEveryonesConsent(String state) {
    Evaluation evaluation = TABLE.evaluate(jurisdiction("US", state));

    assertThat(evaluation.matchedRule()).isEqualTo("Rule_UsAllPartyState");
    assertThat(evaluation.<String>output(CONSENT_RULE.getName())).isEqualTo("ALL_PARTY");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
      "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"})
  void everyEuMemberStateNeedsEveryonesConsent(String country) {
    Evaluation evaluation = TABLE.evaluate(jurisdiction(country, null));

    assertThat(evaluation.matchedRule()).isEqualTo("Rule_EuMemberState");
    assertThat(evaluation.<String>output(CONSENT_RULE.getName())).isEqualTo("ALL_PARTY");
  }

  @Test
  void countryMissingFromTheVariablesMeansDoNotRecord() {
    Evaluation evaluation = TABLE.evaluate(Map.of());

    assertThat(evaluation.matchedRule()).isEqualTo("Rule_UnknownJurisdiction");
    assertThat(evaluation.<Boolean>output(RECORDING_ALLOWED.getName())).isFalse();
  }

  @Test
  void retentionDaysIsAnIntegerAsTheProcessVariableDeclares() {
    Evaluation evaluation = TABLE.evaluate(jurisdiction("FR", null));

    assertThat(evaluation.<Object>output(RETENTION_DAYS.getName())).isInstanceOf(Integer.class);
  }

  private static Map<String, Object> jurisdiction(String country, String region) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(JURISDICTION_COUNTRY.getName(), country);
    variables.put(JURISDICTION_REGION.getName(), region);
    return variables;
  }
}
