package io.videocallsupport.support;

import io.videocallsupport.session.SessionValues.IssueCategory;
import io.videocallsupport.session.VideoSupportSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;

/** Starts sessions in tests the way an agent does from Tasklist's start form. */
public final class Sessions {

  /** A start form as an agent fills it in: a German customer with a setup question. */
  public static Map<String, Object> startForm(String ticketId) {
    Map<String, Object> form = new HashMap<>();
    form.put("ticketId", ticketId);
    form.put("ticketSubject", "Router setup for " + ticketId);
    form.put("customerName", "Jo Doe");
    form.put("customerEmail", "jo@example.com");
    form.put("customerMobile", "+4915112345678");
    form.put("customerTimeZone", "Europe/Berlin");
    form.put("customerLocale", "en");
    form.put("jurisdictionCountry", "DE");
    form.put("issueCategory", IssueCategory.SETUP_CONFIGURATION.name());
    form.put("textExchangeCount", 2);
    form.put("customerTier", "STANDARD");
    form.put("declinedVideoBefore", false);
    form.put("hasCamera", true);
    form.put("customerAskedForVideo", false);
    return form;
  }

  /**
   * Submits the start form as the agent {@code anna}, without a business key, as Tasklist's start
   * dialog does by default; returns the process instance id.
   */
  public static String startAsAgent(ProcessEngine engine, Map<String, Object> form) {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(VideoSupportSession.PROCESS_KEY).latestVersion().singleResult();
    engine.getIdentityService().setAuthentication("anna", List.of("agents"));
    try {
      return engine.getFormService().submitStartForm(definition.getId(), Variables.fromMap(form)).getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private Sessions() {
  }
}
