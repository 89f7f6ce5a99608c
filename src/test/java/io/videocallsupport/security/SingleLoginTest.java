package io.videocallsupport.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.StaffBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One login for Tasklist and the staff pages, in either order; logging out of one logs out of both. */
@H2SpringTest
class SingleLoginTest {

  @LocalServerPort int port;

  @Test
  void aTasklistLoginOpensTheStaffPagesAndItsLogoutClosesThem() throws Exception {
    StaffBrowser tom = new StaffBrowser(port);
    assertThat(tom.get("/sessions").statusCode()).as("nobody logged in yet").isEqualTo(302);

    assertThat(tom.webappLogin("tom", "tasklist").statusCode()).isEqualTo(200);
    assertThat(tom.get("/sessions").statusCode()).as("no second login").isEqualTo(200);
    assertThat(tom.get("/analytics").statusCode()).as("team leads see the analytics").isEqualTo(200);
    assertThat(tom.get("/room/host/no-such-room").statusCode()).as("the host pages know him too")
        .isNotIn(302, 401, 403);

    assertThat(tom.webappLogout().statusCode()).isBetween(200, 299);
    assertThat(tom.get("/sessions").statusCode()).as("logged out everywhere").isEqualTo(302);
  }

  @Test
  void theStaffLoginOpensTasklistWithTheUsersGroups() throws Exception {
    StaffBrowser anna = new StaffBrowser(port);
    anna.login("anna");
    String me = anna.get("/camunda/api/admin/auth/user/default").body();
    assertThat(me).contains("\"userId\":\"anna\"", "tasklist").doesNotContain("cockpit");
    assertThat(anna.get("/analytics").statusCode()).as("an agent's groups came along").isEqualTo(403);

    anna.post("/sessions", "/room/logout", "");
    assertThat(anna.get("/camunda/api/admin/auth/user/default").statusCode()).as("logged out of Tasklist too")
        .isIn(401, 404);
  }
}
