package io.videocallsupport.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionTaskAccessUpgrade;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.session.VideoSupportSession;
import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.Sessions;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's authorizations give {@code /engine-rest} and Tasklist the session API's rule: an agent
 * reaches the tasks and variables of their own sessions and of sessions without an agent; team
 * leads reach and work all; managers read all and change nothing; the admin opens every webapp.
 * Users: {@code anna} and {@code bea} (agents), {@code tom} (team lead), {@code maria} (manager).
 */
@H2SpringTest
class SessionTaskAuthorizationTest {

  private static final String BEA = "bea";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  @Autowired SessionRepository sessions;
  @Autowired ObjectMapper json;
  @Autowired SessionTaskAccessUpgrade upgrade;
  @Autowired FilterService filters;
  @Autowired RoleAuthorizations roles;
  @Autowired TaskCardVariablesUpgrade cardUpgrade;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void secondAgent() {
    if (identity.createUserQuery().userId(BEA).singleResult() == null) {
      User bea = identity.newUser(BEA);
      bea.setFirstName("Bea");
      bea.setLastName("Agent");
      bea.setPassword("demo");
      identity.saveUser(bea);
      identity.createMembership(BEA, Roles.AGENTS);
    }
  }

  @Test
  void anAgentCannotListReadOrWorkAnotherAgentsSession() throws Exception {
    String beas = startAs(BEA, List.of(Roles.AGENTS));
    String task = openTaskId(beas);

    assertThat(array(get("anna", "/engine-rest/task?processInstanceId=" + beas))).isEmpty();
    assertThat(get("anna", "/engine-rest/task/" + task).statusCode()).isIn(403, 404);
    assertThat(get("anna", "/engine-rest/task/" + task + "/variables").statusCode()).isIn(403, 404);
    assertThat(get("anna", "/engine-rest/task/" + task + "/form-variables").statusCode()).isIn(403, 404);
    assertThat(get("anna", "/engine-rest/process-instance/" + beas + "/variables").statusCode()).isIn(403, 404);
    assertThat(array(get("anna", "/engine-rest/process-instance?processInstanceIds=" + beas))).isEmpty();
    assertThat(array(get("anna", "/engine-rest/variable-instance?processInstanceIdIn=" + beas))).isEmpty();
    assertThat(array(get("anna", "/engine-rest/history/variable-instance?processInstanceId=" + beas))).isEmpty();
    assertThat(array(get("anna", "/engine-rest/history/task?processInstanceId=" + beas))).isEmpty();
    assertThat(array(get("anna", "/engine-rest/history/process-instance?processInstanceId=" + beas))).isEmpty();

    assertThat(post("anna", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"anna\"}").statusCode())
        .isIn(403, 404);
    assertThat(post("anna", "/engine-rest/task/" + task + "/assignee", "{\"userId\":\"anna\"}").statusCode())
        .isIn(403, 404);
    assertThat(post("anna", "/engine-rest/task/" + task + "/complete", accepted()).statusCode()).isIn(403, 404);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(BEA);

    assertThat(array(get(BEA, "/engine-rest/task?processInstanceId=" + beas))).hasSize(1);
    assertThat(get(BEA, "/engine-rest/task/" + task + "/variables").body()).contains("customerName");
  }

