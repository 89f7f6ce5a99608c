package io.videocallsupport.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.room.RoomPlatform;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class CallAccessTest {

  @Test
  void theSessionsAgentHostsOtherAgentsDoNotTeamLeadsAndAdminsAlways() {
    VideoSession annas = session("anna");
    assertThat(CallAccess.mayHost(annas, user("anna", "agents"))).isTrue();
    assertThat(CallAccess.mayHost(annas, user("ben", "agents"))).isFalse();
    assertThat(CallAccess.mayHost(annas, user("tom", "team-leads", "agents"))).isTrue();
    assertThat(CallAccess.mayHost(annas, user("admin", "camunda-admin"))).isTrue();
    assertThat(CallAccess.mayHost(annas, user("maria", "managers"))).as("managers only read").isFalse();
    assertThat(CallAccess.mayHost(session(null), user("ben", "agents"))).as("no agent yet").isTrue();
  }

  private static Authentication user(String name, String... groups) {
    return UsernamePasswordAuthenticationToken.authenticated(name, null,
        List.of(groups).stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList());
  }

  private static VideoSession session(String agentId) {
    OffsetDateTime now = OffsetDateTime.now();
    return new VideoSession(UUID.randomUUID(), "T-1", "pid", SessionState.IN_CALL, "Jo", null, null, "UTC", "en",
        "DE", null, "SETUP_CONFIGURATION", agentId, RoomPlatform.NAME, "room-1", null, null, null, 10, null, now,
        null, null, null, null, null, null, null, now, now);
  }
}
