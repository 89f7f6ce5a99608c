package io.videocallsupport.csat;

import io.videocallsupport.messaging.CustomerMessages;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.system.Timestamps;
import io.videocallsupport.token.AccessToken;
import io.videocallsupport.token.AccessTokens;
import io.videocallsupport.token.TokenPurpose;
import io.videocallsupport.helpdesk.HelpDesk;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The post-call survey: one per session, sent by email with a single-use link, one reminder,
 * closed after a week. An answer reaches the csat-survey process as the SurveyAnswered message.
 */
@Service
@Transactional
public class Surveys {

  /** What the customer answered: a score from 1 to 5, an optional comment, and whether it is a complaint. */
  public record Answer(int score, String comment, boolean complaint) {
  }

  public enum AnswerResult { ACCEPTED, INVALID_LINK, ALREADY_ANSWERED_OR_CLOSED }

  /**
   * The longest comment a customer can give: it goes to the team lead's review as a process
   * variable (which holds 4,000 characters) and into {@code survey.comment_text VARCHAR(4000)}.
   */
  public static final int MAX_COMMENT_CHARS = 4000;

  private final JdbcClient jdbc;
  private final SessionService sessions;
  private final CustomerMessages messages;
  private final AccessTokens tokens;
  private final RuntimeService runtime;
  private final HelpDesk helpDesk;
  private final Clock clock;
  private final Duration linkValidity;

  Surveys(JdbcClient jdbc, SessionService sessions, CustomerMessages messages, AccessTokens tokens,
          HelpDesk helpDesk, RuntimeService runtime, Clock clock, @Value("${vcs.survey.link-valid-days:8}") int linkValidDays) {
    this.jdbc = jdbc;
    this.sessions = sessions;
    this.messages = messages;
    this.tokens = tokens;
    this.helpDesk = helpDesk;
    this.runtime = runtime;
    this.clock = clock;
    this.linkValidity = Duration.ofDays(linkValidDays);
  }

  public void send(UUID sessionId, String processInstanceId) {
    boolean known = jdbc.sql("SELECT COUNT(*) FROM survey WHERE session_id = :sessionId")
        .param("sessionId", sessionId).query(Integer.class).single() > 0;
    if (!known) {
      jdbc.sql("INSERT INTO survey (id, session_id, process_instance_id, state, created_at) "
              + "VALUES (:id, :sessionId, :pid, 'OPEN', :now)")
          .param("id", UUID.randomUUID()).param("sessionId", sessionId).param("pid", processInstanceId)
          .param("now", Timestamps.now(clock))
          .update();
    }
    email(sessionId, MessagePurpose.SURVEY);
    jdbc.sql("UPDATE survey SET sent_at = COALESCE(sent_at, :now) WHERE session_id = :sessionId")
        .param("now", Timestamps.now(clock)).param("sessionId", sessionId).update();
  }

  public void remind(UUID sessionId) {
    email(sessionId, MessagePurpose.SURVEY_REMINDER);
  }

  public void close(UUID sessionId) {
    tokens.expireAll(sessionId, TokenPurpose.SURVEY);
    jdbc.sql("UPDATE survey SET state = 'CLOSED', closed_at = :now WHERE session_id = :sessionId AND state = 'OPEN'")
        .param("now", Timestamps.now(clock)).param("sessionId", sessionId).update();
  }

  /** Takes the customer's answer once; a used, expired or unknown link changes nothing. */
  public AnswerResult answer(String token, Answer answer) {
    if (answer.score() < 1 || answer.score() > 5) {
      throw new IllegalArgumentException("The score must be between 1 and 5");
    }
    if (answer.comment() != null && answer.comment().length() > MAX_COMMENT_CHARS) {
      throw new IllegalArgumentException("The comment must have at most " + MAX_COMMENT_CHARS + " characters");
    }
    Optional<AccessToken> link = tokens.findUsable(token, TokenPurpose.SURVEY);
    if (link.isEmpty()) {
      return AnswerResult.INVALID_LINK;
    }
    UUID sessionId = link.get().sessionId();
    int updated = jdbc.sql("UPDATE survey SET state = 'ANSWERED', score = :score, comment_text = :comment, "
            + "complaint = :complaint, answered_at = :now WHERE session_id = :sessionId AND state = 'OPEN'")
        .param("score", answer.score()).param("comment", blankToNull(answer.comment()))
        .param("complaint", answer.complaint()).param("now", Timestamps.now(clock)).param("sessionId", sessionId)
        .update();
    if (updated == 0 || !tokens.markUsed(link.get().id())) {
      return AnswerResult.ALREADY_ANSWERED_OR_CLOSED;
    }
    tokens.expireAll(sessionId, TokenPurpose.SURVEY);
    String processInstanceId = jdbc.sql("SELECT process_instance_id FROM survey WHERE session_id = :sessionId")
        .param("sessionId", sessionId).query(String.class).single();
    runtime.createMessageCorrelation(CsatSurvey.Messages.SURVEY_ANSWERED)
        .processInstanceId(processInstanceId)
        .setVariable(CsatSurvey.Variables.CSAT_SCORE.getName(), answer.score())
        .setVariable(CsatSurvey.Variables.CSAT_COMMENT.getName(), blankToNull(answer.comment()))
        .setVariable(CsatSurvey.Variables.COMPLAINT.getName(), answer.complaint())
        .setVariable(CsatSurvey.Variables.COMMENT_GIVEN.getName(), blankToNull(answer.comment()) != null)
        .correlateWithResult();
    String comment = blankToNull(answer.comment());
    helpDesk.addNote(sessions.get(sessionId).ticketId(), sessionId, "csat", "customer (survey)",
        "CSAT: " + answer.score() + " of 5" + (answer.complaint() ? ", marked as a complaint" : "")
            + (comment == null ? "." : ". Comment: " + comment));
    return AnswerResult.ACCEPTED;
  }

  private void email(UUID sessionId, MessagePurpose purpose) {
    VideoSession session = sessions.get(sessionId);
    Map<String, Object> model = messages.model(session, null);
    model.put("surveyUrl", messages.link("survey", TokenPurpose.SURVEY, linkValidity));
    messages.email("survey:" + sessionId + ":" + purpose.template(), session, purpose, model);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
