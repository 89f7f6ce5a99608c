package io.videocallsupport.call;

import static io.videocallsupport.session.SessionVariables.CONSENT_NOTICE_VERSION;
import static io.videocallsupport.session.SessionVariables.RECORDING_CONSENT;
import static io.videocallsupport.session.SessionVariables.RETENTION_DAYS;
import static io.videocallsupport.session.SessionVariables.SESSION_ID;

import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.session.InvalidTaskInputException;
import io.videocallsupport.session.SessionService;
import java.util.UUID;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Ask for recording consent": shows the notice version the agent reads out, and records the
 * customer's answer (yes or no, when, which notice, asked by whom) in the session record, which
 * is what recording and retention later check.
 */
@Component
class RecordingConsentListener implements TaskListener {

  private final SessionService sessions;
  private final HelpDesk helpDesk;
  private final String noticeVersion;
  private final int maxRetentionDays;

  RecordingConsentListener(SessionService sessions, HelpDesk helpDesk,
                           @Value("${vcs.recording.consent-notice-version}") String noticeVersion,
                           @Value("${vcs.recording.max-retention-days:90}") int maxRetentionDays) {
    this.sessions = sessions;
    this.helpDesk = helpDesk;
    this.noticeVersion = noticeVersion;
    this.maxRetentionDays = maxRetentionDays;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      CONSENT_NOTICE_VERSION.on(task.getExecution()).set(noticeVersion);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    Boolean consent = RECORDING_CONSENT.from(task).getOrNull();
    if (consent == null) {
      throw new InvalidTaskInputException("Record whether the customer agrees to recording.");
    }
    int retentionDays = Math.min(RETENTION_DAYS.from(task).getOrDefault(maxRetentionDays), maxRetentionDays);
    UUID sessionId = UUID.fromString(SESSION_ID.from(task).get());
    String agent = completedBy(task);
    sessions.recordConsent(sessionId, consent, noticeVersion, agent, retentionDays);
    helpDesk.addNote(sessions.get(sessionId).ticketId(), sessionId, "consent:" + task.getId(), agent,
        "Recording consent: " + (consent ? "yes" : "no") + " (notice version " + noticeVersion + ").");
  }

  /** The agent who completes the task: its assignee, or else the authenticated user. */
  private static String completedBy(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null ? "unknown" : current.getUserId();
  }
}
