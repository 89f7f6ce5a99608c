package io.videocallsupport.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member of staff's browser for the application's own pages: keeps cookies, follows no redirects,
 * logs in through the staff login form with its CSRF token, as a person's browser would.
 */
public class StaffBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  public StaffBrowser(int port) {
    this.port = port;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return get(path, "en");
  }

  public HttpResponse<String> get(String path, String language) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form of the page at {@code formPage} to {@code action}, with that page's CSRF token. */
  public HttpResponse<String> post(String formPage, String action, String form) throws Exception {
    Matcher csrf = CSRF.matcher(get(formPage).body());
    assertThat(csrf.find()).as("a CSRF token on %s", formPage).isTrue();
    String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Logs a demo user in (password {@code demo}); answers the login form's response. */
  public HttpResponse<String> login(String user) throws Exception {
    return post("/room/login", "/room/login", "username=" + user + "&password=demo");
  }

  /** Logs in to a Camunda webapp (tasklist, cockpit, admin) as its own login form does, with its CSRF token. */
  public HttpResponse<String> webappLogin(String user, String app) throws Exception {
    get("/camunda/app/" + app + "/default/");
    return webappPost("/camunda/api/admin/auth/user/default/login/" + app, "username=" + user + "&password=demo");
  }

  /** Logs out as the webapps' "Log out" does. */
  public HttpResponse<String> webappLogout() throws Exception {
    get("/camunda/app/tasklist/default/"); // the login gave the session a new CSRF token, as the app's next page load shows
    return webappPost("/camunda/api/admin/auth/user/default/logout", "");
  }

  private HttpResponse<String> webappPost(String path, String form) throws Exception {
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
