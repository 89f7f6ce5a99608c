package io.videocallsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The modelling rules of STYLE.md, checked on every file in {@code processes/} without an engine,
 * so that a diagram saved from the Modeler cannot quietly break them.
 */
class ProcessModelTest {

  private static final Path PROCESSES = Path.of("processes");

  /** Service tasks that only touch the application's own database: they run in the caller's transaction. */
  private static final Set<String> OWN_DATABASE_TASKS = Set.of(
      "Task_RegisterSession", "Task_InviteSpecialist", "Task_CloseSurvey", "Task_RegisterRecording",
      "Task_RegisterPrivacyRequest", "Task_RequestErasure", "Task_CheckErasureProgress");

  /** Ids the Modeler generates: a type prefix and 7 random characters, or a type prefix and a number. */
  private static final Pattern MODELER_RANDOM_ID = Pattern.compile(
      "^(Activity|Task|Gateway|Event|StartEvent|EndEvent|Flow|SequenceFlow|Process|SubProcess|Definitions"
          + "|Message|Error|Signal|Escalation|Participant|Collaboration|Lane|LaneSet|DataObjectReference"
          + "|DataStoreReference|TextAnnotation|Association|Group|Category|CategoryValue"
          + "|[A-Za-z]*EventDefinition)_[0-9a-z]{7}$");
  private static final Pattern NUMBERED_ID = Pattern.compile("_[0-9]+$");