  @Test
  void anAgentWhoClaimsATaskOfASessionWithoutAgentTakesTheSession() throws Exception {
    String open = startWithoutAgent();
    String offer = openTaskId(open);
    assertThat(array(get("anna", "/engine-rest/task?processInstanceId=" + open))).hasSize(1);
    assertThat(array(get(BEA, "/engine-rest/task?processInstanceId=" + open))).hasSize(1);

    assertThat(post("anna", "/engine-rest/task/" + offer + "/claim", "{\"userId\":\"anna\"}").statusCode())
        .isEqualTo(204);

    assertThat(session(open).agentId()).isEqualTo("anna");
    assertThat(runtime.getVariable(open, "agentId")).isEqualTo("anna");
    assertThat(array(get(BEA, "/engine-rest/task?processInstanceId=" + open))).isEmpty();
    assertThat(get(BEA, "/engine-rest/task/" + offer + "/variables").statusCode()).isIn(403, 404);
    assertThat(post(BEA, "/engine-rest/task/" + offer + "/complete", accepted()).statusCode()).isIn(403, 404);

    assertThat(get("anna", "/engine-rest/task/" + offer + "/variables").statusCode()).isEqualTo(200);
    assertThat(post("anna", "/engine-rest/task/" + offer + "/complete", accepted()).statusCode()).isEqualTo(204);
    String prepare = openTaskId(open);
    assertThat(tasks.createTaskQuery().taskId(prepare).singleResult().getAssignee()).isEqualTo("anna");
    assertThat(tasks.getIdentityLinksForTask(prepare)).noneMatch(link -> link.getGroupId() != null);
    assertThat(array(get("anna", "/engine-rest/task?processInstanceId=" + open))).hasSize(1);
    assertThat(array(get(BEA, "/engine-rest/task?processInstanceId=" + open))).isEmpty();
  }

  @Test
  void aTeamLeadSeesWorksAndHandsOverEverySession() throws Exception {
    String beas = startAs(BEA, List.of(Roles.AGENTS));
    String offer = openTaskId(beas);

    assertThat(array(get("tom", "/engine-rest/task?processInstanceId=" + beas))).hasSize(1);
    assertThat(get("tom", "/engine-rest/process-instance/" + beas + "/variables").statusCode()).isEqualTo(200);
    assertThat(array(get("tom", "/engine-rest/history/task?processInstanceId=" + beas))).hasSize(1);

    // Handing the session to anna takes it from bea, including the task she was assigned.
    assertThat(post("tom", "/engine-rest/task/" + offer + "/assignee", "{\"userId\":\"anna\"}").statusCode())
        .isEqualTo(204);
    assertThat(session(beas).agentId()).isEqualTo("anna");
    assertThat(array(get(BEA, "/engine-rest/task?processInstanceId=" + beas))).isEmpty();
    assertThat(get(BEA, "/engine-rest/task/" + offer + "/variables").statusCode()).isIn(403, 404);
    assertThat(array(get("anna", "/engine-rest/task?processInstanceId=" + beas))).hasSize(1);

    assertThat(post("tom", "/engine-rest/task/" + offer + "/complete", accepted()).statusCode()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(openTaskId(beas)).singleResult().getAssignee()).isEqualTo("anna");
  }

  @Test
  void aManagerReadsEverySessionAndChangesNothing() throws Exception {
    String beas = startAs(BEA, List.of(Roles.AGENTS));
    String offer = openTaskId(beas);

    assertThat(array(get("maria", "/engine-rest/task?processInstanceId=" + beas))).hasSize(1);
    assertThat(get("maria", "/engine-rest/task/" + offer + "/variables").statusCode()).isEqualTo(200);
    assertThat(get("maria", "/engine-rest/process-instance/" + beas + "/variables").statusCode()).isEqualTo(200);
    assertThat(array(get("maria", "/engine-rest/history/variable-instance?processInstanceId=" + beas))).isNotEmpty();

    assertThat(post("maria", "/engine-rest/task/" + offer + "/claim", "{\"userId\":\"maria\"}").statusCode())
        .isEqualTo(403);
    assertThat(post("maria", "/engine-rest/task/" + offer + "/assignee", "{\"userId\":\"maria\"}").statusCode())
        .isEqualTo(403);
    assertThat(post("maria", "/engine-rest/task/" + offer + "/complete", accepted()).statusCode()).isEqualTo(403);
    assertThat(put("maria", "/engine-rest/process-instance/" + beas + "/variables/customerName",
        "{\"value\":\"changed\",\"type\":\"String\"}").statusCode()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(offer).singleResult().getAssignee()).isEqualTo(BEA);
    assertThat(runtime.getVariable(beas, "customerName")).isEqualTo("Jo Doe");
  }

