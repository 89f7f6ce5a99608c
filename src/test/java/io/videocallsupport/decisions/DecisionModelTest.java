package io.videocallsupport.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Conventions every file in {@code decisions/} keeps, so that a table a process owner edits in
 * Camunda Modeler still deploys and still reads well.
 */
class DecisionModelTest {

  private static final String DMNDI_NAMESPACE = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  private static final int MAX_RETENTION_DAYS = 90;

  static Stream<Resource> decisionFiles() throws IOException {
    return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath*:decisions/**/*.dmn"));
  }

  private static List<Decision> decisionsOf(Resource file) throws IOException {
    try (InputStream stream = file.getInputStream()) {
      DmnModelInstance model = Dmn.readModelFromStream(stream);
      return List.copyOf(model.getModelElementsByType(Decision.class));
    }
  }

  private static List<DecisionTable> decisionTablesOf(Resource file) throws IOException {
    return decisionsOf(file).stream()
        .map(Decision::getExpression)
        .filter(DecisionTable.class::isInstance)
        .map(DecisionTable.class::cast)
        .toList();
  }

  @Test
  void theThreeDecisionsAreThere() throws IOException {
    assertThat(decisionFiles().map(Resource::getFilename))
        .contains("video-eligibility.dmn", "recording-policy.dmn", "csat-follow-up.dmn");
  }

  @Test
  void everyDecisionAProcessCallsExists() throws IOException {
    Set<String> decisionKeys = new HashSet<>();
    for (Resource file : decisionFiles().toList()) {
      decisionsOf(file).forEach(decision -> decisionKeys.add(decision.getId()));
    }
    List<String> calledKeys = new ArrayList<>();
    for (Resource process : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.bpmn")) {
      try (InputStream stream = process.getInputStream()) {
        Bpmn.readModelFromStream(stream).getModelElementsByType(BusinessRuleTask.class).stream()
            .map(BusinessRuleTask::getCamundaDecisionRef)
            .filter(Objects::nonNull)
            .forEach(calledKeys::add);
      }
    }

    assertThat(calledKeys).isNotEmpty();
    assertThat(decisionKeys).containsAll(calledKeys);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionFiles")
  void camundaDeploysIt(Resource file) throws IOException {
    try (InputStream stream = file.getInputStream()) {
      assertThat(DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine().parseDecisions(stream))
          .isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionFiles")
  void fileIsNamedAfterItsDecision(Resource file) throws IOException {
    assertThat(decisionsOf(file)).extracting(Decision::getId)
        .contains(file.getFilename().replaceFirst("\\.dmn$", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionFiles")
  void everyDecisionHasHistoryTimeToLive(Resource file) throws IOException {
    assertThat(decisionsOf(file)).isNotEmpty().allSatisfy(decision -> {
      assertThat(decision.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", decision.getId())
          .isNotBlank();
      assertThat(decision.getName()).as("name of %s", decision.getId()).isNotBlank();
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionFiles")
  void everyDecisionIsDrawnInTheDiagram(Resource file) throws Exception {
    Set<String> drawn = new HashSet<>();
    try (InputStream stream = file.getInputStream()) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList shapes = factory.newDocumentBuilder().parse(stream).getElementsByTagNameNS(DMNDI_NAMESPACE, "DMNShape");
      for (int i = 0; i < shapes.getLength(); i++) {
        drawn.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
      }
    }

    assertThat(drawn).containsAll(decisionsOf(file).stream().map(Decision::getId).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionFiles")
  void everyRuleExplainsItself(Resource file) throws IOException {
    assertThat(decisionTablesOf(file)).isNotEmpty().allSatisfy(table ->
        assertThat(table.getRules()).isNotEmpty().allSatisfy(rule ->
            assertThat(rule.getDescription()).as("description of %s", rule.getId()).isNotNull()
                .satisfies(description -> assertThat(description.getTextContent()).isNotBlank())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionFiles")
  void everyColumnHasALabelAndAType(Resource file) throws IOException {
    assertThat(decisionTablesOf(file)).allSatisfy(table -> {
      assertThat(table.getInputs()).allSatisfy(input -> {
        assertThat(input.getLabel()).as("label of %s", input.getId()).isNotBlank();
        assertThat(input.getInputExpression().getTypeRef()).as("typeRef of %s", input.getId()).isNotBlank();
        assertThat(input.getInputExpression().getText().getTextContent()).as("expression of %s", input.getId())
            .isNotBlank();
      });
      assertThat(table.getOutputs()).allSatisfy(output -> {
        assertThat(output.getLabel()).as("label of %s", output.getId()).isNotBlank();
        assertThat(output.getName()).as("name of %s", output.getId()).isNotBlank();
        assertThat(output.getTypeRef()).as("typeRef of %s", output.getId()).isNotBlank();
      });
    });
  }

  /** The processes map a single result; a table without a catch-all last rule could return none. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionFiles")
  void everyTableEndsWithARuleThatMatchesAnything(Resource file) throws IOException {
    assertThat(decisionTablesOf(file)).allSatisfy(table -> {
      List<Rule> rules = List.copyOf(table.getRules());
      Rule last = rules.get(rules.size() - 1);
      assertThat(last.getInputEntries()).as("input entries of the last rule %s", last.getId())
          .allSatisfy(entry -> assertThat(textOf(entry)).isEmpty());
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionFiles")
  void retentionIsNeverLongerThan90Days(Resource file) throws IOException {
    for (DecisionTable table : decisionTablesOf(file)) {
      List<Output> outputs = List.copyOf(table.getOutputs());
      for (int column = 0; column < outputs.size(); column++) {
        if (!"retentionDays".equals(outputs.get(column).getName())) {
          continue;
        }
        for (Rule rule : table.getRules()) {
          String days = textOf(List.copyOf(rule.getOutputEntries()).get(column));
          assertThat(days).as("retentionDays of %s", rule.getId()).matches("\\d+");
          assertThat(Integer.parseInt(days)).as("retentionDays of %s", rule.getId())
              .isBetween(1, MAX_RETENTION_DAYS);
        }
      }
    }
  }

  @Test
  void theRetentionCheckLooksAtTheRecordingPolicy() throws IOException {
    Set<String> outputNames = decisionFiles()
        .flatMap(file -> {
          try {
            return decisionTablesOf(file).stream();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        })
        .flatMap(table -> table.getOutputs().stream())
        .map(Output::getName)
        .collect(Collectors.toSet());

    assertThat(outputNames).contains("retentionDays");
  }

  private static String textOf(InputEntry entry) {
    return entry.getText().getTextContent().trim();
  }

  private static String textOf(OutputEntry entry) {
    return entry.getText().getTextContent().trim();
  }
}
