package io.videocallsupport.staff;

import io.videocallsupport.security.CamundaIdentityAuthenticationProvider;
import io.videocallsupport.security.Roles;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The navigation of every staff page ({@link StaffPage}): who is logged in and the places their
 * groups may open, so nobody is offered a link that ends in "access denied".
 */
@ControllerAdvice(annotations = StaffPage.class)
class StaffNavigation {

  /** A link of the navigation: its name (message key {@code page.nav.<key>}) and address. */
  public record Link(String key, String href) {
  }

  @ModelAttribute("staffUser")
  String user(Authentication user) {
    return user == null ? null : user.getName();
  }

  @ModelAttribute("staffLinks")
  List<Link> links(Authentication user) {
    return user == null ? List.of() : linksFor(CamundaIdentityAuthenticationProvider.groupsOf(user));
  }

  static List<Link> linksFor(List<String> groups) {
    boolean agent = groups.contains(Roles.AGENTS);
    boolean lead = groups.contains(Roles.TEAM_LEADS);
    boolean manager = groups.contains(Roles.MANAGERS);
    boolean admin = groups.contains(Roles.ADMINS);
    List<Link> links = new ArrayList<>();
    if (agent || lead || manager || admin) {
      links.add(new Link("tasklist", "/camunda/app/tasklist/"));
      links.add(new Link("sessions", "/sessions"));
    }
    if (lead || manager || admin) {
      links.add(new Link("analytics", "/analytics"));
      links.add(new Link("cockpit", "/camunda/app/cockpit/"));
    }
    if (admin) {
      links.add(new Link("admin", "/camunda/app/admin/"));
    }
    return links;
  }
}
