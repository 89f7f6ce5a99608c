package io.videocallsupport.session;

import io.videocallsupport.analytics.AnalyticsService;
import io.videocallsupport.invitation.StaffJoinLinks;
import io.videocallsupport.security.AgentDirectory;
import io.videocallsupport.staff.StaffPage;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The staff's session search ({@code /sessions}) and one session's page with its timeline
 * ({@code /sessions/{id}}), finished sessions included. Agents find their own sessions and those of
 * no agent; team leads, managers and admins all.
 */
@Controller
@StaffPage
class SessionSearchPage {

  /** The most rows one search shows; narrower filters find the rest. */
  static final int MAX_RESULTS = 100;

  private final SessionRepository sessions;
  private final SessionApi api;
  private final AgentDirectory agents;
  private final StaffJoinLinks joinLinks;
  private final ZoneId zone;

  SessionSearchPage(SessionRepository sessions, SessionApi api, AgentDirectory agents, StaffJoinLinks joinLinks,
                    AnalyticsService analytics) {
    this.sessions = sessions;
    this.api = api;
    this.agents = agents;
    this.joinLinks = joinLinks;
    this.zone = analytics.settings().zone();
  }

  @GetMapping("/sessions")
  String search(@RequestParam(required = false) String ticket, @RequestParam(required = false) String customer,
                @RequestParam(required = false) String agent, @RequestParam(required = false) String state,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                Authentication user, Model model, HttpServletResponse response) {
    model.addAttribute("ticketParam", ticket == null ? "" : ticket);
    model.addAttribute("customerParam", customer == null ? "" : customer);
    model.addAttribute("agentParam", agent == null ? "" : agent);
    model.addAttribute("stateParam", state == null ? "" : state);
    model.addAttribute("fromParam", from == null ? "" : from);
    model.addAttribute("toParam", to == null ? "" : to);
    model.addAttribute("states", SessionState.values());
    model.addAttribute("agents", agents.sessionWorkers());
    model.addAttribute("zone", zone);
    try {
      SessionSearch query = SessionSearch.parse(ticket, customer, agent, state, from, to, zone);
      List<VideoSession> found = sessions.search(query, SessionVisibility.seesAll(user) ? null : user.getName(),
          MAX_RESULTS + 1);
      model.addAttribute("results", found.stream().limit(MAX_RESULTS).toList());
      model.addAttribute("more", found.size() > MAX_RESULTS);
    } catch (IllegalArgumentException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e.getMessage());
    }
    return "staff/sessions";
  }

  @GetMapping("/sessions/{id}")
  String session(@PathVariable UUID id, Authentication user, Model model) {
    VideoSession session = visibleSession(id, user);
    model.addAttribute("view", api.view(session));
    model.addAttribute("zone", zone);
    model.addAttribute("mayShowJoinLink", mayShowJoinLink(session, user));
    return "staff/session";
  }

  /**
   * A fresh join link for the customer, to copy or read out: for the session's agent, team leads
   * and admins (managers only watch), while the customer can still join.
   */
  @PostMapping("/sessions/{id}/join-link")
  String joinLink(@PathVariable UUID id, Authentication user, Model model) {
    VideoSession session = visibleSession(id, user);
    if (!mayShowJoinLink(session, user)) {
      throw new AccessDeniedException("No join link for session " + id);
    }
    model.addAttribute("joinLink", joinLinks.mint(session, user.getName()));
    return session(id, user, model);
  }

  private VideoSession visibleSession(UUID id, Authentication user) {
    // A page, not the API: an unknown id is the product's 404 page, not a problem document.
    VideoSession session = sessions.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!SessionVisibility.maySee(session, user)) {
      throw new AccessDeniedException("Session " + id + " belongs to another agent");
    }
    return session;
  }

  private static boolean mayShowJoinLink(VideoSession session, Authentication user) {
    boolean works = SessionVisibility.worksAll(user) || user.getName().equals(session.agentId());
    return works && session.state().isOpen() && session.callEndedAt() == null
        && session.state() != SessionState.REQUESTED;
  }
}