  @Test
  void tasklistShowsEachRoleWhatTheEngineRestDoes() throws Exception {
    String beas = startAs(BEA, List.of(Roles.AGENTS));
    String tasklistQuery = "/camunda/api/engine/engine/default/task?processInstanceId=" + beas;

    assertThat(array(new Webapp("anna", "tasklist").get(tasklistQuery))).isEmpty();
    assertThat(array(new Webapp(BEA, "tasklist").get(tasklistQuery))).hasSize(1);
    assertThat(array(new Webapp("maria", "tasklist").get(tasklistQuery))).hasSize(1);
    assertThat(array(new Webapp("tom", "tasklist").get(tasklistQuery))).hasSize(1);
  }

  @Test
  void theAdminOpensCockpitTasklistAndAdmin() throws Exception {
    for (String app : List.of("cockpit", "tasklist", "admin")) {
      Webapp admin = new Webapp("admin", app);
      assertThat(admin.login.statusCode()).as("admin logs into %s", app).isEqualTo(200);
      List<String> apps = new ArrayList<>();
      json.readTree(admin.login.body()).get("authorizedApps").forEach(a -> apps.add(a.asText()));
      assertThat(apps).contains("cockpit", "tasklist", "admin");
    }
    Webapp admin = new Webapp("admin", "admin");
    assertThat(admin.get("/camunda/api/engine/engine/default/user").statusCode()).isEqualTo(200);
    assertThat(array(admin.get("/camunda/api/engine/engine/default/authorization?groupIdIn=agents"))).isNotEmpty();
    assertThat(array(new Webapp("admin", "cockpit").get("/camunda/api/engine/engine/default/process-definition")))
        .isNotEmpty();
  }

