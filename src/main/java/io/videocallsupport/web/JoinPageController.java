package io.videocallsupport.web;

import io.videocallsupport.messaging.CustomerMessages;
import io.videocallsupport.room.RoomPlatform;
import io.videocallsupport.security.AgentDirectory;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.SessionVariables;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.twilio.TwilioVideoPlatform;
import io.videocallsupport.web.CustomerLinks.Visit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The join page behind the invitation's link: who calls and why, how long, "no install needed",
 * the recording notice, a device check, and the customer's choice: video, audio only, screen
 * share only, a phone call instead, or no call. The link is not single use: after a drop the
 * customer opens it again and is back in the same call.
 */
@Controller
class JoinPageController {

  static final int MAX_PHONE = 40;
  /** Platforms whose call runs on a page of this application, which starts in the chosen mode. */
  private static final Map<String, String> IN_APP_CALL_PAGES = Map.of(RoomPlatform.NAME, "/room",
      TwilioVideoPlatform.NAME, "/video");

  private final CustomerLinks links;
  private final JoinChoices choices;
  private final AgentDirectory agents;
  private final RuntimeService runtime;
  private final String companyName;

  JoinPageController(CustomerLinks links, JoinChoices choices, AgentDirectory agents, RuntimeService runtime,
                     @Value("${vcs.company-name:Example Support}") String companyName) {
    this.links = links;
    this.choices = choices;
    this.agents = agents;
    this.runtime = runtime;
    this.companyName = companyName;
  }

  @GetMapping("/join/{token}")
  String open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
    return links.open(request, response, CustomerPage.JOIN, token, model);
  }

  @GetMapping("/join")
  String page(HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<Visit> visit = links.current(request, response, CustomerPage.JOIN, model);
    if (visit.isEmpty() || visit.get().session() == null) {
      return visit.isEmpty() ? CustomerLinks.INVALID_VIEW
          : links.invalid(response, model, "unknown", HttpStatus.NOT_FOUND);
    }
    VideoSession session = visit.get().session();
    if (session.state() == SessionState.DECLINED) {
      return "redirect:/join/noted?choice=" + JoinChoice.DECLINE.name();
    }
    if (callOver(session)) {
      // Not the invitation with a notice under it: the call is over, and the page says so first.
      model.addAttribute("companyName", companyName);
      return links.callEnded(response, HttpStatus.OK);
    }
    describe(model, session);
    return "web/join";
  }

  @PostMapping("/join/choice")
  String choose(@RequestParam(required = false) String choice, @RequestParam(required = false) String phone,
                HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<Visit> visit = links.current(request, response, CustomerPage.JOIN, model);
    if (visit.isEmpty() || visit.get().session() == null) {
      return CustomerLinks.INVALID_VIEW;
    }
    VideoSession session = visit.get().session();
    if (callOver(session)) {
      return "redirect:/join"; // a page left open from before the end: nothing to choose any more
    }
    JoinChoice chosen = parse(choice);
    if (chosen == null || (phone != null && phone.length() > MAX_PHONE)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      describe(model, session);
      model.addAttribute("error", chosen == null ? "choice" : "phone");
      return "web/join";
    }
    choices.record(session.id(), chosen, chosen == JoinChoice.PHONE ? phone : null);
    if (!chosen.joinsTheCall()) {
      return "redirect:/join/noted?choice=" + chosen.name();
    }
    String callPage = IN_APP_CALL_PAGES.get(String.valueOf(session.platform()));
    if (callPage != null) {
      return "redirect:" + callPage + "?mode=" + chosen.roomMode();
    }
    if (session.customerJoinUrl() == null || callOver(session)) {
      return "redirect:/join";
    }
    return "redirect:" + session.customerJoinUrl();
  }

  @GetMapping("/join/noted")
  String noted(@RequestParam(defaultValue = "DECLINE") String choice, HttpServletRequest request,
               HttpServletResponse response, Model model) {
    Optional<Visit> visit = links.current(request, response, CustomerPage.JOIN, model);
    if (visit.isEmpty()) {
      return CustomerLinks.INVALID_VIEW;
    }
    model.addAttribute("choice", parse(choice) == JoinChoice.PHONE ? "PHONE" : "DECLINE");
    model.addAttribute("companyName", companyName);
    return "web/join-noted";
  }

  private void describe(Model model, VideoSession session) {
    Map<String, Object> variables = processVariables(session);
    model.addAttribute("customerName", session.customerName());
    model.addAttribute("agentName", agents.displayName(session.agentId()));
    model.addAttribute("companyName", companyName);
    model.addAttribute("ticketId", session.ticketId());
    model.addAttribute("ticketSubject", variables.get(SessionVariables.TICKET_SUBJECT.getName()));
    model.addAttribute("callMode", variables.getOrDefault(SessionVariables.CALL_MODE.getName(), "VIDEO"));
    model.addAttribute("expectedDurationMinutes", session.expectedDurationMin());
    model.addAttribute("customerPreparation", session.customerPreparation());
    model.addAttribute("scheduledStartText", session.scheduledStart() == null ? null
        : CustomerMessages.customerTime(session, session.scheduledStart()));
    model.addAttribute("callReady", session.customerJoinUrl() != null);
    model.addAttribute("hasMobile", session.hasMobile());
  }

  private Map<String, Object> processVariables(VideoSession session) {
    // A finished process has no runtime variables; asking anyway makes the engine log an ERROR.
    if (session.processInstanceId() == null || runtime.createProcessInstanceQuery()
        .processInstanceId(session.processInstanceId()).count() == 0) {
      return Map.of();
    }
    try {
      return runtime.getVariables(session.processInstanceId(),
          java.util.List.of(SessionVariables.TICKET_SUBJECT.getName(), SessionVariables.CALL_MODE.getName()));
    } catch (ProcessEngineException finished) {
      return Map.of();
    }
  }

  static boolean callOver(VideoSession session) {
    return session.callEndedAt() != null || session.state() == SessionState.CALL_ENDED
        || session.state() == SessionState.COMPLETED || session.state() == SessionState.DECLINED;
  }

  private static JoinChoice parse(String choice) {
    if (choice == null) {
      return null;
    }
    try {
      return JoinChoice.valueOf(choice);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
