package io.videocallsupport.call;

import static io.videocallsupport.session.SessionVariables.CONSENT_NOTICE_AGENT;
import static io.videocallsupport.session.SessionVariables.CONSENT_NOTICE_CUSTOMER;
import static io.videocallsupport.session.SessionVariables.RETENTION_DAYS;
import static io.videocallsupport.session.SessionVariables.SESSION_ID;

import io.videocallsupport.messaging.Languages;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Ask for recording consent", on create: puts the notice on the task in the customer's language,
 * for the agent to read out, and next to it in the agent's own language so that they know what
 * they are reading. Task-local, so each asking shows the current wording and nothing leaks into the
 * process; history keeps what was shown.
 */
@Component
class ConsentNoticeListener implements TaskListener {

  private final SessionRepository sessions;
  private final ConsentNotice notice;
  private final Languages languages;
  private final int maxRetentionDays;

  ConsentNoticeListener(SessionRepository sessions, ConsentNotice notice, Languages languages,
                        @Value("${vcs.recording.max-retention-days:90}") int maxRetentionDays) {
    this.sessions = sessions;
    this.notice = notice;
    this.languages = languages;
    this.maxRetentionDays = maxRetentionDays;
  }

  @Override
  public void notify(DelegateTask task) {
    // a task without its session record (a test or a migration starting the task directly) gets the
    // first offered language rather than failing to open
    Locale customer = languages.forCustomer(SESSION_ID.from(task).getOptional().map(UUID::fromString)
        .flatMap(sessions::findById).map(VideoSession::customerLocale).orElse(null));
    Locale agent = languages.agent();
    // the same bound RecordingConsentListener records with the consent
    int retentionDays = Math.min(RETENTION_DAYS.from(task).getOrDefault(maxRetentionDays), maxRetentionDays);
    CONSENT_NOTICE_CUSTOMER.on(task).setLocal(notice.text(customer, retentionDays));
    if (customer.getLanguage().equals(agent.getLanguage())) {
      task.removeVariableLocal(CONSENT_NOTICE_AGENT.getName());
    } else {
      CONSENT_NOTICE_AGENT.on(task).setLocal(notice.text(agent, retentionDays));
    }
  }
}