  @Test
  void atStartTheOpenTasksOfAssignedSessionsLeaveTheAgentsGroup() throws Exception {
    String beas = startAs(BEA, List.of(Roles.AGENTS));
    String offer = openTaskId(beas);
    // As a task created before this rule: offered to the agents group as well as assigned to bea.
    tasks.addCandidateGroup(offer, Roles.AGENTS);
    assertThat(array(get("anna", "/engine-rest/task?processInstanceId=" + beas))).hasSize(1);

    upgrade.upgrade();

    assertThat(array(get("anna", "/engine-rest/task?processInstanceId=" + beas))).isEmpty();
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(offer)
        .groupIdIn(Roles.AGENTS).count()).isZero();
    assertThat(array(get(BEA, "/engine-rest/task?processInstanceId=" + beas))).hasSize(1);
  }

  @Test
  void atStartSessionsOfAVersionThatOfferedEveryTaskToAllAgentsMoveToTheLatestVersion() throws Exception {
    String model = Files.readString(Path.of("processes/video-support-session.bpmn"));
    String groupWide = model.replace("${sessionTaskAccess.candidateGroups(agentId)}", Roles.AGENTS)
        .replaceAll("\\s*<camunda:taskListener delegateExpression=\"\\$\\{sessionAgentListener\\}\" "
            + "event=\"assignment\" />", "");
    RepositoryService repository = engine.getRepositoryService();
    List<String> deployments = new ArrayList<>();
    try {
      String before = deploy(repository, groupWide, deployments);
      String beas = startAs(BEA, List.of(Roles.AGENTS), before);
      assertThat(array(get("anna", "/engine-rest/task?processInstanceId=" + beas))).hasSize(1);
      String latest = deploy(repository, model, deployments);

      upgrade.upgrade();

      assertThat(runtime.createProcessInstanceQuery().processInstanceId(beas).singleResult().getProcessDefinitionId())
          .isEqualTo(latest);
      assertThat(array(get("anna", "/engine-rest/task?processInstanceId=" + beas))).isEmpty();
      assertThat(post(BEA, "/engine-rest/task/" + openTaskId(beas) + "/complete", accepted()).statusCode())
          .isEqualTo(204);
      String prepare = openTaskId(beas);
      assertThat(tasks.createTaskQuery().taskId(prepare).singleResult().getAssignee()).isEqualTo(BEA);
      assertThat(array(get("anna", "/engine-rest/task?processInstanceId=" + beas))).isEmpty();
    } finally {
      for (int i = deployments.size() - 1; i >= 0; i--) {
        repository.deleteDeployment(deployments.get(i), true);
      }
    }
  }

  /** Deploys a version of the session process; returns its definition id. */
  private static String deploy(RepositoryService repository, String model, List<String> deployments) {
    String deployment = repository.createDeployment().name("authorization test")
        .addString("video-support-session.bpmn", model).deploy().getId();
    deployments.add(deployment);
    return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
  }

  // ---------------------------------------------------------------------------------------------

  private String startAs(String user, List<String> groups) {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(VideoSupportSession.PROCESS_KEY).latestVersion().singleResult();
    return startAs(user, groups, definition.getId());
  }

  /** Starts a session as the user would from Tasklist's start form. */
  private String startAs(String user, List<String> groups, String definitionId) {
    identity.setAuthentication(user, groups);
    try {
      String id = engine.getFormService()
          .submitStartForm(definitionId, Variables.fromMap(Sessions.startForm(ticket()))).getId();
      new ProcessDriver(engine).runDueJobs();
      return id;
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A session started by a help desk integration without an agent: its tasks go to all agents. */
  private String startWithoutAgent() {
    String id = runtime.startProcessInstanceByKey(VideoSupportSession.PROCESS_KEY,
        Variables.fromMap(Sessions.startForm(ticket()))).getId();
    new ProcessDriver(engine).runDueJobs();
    return id;
  }

  private static String ticket() {
    return "AUTH-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String openTaskId(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  private VideoSession session(String processInstanceId) {
    String ticket = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
    return sessions.findByTicket(ticket).get(0);
  }

  private static String accepted() {
    return "{\"variables\":{\"customerAcceptedVideo\":{\"value\":true,\"type\":\"Boolean\"}}}";
  }

  private JsonNode array(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode node = json.readTree(response.body());
    assertThat(node.isArray()).isTrue();
    return node;
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return send(user, HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> post(String user, String path, String body) throws Exception {
    return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> put(String user, String path, String body) throws Exception {
    return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
    String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes());
    return http.send(request.header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** A browser session of one Camunda webapp: logged in as its login page does, with the CSRF token. */
  private final class Webapp {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private final HttpResponse<String> login;

    Webapp(String user, String app) throws Exception {
      browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("X-XSRF-TOKEN", csrf())
              .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
      return browser.send(HttpRequest.newBuilder(uri(path)).header("X-XSRF-TOKEN", csrf())
          .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .findFirst().orElseThrow().getValue();
    }
  }

  @Test
  void everyTasklistFilterShowsTicketAndCustomerOnTheTaskCards() throws Exception {
    // A filter as an earlier version made it: no card variables, one variable an admin added.
    var mine = filters.createTaskFilterQuery().filterName("My tasks").singleResult();
    mine.setProperties(new java.util.HashMap<>(Map.of("description", "Tasks assigned to me", "priority", -10,
        "variables", List.of(Map.of("name", "issueCategory", "label", "Issue")))));
    filters.saveFilter(mine);

    roles.ensureRolesAndFilters();

    for (var filter : filters.createTaskFilterQuery().list()) {
      assertThat(filter.getProperties().get("variables").toString())
          .as("card variables of %s", filter.getName())
          .contains("name=ticketId", "label=Ticket", "name=customerName", "label=Customer");
    }
    assertThat(filters.getFilter(mine.getId()).getProperties().get("variables").toString()).contains("issueCategory");
    assertThat(filters.createTaskFilterQuery().filterName("My tasks").count()).isEqualTo(1);
  }

  @Test
  void anAgentReadsTheTicketAndCustomerOfTheCardsOfItsTasksOnly() throws Exception {
    String beas = startAs(BEA, List.of(Roles.AGENTS));
    String task = openTaskId(beas);
    // As Tasklist loads a filter's cards: the task list with the filter's variables embedded (HAL).
    String filterId = filters.createTaskFilterQuery().filterName("My tasks").singleResult().getId();
    HttpResponse<String> cards = send(BEA, HttpRequest.newBuilder(uri("/engine-rest/filter/" + filterId
        + "/list?firstResult=0&maxResults=15")).header("Accept", "application/hal+json").GET());
    assertThat(cards.statusCode()).as(cards.body()).isEqualTo(200);
    List<String> shown = new ArrayList<>();
    for (JsonNode card : json.readTree(cards.body()).path("_embedded").path("task")) {
      if (card.path("id").asText().equals(task)) {
        card.path("_embedded").path("variable")
            .forEach(v -> shown.add(v.path("name").asText() + "=" + v.path("value").asText()));
      }
    }
    assertThat(shown).contains("ticketId=" + tasks.getVariable(task, "ticketId"),
        "customerName=" + tasks.getVariable(task, "customerName"));
    HttpResponse<String> others = send("anna", HttpRequest.newBuilder(uri("/engine-rest/filter/" + filterId
        + "/list?firstResult=0&maxResults=15")).header("Accept", "application/hal+json").GET());
    assertThat(others.body()).doesNotContain(task);

    // A task opened by an earlier version (no copies) gets them at the next start.
    tasks.removeVariableLocal(task, "ticketId");
    tasks.removeVariableLocal(task, "customerName");
    cardUpgrade.copyToOpenTasks();
    assertThat(tasks.getVariablesLocal(task)).containsKeys("ticketId", "customerName");
  }

  @Test
  void anAgentInvitesOneTeamLeadByNameButNoOtherAgent() throws Exception {
    String beas = startAs(BEA, List.of(Roles.AGENTS));
    runtime.createProcessInstanceModification(beas)
        .cancelAllForActivity(VideoSupportSession.Elements.OFFER_VIDEO_CALL)
        .startBeforeActivity(VideoSupportSession.Elements.CONDUCT_VIDEO_CALL)
        .execute();
    String conduct = openTaskId(beas);
    assertThat(tasks.getVariableLocal(conduct, "escalationInvitees").toString())
        .contains("group:team-leads", "user:tom", "Tom Lead").doesNotContain("user:anna", "user:bea");

    HttpResponse<String> anotherAgent = post(BEA, "/engine-rest/task/" + conduct + "/complete", escalation("user:anna"));
    assertThat(anotherAgent.statusCode()).isEqualTo(400);
    assertThat(anotherAgent.body()).contains("'anna' is not a team lead or specialist").doesNotContain("ENGINE-");

    assertThat(post(BEA, "/engine-rest/task/" + conduct + "/complete", escalation("user:tom")).statusCode())
        .isEqualTo(204);
    String join = tasks.createTaskQuery().processInstanceId(beas)
        .taskDefinitionKey(VideoSupportSession.Elements.JOIN_ESCALATED_CALL).singleResult().getId();
    assertThat(tasks.getIdentityLinksForTask(join)).extracting(link -> link.getUserId() + "/" + link.getGroupId())
        .contains("tom/null").doesNotContain("null/" + Roles.TEAM_LEADS);
    JsonNode form = json.readTree(get("tom", "/engine-rest/task/" + join + "/form-variables").body());
    assertThat(form.path("escalationReason").path("value").asText()).isEqualTo("Printer firmware");
    assertThat(form.path("escalatingAgent").path("value").asText()).isEqualTo("Bea Agent");
    assertThat(get("anna", "/engine-rest/task/" + join).statusCode()).isIn(403, 404);
  }

  private static String escalation(String invitee) {
    return "{\"variables\":{\"callAction\":{\"value\":\"ESCALATE\"},\"escalationConsent\":{\"value\":true},"
        + "\"escalationReason\":{\"value\":\"Printer firmware\"},\"escalationInvitee\":{\"value\":\"" + invitee + "\"}}}";
  }
}
