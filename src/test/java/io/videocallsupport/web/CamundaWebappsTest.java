package io.videocallsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.support.H2SpringTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tasklist, Cockpit and the deployed forms answer as agents and managers use them. */
@H2SpringTest
class CamundaWebappsTest {

  @LocalServerPort int port;

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void tasklistAndCockpitAnswer() throws Exception {
    assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    assertThat(get("/camunda/app/tasklist/default/").body()).contains("Tasklist");
    assertThat(get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
    assertThat(get("/camunda/").statusCode()).as("the webapps' own entry still redirects into them")
        .isBetween(300, 399);
  }

  @Test
  void anAgentLogsIntoTasklistButNotCockpit() throws Exception {
    assertThat(login("anna", "tasklist").statusCode()).isEqualTo(200);
    cookies.getCookieStore().removeAll();
    HttpResponse<String> cockpit = login("anna", "cockpit");
    assertThat(cockpit.statusCode()).isEqualTo(403);
    assertThat(cockpit.body()).doesNotContainIgnoringCase("csrf");
    cookies.getCookieStore().removeAll();
    assertThat(login("maria", "cockpit").statusCode()).isEqualTo(200);
  }

  @Test
  void theStartFormIsServedToAnAgent() throws Exception {
    HttpResponse<String> definitions = get("/engine-rest/process-definition/key/video-support-session/deployed-start-form",
        "anna");
    assertThat(definitions.statusCode()).isEqualTo(200);
    assertThat(definitions.body()).contains("\"id\"").contains("start-video-session").contains("customerEmail");
  }

  /** Logs in as the webapp does: with the CSRF token it got from the page. */
  private HttpResponse<String> login(String user, String app) throws Exception {
    get("/camunda/app/" + app + "/default/");
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    return http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", csrf)
            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes());
    return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
