package io.videocallsupport.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;

/**
 * Evaluates one decision table of {@code decisions/} with Camunda's standalone DMN engine (the
 * same FEEL engine the process engine uses) and remembers which rules matched, because two rules
 * can give the same outputs for different reasons.
 */
final class DecisionTableRunner {

  private final List<DmnDecisionTableEvaluationEvent> evaluations = new ArrayList<>();
  private final DmnEngine engine;
  private final DmnDecision decision;

  private DecisionTableRunner(String decisionKey) {
    DmnEngineConfiguration configuration = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionTableEvaluationListeners(List.of(evaluations::add));
    engine = configuration.buildEngine();
    decision = engine.parseDecision(decisionKey, classpathResource("decisions/" + decisionKey + ".dmn"));
  }

  /** Loads {@code decisions/<decisionKey>.dmn}; the file is named after the decision it holds. */
  static DecisionTableRunner forDecision(String decisionKey) {
    return new DecisionTableRunner(decisionKey);
  }

  Evaluation evaluate(Map<String, Object> variables) {
    evaluations.clear();
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables);
    assertThat(evaluations).as("decision table evaluations").hasSize(1);
    List<String> matchedRuleIds = evaluations.get(0).getMatchingRules().stream()
        .map(DmnEvaluatedDecisionRule::getId)
        .toList();
    return new Evaluation(result, matchedRuleIds);
  }

  private static InputStream classpathResource(String name) {
    InputStream stream = DecisionTableRunner.class.getClassLoader().getResourceAsStream(name);
    if (stream == null) {
      throw new UncheckedIOException(new IOException(name + " is not on the test classpath"));
    }
    return stream;
  }

  /** The outcome of one evaluation: the table's result and the ids of the rules that matched. */
  record Evaluation(DmnDecisionTableResult result, List<String> matchedRuleIds) {

    /** With hit policy FIRST exactly one rule matches, since every table ends with a catch-all rule. */
    String matchedRule() {
      assertThat(matchedRuleIds).as("matched rules").hasSize(1);
      return matchedRuleIds.get(0);
    }

    <T> T output(String name) {
      DmnDecisionRuleResult entries = result.getSingleResult();
      assertThat(entries).as("result of the decision table").isNotNull();
      assertThat(entries.containsKey(name)).as("result has output %s", name).isTrue();
      return entries.getEntry(name);
    }
  }
}
