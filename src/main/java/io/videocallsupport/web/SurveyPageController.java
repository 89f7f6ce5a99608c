package io.videocallsupport.web;

import io.videocallsupport.csat.Surveys;
import io.videocallsupport.token.TokenCheck;
import io.videocallsupport.web.CustomerLinks.Visit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The post-call survey: a score from 1 to 5, a comment and a complaint box, answered once. */
@Controller
class SurveyPageController {

  static final int MAX_COMMENT = Surveys.MAX_COMMENT_CHARS;

  private final CustomerLinks links;
  private final Surveys surveys;

  SurveyPageController(CustomerLinks links, Surveys surveys) {
    this.links = links;
    this.surveys = surveys;
  }

  @GetMapping("/survey/{token}")
  String open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
    return links.open(request, response, CustomerPage.SURVEY, token, model);
  }

  @GetMapping("/survey")
  String form(HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<Visit> visit = links.current(request, response, CustomerPage.SURVEY, model);
    if (visit.isEmpty()) {
      return CustomerLinks.INVALID_VIEW;
    }
    addNames(model, visit.get());
    return "web/survey";
  }

  @PostMapping("/survey")
  String answer(@RequestParam(required = false) Integer score, @RequestParam(required = false) String comment,
                @RequestParam(defaultValue = "false") boolean complaint, HttpServletRequest request,
                HttpServletResponse response, Model model) {
    Optional<Visit> visit = links.current(request, response, CustomerPage.SURVEY, model);
    if (visit.isEmpty()) {
      return CustomerLinks.INVALID_VIEW;
    }
    if (score == null || score < 1 || score > 5 || (comment != null && comment.length() > MAX_COMMENT)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      addNames(model, visit.get());
      model.addAttribute("error", score == null || score < 1 || score > 5 ? "score" : "comment");
      model.addAttribute("comment", comment);
      model.addAttribute("complaint", complaint);
      return "web/survey";
    }
    return switch (surveys.answer(visit.get().token(), new Surveys.Answer(score, comment, complaint))) {
      case ACCEPTED -> "redirect:/survey/thanks";
      case ALREADY_ANSWERED_OR_CLOSED -> links.invalid(response, model, "survey-answered", HttpStatus.GONE);
      case INVALID_LINK -> links.invalid(response, model, "expired", HttpStatus.GONE);
    };
  }

  @GetMapping("/survey/thanks")
  String thanks(HttpServletRequest request, HttpServletResponse response, Model model) {
    TokenCheck check = links.status(request, CustomerPage.SURVEY);
    if (check.status() == TokenCheck.Status.UNKNOWN) {
      return links.invalid(response, model, "unknown", HttpStatus.NOT_FOUND);
    }
    return "web/survey-thanks";
  }

  private static void addNames(Model model, Visit visit) {
    model.addAttribute("customerName", visit.session() == null ? null : visit.session().customerName());
    model.addAttribute("ticketId", visit.session() == null ? null : visit.session().ticketId());
  }
}
