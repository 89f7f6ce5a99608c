package io.videocallsupport.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login form for agents who host a call on a page of the application (the built-in room, the
 * Twilio Video page). It checks the agent's Tasklist user and password; the same form posts here.
 */
@Controller
class AgentLoginPage {

  static final String PATH = "/room/login";

  @GetMapping(PATH)
  String login() {
    return "web/agent-login";
  }
}
