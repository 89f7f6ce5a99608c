package io.videocallsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.support.H2SpringTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The product's own pages around the webapps: the start page at {@code /} with a link for each role,
 * error pages in the product's style and the browser's language, and the favicon.
 */
@H2SpringTest
class StartAndErrorPagesTest {

  @LocalServerPort int port;

  PageClient browser;

  @BeforeEach
  void setUp() {
    browser = new PageClient(port);
  }

  @Test
  void theStartPageNamesTheProductAndLinksEachRolesPages() throws Exception {
    HttpResponse<String> start = browser.get("/");
    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(start.body()).contains("<h1 id=\"start-heading\">Video Call Support</h1>")
        .contains("href=\"/camunda/app/tasklist/default/\"").contains("href=\"/camunda/app/cockpit/default/\"")
        .contains("href=\"/analytics\"").contains("href=\"/camunda/app/admin/default/\"")
        .contains("Team leads").contains("Managers").contains("Customers").doesNotContain("Welcome");
    assertThat(browser.get("/", "de").body()).contains("lang=\"de\"").contains("Auswertungen")
        .contains("Teamleitungen");
  }

  @Test
  void refusedMissingAndGonePagesSayItInThePagesStyleAndTheBrowsersLanguage() throws Exception {
    HttpResponse<String> refused = browser.get("/actuator/env");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("You may not open this page").contains("/web/css/customer.css")
        .contains("href=\"/\"").doesNotContain("Whitelabel").doesNotContain("Exception");
    assertThat(browser.get("/actuator/env", "de").body()).contains("Sie dürfen diese Seite nicht öffnen");

    HttpResponse<String> missing = browser.get("/web/no-such-file.css");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Page not found").contains("Error 404").doesNotContain("Whitelabel");
    assertThat(browser.get("/join/" + "x".repeat(43) + "/more", "de").body()).contains("Seite nicht gefunden");
  }

  @Test
  void theFaviconIsServed() throws Exception {
    assertThat(browser.getBytes("/favicon.ico").statusCode()).isEqualTo(200);
    HttpResponse<byte[]> svg = browser.getBytes("/web/favicon.svg");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    assertThat(browser.get("/").body()).contains("rel=\"icon\"");
  }
}