  static Stream<Path> processFiles() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      List<Path> bpmnFiles = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(bpmnFiles).as("BPMN files in %s", PROCESSES.toAbsolutePath()).isNotEmpty();
      return bpmnFiles.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processFiles")
  void everyProcessHasAHistoryTimeToLive(Path file) {
    assertNoViolations(file, (model, violations) -> {
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
          violations.add(process.getId() + " has no camunda:historyTimeToLive");
        }
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processFiles")
  void noElementNamesAJavaClass(Path file) {
    assertNoViolations(file, (model, violations) ->
        collectJavaClassReferences(model.getDocument().getRootElement(), violations));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processFiles")
  void everyElementAProcessOwnerReadsHasAName(Path file) {
    assertNoViolations(file, (model, violations) -> {
      for (Process process : model.getModelElementsByType(Process.class)) {
        requireName(process.getId(), process.getName(), "process", violations);
      }
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        requireName(node.getId(), node.getName(), node.getElementType().getTypeName(), violations);
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (isDecision(flow.getSource()) && flow.getSource().getOutgoing().size() > 1) {
          requireName(flow.getId(), flow.getName(), "sequence flow leaving decision " + flow.getSource().getId(),
              violations);
        }
      }
      for (Message message : model.getModelElementsByType(Message.class)) {
        requireName(message.getId(), message.getName(), "message", violations);
      }
      for (Error error : model.getModelElementsByType(Error.class)) {
        requireName(error.getId(), error.getName(), "error", violations);
        if (isBlank(error.getErrorCode())) {
          violations.add(error.getId() + " has no error code");
        }
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processFiles")
  void noIdIsAModelerDefault(Path file) {
    assertNoViolations(file, (model, violations) ->
        collectGeneratedIds(model.getDocument().getRootElement(), violations));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processFiles")
  void codeIsCalledThroughDelegateExpressions(Path file) {
    assertNoViolations(file, (model, violations) -> {
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        requireDelegateExpression(task.getId(), task.getCamundaDelegateExpression(), violations);
      }
      for (SendTask task : model.getModelElementsByType(SendTask.class)) {
        requireDelegateExpression(task.getId(), task.getCamundaDelegateExpression(), violations);
      }
      for (ThrowEvent event : messageThrowEvents(model)) {
        for (MessageEventDefinition message : event.getChildElementsByType(MessageEventDefinition.class)) {
          requireDelegateExpression(event.getId(), message.getCamundaDelegateExpression(), violations);
        }
      }
    });
  }

  /**
   * A user task is either a session agent's (assigned to the session's agent, offered to all agents
   * only while the session has none, and taking the session when claimed) or named for a group that
   * is not {@code agents}: a literal {@code agents} would show every agent every session's task.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("processFiles")
  void noUserTaskIsOfferedToAllAgentsOnceItsSessionHasAnAgent(Path file) {
    assertNoViolations(file, (model, violations) -> {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String groups = task.getCamundaCandidateGroups();
        if ("${agentId}".equals(task.getCamundaAssignee())) {
          if (!"${sessionTaskAccess.candidateGroups(agentId)}".equals(groups)) {
            violations.add(task.getId() + " is an agent task without the candidate groups of sessionTaskAccess");
          }
          boolean takesSession = task.getExtensionElements() != null && task.getExtensionElements()
              .getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
              .anyMatch(l -> "assignment".equals(l.getCamundaEvent())
                  && "${sessionAgentListener}".equals(l.getCamundaDelegateExpression()));
          if (!takesSession) {
            violations.add(task.getId() + " is an agent task without the sessionAgentListener on assignment");
          }
        } else if (groups != null && List.of(groups.split("\\s*,\\s*")).contains("agents")) {
          violations.add(task.getId() + " is offered to all agents");
        }
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processFiles")
  void tasksThatCallOutRunAsyncWithRetries(Path file) {
    assertNoViolations(file, (model, violations) -> {
      List<Activity> tasks = new ArrayList<>(model.getModelElementsByType(ServiceTask.class));
      tasks.addAll(model.getModelElementsByType(SendTask.class));
      for (Activity task : tasks) {
        if (OWN_DATABASE_TASKS.contains(task.getId())) {
          continue;
        }
        if (!task.isCamundaAsyncBefore()) {
          violations.add(task.getId() + " calls out but is not camunda:asyncBefore");
        }
        boolean hasRetryCycle = task.getExtensionElements() != null
            && task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
                .list().stream().anyMatch(cycle -> !isBlank(cycle.getTextContent()));
        if (!hasRetryCycle) {
          violations.add(task.getId() + " calls out but has no camunda:failedJobRetryTimeCycle");
        }
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processFiles")
  void userTasksShowCamundaFormsDeployedWithTheProcess(Path file) {
    assertNoViolations(file, (model, violations) -> {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        requireDeployedForm(task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), violations);
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          requireDeployedForm(start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), violations);
        }
      }
    });
  }

  // --- helpers -------------------------------------------------------------------------------

  private static void assertNoViolations(Path file, BiConsumer<BpmnModelInstance, List<String>> rule) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> violations = new ArrayList<>();
    rule.accept(model, violations);
    assertThat(violations).as("rule violations in %s", file).isEmpty();
  }

  private static void collectJavaClassReferences(DomElement element, List<String> violations) {
    if (element.hasAttribute(BpmnModelConstants.CAMUNDA_NS, "class")) {
      violations.add(describe(element) + " has camunda:class=\""
          + element.getAttribute(BpmnModelConstants.CAMUNDA_NS, "class") + "\"; use camunda:delegateExpression");
    }
    element.getChildElements().forEach(child -> collectJavaClassReferences(child, violations));
  }

  private static void collectGeneratedIds(DomElement element, List<String> violations) {
    String id = element.getAttribute("id");
    if (id != null) {
      String elementId = id.endsWith("_di") ? id.substring(0, id.length() - "_di".length()) : id;
      if (MODELER_RANDOM_ID.matcher(elementId).matches() || NUMBERED_ID.matcher(elementId).find()) {
        violations.add(describe(element) + " has the generated id " + id + "; give it one that means something");
      }
    }
    element.getChildElements().forEach(child -> collectGeneratedIds(child, violations));
  }

  private static String describe(DomElement element) {
    String id = element.getAttribute("id");
    return element.getLocalName() + (id == null ? "" : " " + id);
  }

  /**
   * Gateways that choose among their flows: the labels are what the reader decides on. The flows of
   * a parallel fork all run, and after an event-based gateway the events carry the names.
   */
  private static boolean isDecision(FlowNode node) {
    return node instanceof ExclusiveGateway || node instanceof InclusiveGateway || node instanceof ComplexGateway;
  }

  private static Collection<ThrowEvent> messageThrowEvents(BpmnModelInstance model) {
    List<ThrowEvent> events = new ArrayList<>();
    events.addAll(model.getModelElementsByType(IntermediateThrowEvent.class));
    events.addAll(model.getModelElementsByType(EndEvent.class));
    events.removeIf(event -> event.getChildElementsByType(MessageEventDefinition.class).isEmpty());
    return events;
  }

  private static void requireName(String id, String name, String type, List<String> violations) {
    if (isBlank(name)) {
      violations.add(type + " " + id + " has no name");
    }
  }

  private static void requireDelegateExpression(String id, String delegateExpression, List<String> violations) {
    if (isBlank(delegateExpression)) {
      violations.add(id + " has no camunda:delegateExpression");
    }
  }

  private static void requireDeployedForm(String id, String formRef, String binding, List<String> violations) {
    if (isBlank(formRef)) {
      violations.add(id + " has no camunda:formRef");
    } else if (!"deployment".equals(binding)) {
      violations.add(id + " binds its form by \"" + (binding == null ? "latest (the default)" : binding)
          + "\" instead of \"deployment\"");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
