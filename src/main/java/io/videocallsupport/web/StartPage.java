package io.videocallsupport.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The product's start page at {@code /}: its name and, per role, the pages that role may use
 * (Tasklist, Cockpit, analytics, Admin). It replaces Camunda's redirect of {@code /} to its bare
 * welcome page ({@code camunda.bpm.webapp.index-redirect-enabled: false}); {@code /camunda/} still
 * leads into the webapps as before.
 */
@Controller
class StartPage {

  @GetMapping("/")
  String start() {
    return "web/start";
  }
}
