package io.videocallsupport.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holunda.camunda.bpm.data.factory.BasicVariableFactory;
import io.videocallsupport.csat.CsatSurvey;
import io.videocallsupport.privacy.PrivacyRequest;
import io.videocallsupport.retention.RecordingRetention;
import io.videocallsupport.session.SessionValues;
import io.videocallsupport.session.SessionVariables;
import io.videocallsupport.system.TaskTextLimit;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the Camunda Forms in {@code forms/} against what Tasklist 7.24 can render and against the
 * processes and variable declarations they belong to. Runs without an engine or Spring.
 */
class FormModelTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Tasklist 7.24 bundles form-js 1.8, which reads schemas up to this version. */
  private static final int TASKLIST_SCHEMA_VERSION = 16;

  /** Component types form-js 1.8 renders; a newer Modeler offers more that Tasklist cannot show. */
  private static final Set<String> KNOWN_TYPES = Set.of(
      "textfield", "textarea", "number", "datetime", "expression",
      "checkbox", "checklist", "radio", "select", "taglist",
      "text", "html", "image", "table", "iframe", "spacer", "separator", "button",
      "group", "dynamiclist");

  /** Types whose value is submitted under their key (and so becomes a process variable). */
  private static final Set<String> INPUT_TYPES = Set.of(
      "textfield", "textarea", "number", "datetime", "expression",
      "checkbox", "checklist", "radio", "select", "taglist");

  private static final Set<String> OPTION_TYPES = Set.of("radio", "select", "checklist", "taglist");

  /** Variables whose values are an enum: forms may offer a subset, never a value outside it. */
  private static final Map<String, Class<? extends Enum<?>>> VALUE_SETS = Map.of(
      "issueCategory", SessionValues.IssueCategory.class,
      "customerTier", SessionValues.CustomerTier.class,
      "callTiming", SessionValues.CallTiming.class,
      "callMode", SessionValues.CallMode.class,
      "customerPresence", SessionValues.CustomerPresence.class,
      "noShowDecision", SessionValues.NoShowDecision.class,
      "callAction", SessionValues.CallAction.class,
      "callOutcome", SessionValues.CallOutcome.class,
      "fallbackChannel", SessionValues.FallbackChannel.class,
      "breakSuggestion", SessionValues.BreakSuggestion.class);

  /**
   * The only variables an HTML view may insert (form-js escapes what it inserts there; a text view
   * inserts raw markdown and HTML): values the application sets itself, never text from a customer
   * or an agent. The host link is built by the platform adapter or checked to be an http(s) URL.
   */
  private static final Set<String> VALUES_THE_APPLICATION_SETS =
      Set.of("agentJoinUrl", "sessionPageUrl", "retentionDays", "consentNoticeVersion");

  /**
   * Option lists a select may read from a variable ({@code valuesKey}): JSON lists of labels and
   * values that a task listener sets, never input from a form.
   */
  private static final Set<String> OPTION_LISTS_THE_APPLICATION_SETS = Set.of("escalationInvitees");

  /** Words of FEEL and the templating language, as opposed to variable names. */
  private static final Set<String> TEMPLATE_WORDS = Set.of("if", "null", "and", "or", "not", "true", "false");

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final List<Class<?>> VARIABLE_DECLARATIONS = List.of(
      SessionVariables.class, CsatSurvey.Variables.class, PrivacyRequest.Variables.class,
      RecordingRetention.Variables.class);

  static Stream<Named<Path>> formFiles() throws IOException {
    List<Path> files = listFiles(projectDir().resolve("forms"), ".form");
    assertThat(files).as("forms/*.form").isNotEmpty();
    return files.stream().map(file -> Named.of(file.getFileName().toString(), file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void formHasTheEnvelopeTasklistExpects(Path file) throws IOException {
    JsonNode form = read(file);
    Path name = file.getFileName();

    assertThat(form.path("id").asText()).as("id of %s", name).isEqualTo(formIdOf(file));
    assertThat(form.path("type").asText()).as("type of %s", name).isEqualTo("default");
    assertThat(form.path("executionPlatform").asText()).as("executionPlatform of %s", name)
        .isEqualTo("Camunda Platform");
    assertThat(form.path("schemaVersion").asInt()).as("schemaVersion of %s", name)
        .isBetween(1, TASKLIST_SCHEMA_VERSION);
    assertThat(form.path("components").isArray()).as("components of %s", name).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void componentsHaveUniqueIdsAndTypesTasklistRenders(Path file) throws IOException {
    Path name = file.getFileName();
    Set<String> ids = new HashSet<>();

    for (JsonNode component : allComponents(read(file))) {
      String id = component.path("id").asText("");
      assertThat(id).as("a %s component in %s without id", component.path("type"), name)
          .isNotBlank();
      assertThat(ids.add(id)).as("id %s twice in %s", id, name).isTrue();
      assertThat(component.path("type").asText()).as("type of %s in %s", id, name)
          .isIn(KNOWN_TYPES);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void inputFieldsHaveUniqueKeys(Path file) throws IOException {
    Path name = file.getFileName();
    Set<String> keys = new HashSet<>();

    for (JsonNode field : inputFields(read(file))) {
      String id = field.path("id").asText();
      String key = field.path("key").asText("");
      assertThat(key).as("key of %s in %s", id, name).isNotBlank();
      assertThat(keys.add(key)).as("key %s twice in %s", key, name).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void fieldKeysAreDeclaredVariablesOfAFittingType(Path file) throws Exception {
    Map<String, Class<?>> declared = declaredVariables();

    for (JsonNode field : inputFields(read(file))) {
      String key = field.path("key").asText();
      String where = formIdOf(file) + "#" + key;
      assertThat(declared.containsKey(key))
          .as("%s names no variable declared in %s", where, VARIABLE_DECLARATIONS).isTrue();

      Class<?> type = declared.get(key);
      String fieldType = field.path("type").asText();
      if (type == Boolean.class) {
        assertThat(fieldType.equals("checkbox") || hasOptionsOf(field, JsonNode::isBoolean))
            .as("%s is a Boolean: a checkbox, or options with the values true and false", where)
            .isTrue();
      } else if (type == Integer.class || type == Long.class) {
        assertThat(fieldType).as("%s is a whole number", where).isEqualTo("number");
        assertThat(field.path("decimalDigits").asInt(-1)).as("decimalDigits of %s", where)
            .isZero();
      } else if (type == String.class) {
        assertThat(Set.of("textfield", "textarea", "datetime").contains(fieldType)
                || hasOptionsOf(field, JsonNode::isTextual)
                || (fieldType.equals("select") && field.has("valuesKey")))
            .as("%s is a String: a text or date field, or options with text values", where)
            .isTrue();
      } else {
        throw new AssertionError(where + " has type " + type + ", which no form field submits");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void optionsAreLabelledAndUseTheDeclaredValues(Path file) throws IOException {
    for (JsonNode field : inputFields(read(file))) {
      if (!OPTION_TYPES.contains(field.path("type").asText())) {
        continue;
      }
      String key = field.path("key").asText();
      String where = formIdOf(file) + "#" + key;
      if (field.has("valuesKey")) {
        assertThat(OPTION_LISTS_THE_APPLICATION_SETS).as("options of %s come from a list the application sets", where)
            .contains(field.path("valuesKey").asText());
        continue;
      }
      JsonNode options = field.path("values");
      assertThat(options.isArray() && !options.isEmpty()).as("static options of %s", where)
          .isTrue();

      List<String> values = new ArrayList<>();
      for (JsonNode option : options) {
        assertThat(option.path("label").asText("")).as("label of an option of %s", where)
            .isNotBlank();
        values.add(option.path("value").asText());
      }
      assertThat(values).as("values of %s", where).doesNotHaveDuplicates();
      if (VALUE_SETS.containsKey(key)) {
        Set<String> allowed = Arrays.stream(VALUE_SETS.get(key).getEnumConstants())
            .map(Enum::name).collect(Collectors.toSet());
        assertThat(values).as("values of %s", where).isSubsetOf(allowed);
      }
    }
  }

  /** form-js checks a pattern with RegExp.test: without ^ and $ it matches anywhere. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void validationPatternsAreAnchored(Path file) throws IOException {
    for (JsonNode field : inputFields(read(file))) {
      JsonNode pattern = field.path("validate").path("pattern");
      if (pattern.isMissingNode()) {
        continue;
      }
      String where = formIdOf(file) + "#" + field.path("key").asText();
      assertThat(pattern.asText()).as("pattern of %s", where).startsWith("^").endsWith("$");
      Pattern.compile(pattern.asText());
    }
  }

  /**
   * A text view renders markdown and HTML after inserting values, so a customer's comment with a link
   * would become a live link. Variable content belongs in a read-only field bound to the variable.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void textViewsInsertNoVariable(Path file) throws IOException {
    for (JsonNode component : allComponents(read(file))) {
      if (!component.path("type").asText().equals("text")) {
        continue;
      }
      String where = formIdOf(file) + "#" + component.path("id").asText();
      String text = component.path("text").asText("");
      assertThat(text).as("%s inserts a variable: show it in a read-only field bound to it", where)
          .doesNotContain("{{").doesNotStartWith("=");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void htmlViewsInsertOnlyValuesTheApplicationSets(Path file) throws IOException {
    for (JsonNode component : allComponents(read(file))) {
      if (!component.path("type").asText().equals("html")) {
        continue;
      }
      String where = formIdOf(file) + "#" + component.path("id").asText();
      String content = component.path("content").asText("");
      assertThat(content).as("%s is a FEEL expression", where).doesNotStartWith("=");
      assertThat(variablesInsertedBy(content)).as("variables %s inserts", where)
          .isSubsetOf(VALUES_THE_APPLICATION_SETS);
      assertThat(content.replace("href=\"{{agentJoinUrl}}\"", "")).as("%s uses the host link only as a link", where)
          .doesNotContain("agentJoinUrl");
    }
  }

  /** Images, frames and the like show nothing a variable names. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void otherViewsShowNoVariable(Path file) throws IOException {
    for (JsonNode component : allComponents(read(file))) {
      String type = component.path("type").asText();
      if (INPUT_TYPES.contains(type) || Set.of("text", "html", "group", "dynamiclist").contains(type)) {
        continue;
      }
      for (String property : List.of("source", "url", "content", "text", "alt", "dataSource")) {
        String value = component.path(property).asText("");
        assertThat(value.contains("{{") || value.startsWith("="))
            .as("%s#%s shows a variable in %s", formIdOf(file), component.path("id").asText(), property).isFalse();
      }
    }
  }

  /**
   * A text typed into a task form becomes a String process variable, which holds at most 4,000
   * characters (TaskTextLimit refuses more on completion); the form says so before the agent types.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void textInputsStateAMaximumThatFitsAProcessVariable(Path file) throws IOException {
    for (JsonNode field : inputFields(read(file))) {
      String type = field.path("type").asText();
      boolean editable = !field.path("readonly").asBoolean(false) && !field.path("disabled").asBoolean(false);
      if (!editable || !(type.equals("textfield") || type.equals("textarea"))) {
        continue;
      }
      String where = formIdOf(file) + "#" + field.path("key").asText();
      JsonNode maxLength = field.path("validate").path("maxLength");
      if (type.equals("textarea")) {
        assertThat(maxLength.isInt()).as("%s states its maximum length", where).isTrue();
      }
      if (!maxLength.isMissingNode()) {
        assertThat(maxLength.asInt()).as("maxLength of %s", where).isBetween(1, TaskTextLimit.MAX_CHARS);
      }
    }
  }

  /**
   * Two sessions' tasks have the same names, so every task form of a session starts with the
   * ticket id and the customer's name, read-only and bound to the variables (an agent with two
   * sessions open must see which one a form belongs to before entering anything).
   */
  @Test
  void everySessionTaskFormStartsWithTicketAndCustomer() throws IOException {
    BpmnModelInstance session = Bpmn.readModelFromFile(
        projectDir().resolve("processes").resolve("video-support-session.bpmn").toFile());
    Set<String> sessionForms = session.getModelElementsByType(UserTask.class).stream()
        .map(UserTask::getCamundaFormRef).filter(java.util.Objects::nonNull)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(sessionForms).isNotEmpty();
    for (Path file : listFiles(projectDir().resolve("forms"), ".form")) {
      if (!sessionForms.contains(formIdOf(file))) {
        continue;
      }
      List<JsonNode> fields = inputFields(read(file));
      assertThat(fields.stream().limit(2).map(f -> f.path("key").asText()).toList())
          .as("first fields of %s", formIdOf(file)).containsExactly("ticketId", "customerName");
      for (JsonNode field : fields.subList(0, 2)) {
        assertThat(field.path("readonly").asBoolean()).as("%s#%s is read-only", formIdOf(file),
            field.path("key").asText()).isTrue();
      }
    }
  }

  @Test
  void everyFormRefNamesAFormAndEveryFormIsUsed() throws IOException {
    Set<String> formIds = listFiles(projectDir().resolve("forms"), ".form").stream()
        .map(FormModelTest::formIdOf).collect(Collectors.toCollection(TreeSet::new));
    Map<String, String> formRefs = formRefsOfAllProcesses();

    assertThat(formRefs).as("camunda:formRef in processes/*.bpmn").isNotEmpty();
    formRefs.forEach((element, formRef) ->
        assertThat(formIds).as("form named by %s", element).contains(formRef));
    assertThat(new TreeSet<>(formRefs.values())).as("forms used by a process")
        .containsAll(formIds);
  }

  @Test
  void formRefsBindToTheFormOfTheSameDeployment() throws IOException {
    for (Path file : listFiles(projectDir().resolve("processes"), ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (FlowNode node : nodesWithForms(model)) {
        String binding = node instanceof UserTask task
            ? task.getCamundaFormRefBinding()
            : ((StartEvent) node).getCamundaFormRefBinding();
        assertThat(binding).as("camunda:formRefBinding of %s in %s", node.getId(), file)
            .isEqualTo("deployment");
      }
    }
  }

  // helpers

  private static Map<String, String> formRefsOfAllProcesses() throws IOException {
    Map<String, String> formRefs = new TreeMap<>();
    for (Path file : listFiles(projectDir().resolve("processes"), ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (FlowNode node : nodesWithForms(model)) {
        String formRef = node instanceof UserTask task
            ? task.getCamundaFormRef()
            : ((StartEvent) node).getCamundaFormRef();
        formRefs.put(file.getFileName() + "#" + node.getId(), formRef);
      }
    }
    return formRefs;
  }

  private static List<FlowNode> nodesWithForms(BpmnModelInstance model) {
    List<FlowNode> nodes = new ArrayList<>();
    model.getModelElementsByType(UserTask.class).stream()
        .filter(task -> task.getCamundaFormRef() != null)
        .forEach(nodes::add);
    model.getModelElementsByType(StartEvent.class).stream()
        .filter(event -> event.getCamundaFormRef() != null)
        .forEach(nodes::add);
    return nodes;
  }

  /** Every variable the processes declare (camunda-bpm-data factories), by name. */
  private static Map<String, Class<?>> declaredVariables() throws IllegalAccessException {
    Map<String, Class<?>> types = new HashMap<>();
    for (Class<?> holder : VARIABLE_DECLARATIONS) {
      for (Field constant : holder.getDeclaredFields()) {
        if (Modifier.isStatic(constant.getModifiers())
            && constant.get(null) instanceof BasicVariableFactory<?> factory) {
          Class<?> earlier = types.putIfAbsent(factory.getName(), factory.getVariableClass());
          assertThat(earlier == null || earlier == factory.getVariableClass())
              .as("%s is declared with two types", factory.getName()).isTrue();
        }
      }
    }
    return types;
  }

  private static Set<String> variablesInsertedBy(String content) {
    Set<String> names = new TreeSet<>();
    Matcher template = TEMPLATE.matcher(content);
    while (template.find()) {
      String expression = template.group(1).replaceAll("\"[^\"]*\"", "");
      Matcher name = NAME.matcher(expression);
      while (name.find()) {
        if (!TEMPLATE_WORDS.contains(name.group())) {
          names.add(name.group());
        }
      }
    }
    return names;
  }

  private static boolean hasOptionsOf(JsonNode field, Predicate<JsonNode> valueKind) {
    JsonNode options = field.path("values");
    if (!OPTION_TYPES.contains(field.path("type").asText()) || !options.isArray()
        || options.isEmpty()) {
      return false;
    }
    for (JsonNode option : options) {
      if (!valueKind.test(option.path("value"))) {
        return false;
      }
    }
    return true;
  }

  private static List<JsonNode> inputFields(JsonNode form) {
    return allComponents(form).stream()
        .filter(component -> INPUT_TYPES.contains(component.path("type").asText()))
        .toList();
  }

  /** The components of a form, including those inside groups and dynamic lists. */
  private static List<JsonNode> allComponents(JsonNode container) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode component : container.path("components")) {
      found.add(component);
      found.addAll(allComponents(component));
    }
    return found;
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  private static String formIdOf(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".form".length());
  }

  private static List<Path> listFiles(Path dir, String extension) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(extension))
          .sorted().toList();
    }
  }

  /** Maven's surefire sets basedir; an IDE usually runs tests in the project directory. */
  private static Path projectDir() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  }
}
