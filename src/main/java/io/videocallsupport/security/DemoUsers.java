package io.videocallsupport.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo profile only: one user per role, with a known password printed at start. */
@Component
@ConditionalOnProperty(name = "vcs.demo.enabled", havingValue = "true")
class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  /** The port the server really listens on (PORT, or a random one in tests), not the default. */
  private static int port(ApplicationReadyEvent ready) {
    return ready.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
        ? web.getWebServer().getPort() : 8080;
  }

  record DemoUser(String id, String firstName, String lastName, String group) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("anna", "Anna", "Agent", Roles.AGENTS),
      new DemoUser("tom", "Tom", "Lead", Roles.TEAM_LEADS),
      new DemoUser("maria", "Maria", "Manager", Roles.MANAGERS),
      new DemoUser("admin", "Ada", "Admin", Roles.ADMINS));

  private final IdentityService identity;
  private final String password;

  DemoUsers(IdentityService identity, @Value("${vcs.demo.password}") String password) {
    this.identity = identity;
    this.password = password;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void createDemoUsers(ApplicationReadyEvent ready) {
    StringBuilder logins = new StringBuilder("\n\n  Demo logins (profile 'demo'), password '" + password + "' for all:\n");
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).singleResult() == null) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@example.com");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(demo.id(), demo.group());
        if (Roles.TEAM_LEADS.equals(demo.group())) {
          identity.createMembership(demo.id(), Roles.AGENTS);
        }
      }
      logins.append(String.format("    %-6s %-14s group %s%n", demo.id(), demo.firstName() + " " + demo.lastName(),
          demo.group()));
    }
    String base = "http://localhost:" + port(ready);
    LOG.info("{}  Start page: {}/  (Tasklist and Cockpit: {}/camunda/app/)\n", logins, base, base);
  }
}
