package io.videocallsupport.session;

import io.videocallsupport.security.CamundaIdentityAuthenticationProvider;
import io.videocallsupport.security.Roles;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Who sees which session in the application's API and pages: agents their own sessions and those
 * of no agent; team leads, managers and admins all of them.
 */
final class SessionVisibility {

  private SessionVisibility() {
  }

  static boolean seesAll(Authentication user) {
    List<String> groups = CamundaIdentityAuthenticationProvider.groupsOf(user);
    return groups.contains(Roles.TEAM_LEADS) || groups.contains(Roles.MANAGERS) || groups.contains(Roles.ADMINS);
  }

  /** Team leads and admins work every session; managers only watch. */
  static boolean worksAll(Authentication user) {
    List<String> groups = CamundaIdentityAuthenticationProvider.groupsOf(user);
    return groups.contains(Roles.TEAM_LEADS) || groups.contains(Roles.ADMINS);
  }

  static boolean maySee(VideoSession session, Authentication user) {
    return seesAll(user) || session.agentId() == null || session.agentId().equals(user.getName());
  }
}
