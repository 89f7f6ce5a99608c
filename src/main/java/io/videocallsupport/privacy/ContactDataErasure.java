package io.videocallsupport.privacy;

import io.videocallsupport.system.RecordRows;
import io.videocallsupport.audit.AuditLog;
import io.videocallsupport.system.Timestamps;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a customer's email address and mobile number from everything that holds them once a
 * session is over: the session record, the outbox (recipient, bodies, calendar attachment with the
 * attendee address, provider errors), the ticket notes and stored webhooks that name them, and any
 * process variable or historic variable of that name (history is filtered from the start by
 * {@link ContactDataHistoryFilter}; this reaches what an older version left there). It runs when a
 * privacy erasure is confirmed and, for every finished session, when its contact data retention
 * ends ({@code vcs.retention.contact-data-days}).
 *
 * <p>Only finished sessions are erased: a running one still needs the address to reach the customer.
 */
@Service
public class ContactDataErasure {

  private static final RecordRows<Contact> CONTACT_ROWS = RecordRows.of(Contact.class);

  private static final Logger LOG = LoggerFactory.getLogger(ContactDataErasure.class);
  public static final String ERASED = "[erased]";
  private static final String FINISHED = "('NO_VIDEO', 'DECLINED', 'COMPLETED')";

  private record Contact(UUID id, String ticketId, String processInstanceId, String customerEmail,
                         String customerMobile) {
  }

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration retention;

  ContactDataErasure(JdbcClient jdbc, RuntimeService runtime, TaskService tasks, HistoryService history,
                     AuditLog audit, Clock clock,
                     @Value("${vcs.retention.contact-data-days:90}") int retentionDays) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.audit = audit;
    this.clock = clock;
    this.retention = Duration.ofDays(retentionDays);
  }

  /** Erases the contact data of the ticket's finished sessions; returns how many sessions held some. */
  @Transactional
  public int eraseForTicket(String ticketId, String actor, String reason) {
    List<Contact> held = jdbc.sql("SELECT id, ticket_id, process_instance_id, customer_email, customer_mobile "
            + "FROM video_session WHERE ticket_id = :ticketId AND state IN " + FINISHED)
        .param("ticketId", ticketId).query(CONTACT_ROWS).list();
    held.forEach(contact -> erase(contact, actor, reason));
    return held.size();
  }

  /** Retention: finished sessions not changed for {@code contact-data-days} lose their contact data. */
  @Scheduled(initialDelayString = "${vcs.retention.contact-data-check:PT1H}",
      fixedDelayString = "${vcs.retention.contact-data-check:PT1H}")
  @Transactional
  public int eraseExpired() {
    OffsetDateTime before = Timestamps.now(clock).minus(retention);
    List<Contact> expired = jdbc.sql("SELECT id, ticket_id, process_instance_id, customer_email, customer_mobile "
            + "FROM video_session WHERE state IN " + FINISHED + " AND updated_at < :before "
            + "AND (customer_email IS NOT NULL OR customer_mobile IS NOT NULL)")
        .param("before", before).query(CONTACT_ROWS).list();
    expired.forEach(contact -> erase(contact, "contact data retention", "retention of " + retention.toDays()
        + " days ended"));
    return expired.size();
  }

  private void erase(Contact contact, String actor, String reason) {
    Set<String> values = new LinkedHashSet<>();
    if (contact.customerEmail() != null && !contact.customerEmail().isBlank()) {
      values.add(contact.customerEmail());
      values.add(URLEncoder.encode(contact.customerEmail(), StandardCharsets.UTF_8));
    }
    if (contact.customerMobile() != null && !contact.customerMobile().isBlank()) {
      values.add(contact.customerMobile());
      values.add(URLEncoder.encode(contact.customerMobile(), StandardCharsets.UTF_8));
    }
    OffsetDateTime now = Timestamps.now(clock);
    jdbc.sql("UPDATE video_session SET customer_email = NULL, customer_mobile = NULL, updated_at = :now "
        + "WHERE id = :id").param("now", now).param("id", contact.id()).update();
    // the rows stay (idempotency keys, statuses and the timeline of what was sent), their content goes
    jdbc.sql("UPDATE outbox_message SET recipient = :erased, body_text = :erased, body_html = NULL, "
            + "attachments = NULL, last_error = NULL, updated_at = :now WHERE session_id = :id")
        .param("erased", ERASED).param("now", now).param("id", contact.id()).update();
    for (String value : values) {
      // notes and stored webhooks can name the address (a refusal, a provider's status callback)
      jdbc.sql("UPDATE ticket_note SET body = REPLACE(body, :value, :erased) "
              + "WHERE ticket_id = :ticketId AND POSITION(:value IN body) > 0")
          .param("value", value).param("erased", ERASED).param("ticketId", contact.ticketId()).update();
      jdbc.sql("UPDATE inbox_event SET payload = REPLACE(payload, :value, :erased), "
              + "last_note = REPLACE(last_note, :value, :erased) WHERE POSITION(:value IN payload) > 0 "
              + "OR POSITION(:value IN last_note) > 0")
          .param("value", value).param("erased", ERASED).update();
    }
    eraseFromProcess(contact.processInstanceId());
    audit.record(actor, "CONTACT_DATA_ERASED", "VIDEO_SESSION", contact.id().toString(), reason);
    LOG.info("Erased the contact data of session {} ({})", contact.id(), reason);
  }

  private void eraseFromProcess(String processInstanceId) {
    if (processInstanceId == null) {
      return;
    }
    String[] names = ContactDataHistoryFilter.CONTACT_VARIABLES.toArray(String[]::new);
    ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    if (running != null) {
      runtime.removeVariables(processInstanceId, List.of(names));
      tasks.createTaskQuery().processInstanceId(processInstanceId).list()
          .forEach(task -> tasks.removeVariablesLocal(task.getId(), List.of(names)));
    }
    history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableNameIn(names)
        .includeDeleted().list().stream().map(HistoricVariableInstance::getId)
        .forEach(history::deleteHistoricVariableInstance);
  }
}
