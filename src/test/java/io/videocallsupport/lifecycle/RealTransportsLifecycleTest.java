package io.videocallsupport.lifecycle;

import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.helpdesk.TicketNote;
import io.videocallsupport.inbox.Inbox;
import io.videocallsupport.inbox.InboxEvent;
import io.videocallsupport.inbox.InboxWorker;
import io.videocallsupport.messaging.Channel;
import io.videocallsupport.messaging.FailureReason;
import io.videocallsupport.messaging.LinkTokens;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.messaging.OutboxStatus;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.FakeTransports;
import io.videocallsupport.support.FakeTwilio;
import io.videocallsupport.support.MessagingTransportsTest;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.Sessions;
import io.videocallsupport.support.TwilioSignatures;
import io.videocallsupport.token.AccessTokens;
import io.videocallsupport.token.TokenPurpose;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The session lifecycle with the real transports: every invitation, reminder and link goes out
 * through the SMTP client to GreenMail and through the Twilio SDK to WireMock, and Twilio's status
 * callbacks come back over HTTP, signed. Nothing leaves loopback.
 */
@MessagingTransportsTest
class RealTransportsLifecycleTest {

  private static final String MEETING_LINK = "https://meet.example.com/room-77";
  /** Messages link the join page (public URL of the test profile), which leads on to the meeting. */
  private static final String JOIN_LINK = "http://localhost:8080/join/";
  /** The configured public URL (application-test.yaml): Twilio signs the URL it was given, not this server's port. */
  private static final String CALLBACK_URL = "http://localhost:8080/webhooks/twilio/sms-status";
  private static final AtomicInteger NUMBERS = new AtomicInteger(100);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired Outbox outbox;
  @Autowired Inbox inbox;
  @Autowired InboxWorker inboxWorker;
  @Autowired HelpDesk helpDesk;
  @Autowired ObjectMapper json;
  @Autowired AccessTokens tokens;

  ProcessDriver driver;
  RestClient http;
  FakeTwilio twilio = FakeTransports.twilio();

  @BeforeEach
  void setUp() {
    driver = new ProcessDriver(engine);
    http = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
        .build();
  }

  // --- invitation and status callbacks ----------------------------------------------------------

  @Test
  void invitationGoesOutByEmailAndSmsAndStatusCallbacksOnlyMoveItForward() throws Exception {
    Customer customer = customer("en");
    String pid = start(customer);
    prepareNow(pid);

    MimeMessage mail = single(mailsTo(customer.email()));
    assertThat(mail.getSubject()).startsWith("Invitation to a live support call (ticket T-");
    assertThat(text(mail)).contains("Hello Jo Doe").contains(JOIN_LINK).contains("No install needed");
    assertThat(html(mail)).contains("href=\"" + JOIN_LINK);
    assertThat(attachments(mail)).as("a call now has no calendar invitation").isEmpty();

    Map<String, String> sms = single(twilio.createRequests(customer.mobile()));
    assertThat(sms).containsEntry("From", FakeTwilio.FROM).containsEntry("StatusCallback", CALLBACK_URL);
    assertThat(sms.get("Body")).startsWith("Hi Jo Doe,").contains("invites you to a video call")
        .containsPattern("/join/[A-Za-z0-9_-]{43}$");
    // what the customer got opens the join page; what the outbox keeps and staff read does not
    String mailToken = joinToken(text(mail));
    String smsToken = joinToken(sms.get("Body"));
    assertThat(html(mail)).contains("/join/" + mailToken);
    assertThat(List.of(mailToken, smsToken)).allSatisfy(token ->
        assertThat(tokens.check(token, TokenPurpose.JOIN).usable()).isTrue());
    assertThat(outbox.forSession(sessionOf(pid).id())).allSatisfy(stored ->
        assertThat(stored.bodyText() + stored.bodyHtml()).doesNotContain(mailToken).doesNotContain(smsToken));

    OutboxMessage invitation = sms(pid, MessagePurpose.INVITATION);
    assertThat(invitation.provider()).isEqualTo("twilio");
    assertThat(invitation.status()).isEqualTo(OutboxStatus.QUEUED);
    String sid = invitation.providerMessageId();
    assertThat(sid).startsWith("SM");
    assertThat(email(pid, MessagePurpose.INVITATION).providerMessageId()).isEqualTo(mail.getMessageID());

    assertThat(callback(sid, "sent", customer.mobile())).isEqualTo(204);
    assertThat(statusOf(invitation)).isEqualTo(OutboxStatus.SENT);
    assertThat(callback(sid, "delivered", customer.mobile())).isEqualTo(204);
    assertThat(statusOf(invitation)).isEqualTo(OutboxStatus.DELIVERED);

    // Twilio repeats itself: the same callback again is answered and stored once
    assertThat(callback(sid, "delivered", customer.mobile())).isEqualTo(204);
    assertThat(inboxEvents(sid)).extracting(InboxEvent::dedupeKey).containsExactly(sid + ":sent", sid + ":delivered");

    JsonNode view = json.readTree(get("anna", "/api/sessions/" + sessionOf(pid).id()).getBody());
    JsonNode shown = find(view.get("messages"), invitation.id());
    assertThat(shown.get("status").asText()).isEqualTo("DELIVERED");
    assertThat(shown.get("providerMessageId").asText()).isEqualTo(sid);
    assertThat(shown.get("text").asText()).endsWith("/join/" + LinkTokens.REDACTED);
    driver.task(pid, WAIT_FOR_CUSTOMER);
  }

  @Test
  void callbacksOutOfOrderNeverMoveTheStatusBack() {
    Customer customer = customer("en");
    String pid = start(customer);
    prepareNow(pid);
    OutboxMessage invitation = sms(pid, MessagePurpose.INVITATION);
    String sid = invitation.providerMessageId();

    assertThat(callback(sid, "delivered", customer.mobile())).isEqualTo(204);
    assertThat(callback(sid, "sent", customer.mobile())).isEqualTo(204);
    assertThat(callback(sid, "queued", customer.mobile())).isEqualTo(204);
    inboxWorker.processDue();

    assertThat(statusOf(invitation)).isEqualTo(OutboxStatus.DELIVERED);
    assertThat(inboxEvents(sid)).extracting(InboxEvent::status)
        .containsExactly(InboxEvent.InboxStatus.DONE, InboxEvent.InboxStatus.IGNORED, InboxEvent.InboxStatus.IGNORED);
  }

  @Test
  void aCallbackWithABadOrMissingSignatureIsRefusedAndChangesNothing() {
    Customer customer = customer("en");
    String pid = start(customer);
    prepareNow(pid);
    OutboxMessage invitation = sms(pid, MessagePurpose.INVITATION);
    String sid = invitation.providerMessageId();
    Map<String, String> fields = callbackFields(sid, "failed", customer.mobile());
    fields.put("ErrorCode", "30003");

    String signedForOtherFields = TwilioSignatures.sign(FakeTwilio.AUTH_TOKEN, CALLBACK_URL,
        callbackFields(sid, "delivered", customer.mobile()));
    assertThat(post(fields, signedForOtherFields)).isEqualTo(403);
    assertThat(post(fields, TwilioSignatures.sign("another-accounts-token", CALLBACK_URL, fields))).isEqualTo(403);
    assertThat(post(fields, TwilioSignatures.sign(FakeTwilio.AUTH_TOKEN, "http://localhost:" + port
        + "/webhooks/twilio/sms-status", fields))).as("signed for another URL").isEqualTo(403);
    assertThat(post(fields, null)).isEqualTo(403);
    inboxWorker.processDue();

    assertThat(inboxEvents(sid)).isEmpty();
    assertThat(statusOf(invitation)).isEqualTo(OutboxStatus.QUEUED);
  }

  @Test
  void anUndeliveredSmsIsMarkedFailedWithTwilioErrorCode() {
    Customer customer = customer("en");
    String pid = start(customer);
    prepareNow(pid);
    OutboxMessage invitation = sms(pid, MessagePurpose.INVITATION);
    Map<String, String> fields = callbackFields(invitation.providerMessageId(), "undelivered", customer.mobile());
    fields.put("ErrorCode", "30003");

    assertThat(post(fields, TwilioSignatures.sign(FakeTwilio.AUTH_TOKEN, CALLBACK_URL, fields))).isEqualTo(204);
    inboxWorker.processDue();

    OutboxMessage failed = outbox.find(invitation.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(failed.failureReason()).isEqualTo(FailureReason.UNDELIVERED);
    assertThat(failed.lastError()).contains("undelivered").contains("30003");
  }

  // --- permanent refusals -----------------------------------------------------------------------

  @Test
  void anInvalidNumberIsNotRetriedTheAgentFixesItAndOnlyTheSmsFollows() {
    Customer customer = customer("en");
    twilio.refuse(customer.mobile(), 400, 21211, "The 'To' number " + customer.mobile() + " is not a valid phone number.");
    String pid = start(customer);
    prepareNow(pid);

    OutboxMessage refused = sms(pid, MessagePurpose.INVITATION);
    assertThat(refused.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(refused.failureReason()).isEqualTo(FailureReason.INVALID_NUMBER);
    assertThat(refused.lastError()).contains("21211");
    assertThat(refused.attempts()).isOne();
    assertThat(twilio.createRequests(customer.mobile())).hasSize(1);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pid).withException().count())
        .as("no job failed: nothing is retried").isZero();
    assertThat(mailsTo(customer.email())).as("the email went out").hasSize(1);
    var fix = driver.task(pid, FIX_CONTACT_DETAILS);
    assertThat(engine.getTaskService().getVariablesLocal(fix.getId()))
        .containsEntry("customerMobile", customer.mobile());
    assertThat(engine.getRuntimeService().getVariable(pid, "contactProblem").toString())
        .contains("refused the mobile number '" + customer.mobile() + "'")
        .contains("invitation email has been sent");

    String corrected = nextMobile();
    driver.complete(pid, FIX_CONTACT_DETAILS, Map.of("customerEmail", customer.email(), "customerMobile", corrected));

    assertThat(twilio.created(corrected)).isOne();
    assertThat(twilio.createRequests(customer.mobile())).as("the refused number is not tried again").hasSize(1);
    assertThat(mailsTo(customer.email())).as("the email is not sent twice").hasSize(1);
    assertThat(messages(pid, MessagePurpose.INVITATION)).extracting(OutboxMessage::channel, OutboxMessage::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, OutboxStatus.SENT),
            org.assertj.core.groups.Tuple.tuple(Channel.SMS, OutboxStatus.FAILED),
            org.assertj.core.groups.Tuple.tuple(Channel.SMS, OutboxStatus.QUEUED));
    assertThat(sessionOf(pid).state()).isEqualTo(SessionState.INVITED);
    driver.task(pid, WAIT_FOR_CUSTOMER);
  }

  @Test
  void anOptedOutNumberFallsBackToEmailWithANoteOnTheTicket() throws Exception {
    Customer customer = customer("en");
    twilio.refuse(customer.mobile(), 400, 21610, "Attempt to send to unsubscribed recipient");
    String pid = start(customer);
    prepareNow(pid);

    OutboxMessage refused = sms(pid, MessagePurpose.INVITATION);
    assertThat(refused.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(refused.failureReason()).isEqualTo(FailureReason.OPTED_OUT);
    assertThat(helpDesk.notes(customer.ticket())).extracting(TicketNote::body)
        .anySatisfy(note -> assertThat(note).contains("opted out").contains("invited by email only"));
    assertThat(sessionOf(pid).state()).isEqualTo(SessionState.INVITED);
    assertThat(mailsTo(customer.email())).hasSize(1);
    driver.task(pid, WAIT_FOR_CUSTOMER);

    driver.fireTimer(pid, NO_SHOW_TIMEOUT);

    assertThat(messages(pid, MessagePurpose.JOIN_LINK_RESENT)).singleElement()
        .satisfies(m -> assertThat(m.channel()).isEqualTo(Channel.EMAIL));
    assertThat(twilio.createRequests(customer.mobile())).as("no second text after STOP").hasSize(1);
    assertThat(mailsTo(customer.email())).hasSize(2);
    assertThat(text(mailsTo(customer.email()).get(1))).contains(JOIN_LINK);
  }

  // --- transient failures -----------------------------------------------------------------------

  @Test
  void aServerErrorThenSuccessCreatesExactlyOneMessage() {
    Customer customer = customer("en");
    twilio.failOnce(customer.mobile(), 500);
    String pid = start(customer);

    assertThatThrownBy(() -> prepareNow(pid)).hasMessageContaining("500");

    Job job = invitationJob(pid);
    assertThat(job.getRetries()).as("one failure: five retries of the cycle left").isEqualTo(5);
    assertThat(job.getExceptionMessage()).contains("Twilio answered 500");
    assertThat(twilio.createRequests(customer.mobile())).as("the SDK did not repeat the POST").hasSize(1);
    OutboxMessage pending = sms(pid, MessagePurpose.INVITATION);
    assertThat(pending.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(pending.lastError()).contains("500");

    engine.getManagementService().executeJob(job.getId());

    assertThat(twilio.lookups(customer.mobile())).as("checked with Twilio before sending again").isOne();
    assertThat(twilio.createRequests(customer.mobile())).hasSize(2);
    assertThat(twilio.created(customer.mobile())).isOne();
    assertThat(sms(pid, MessagePurpose.INVITATION).status()).isEqualTo(OutboxStatus.QUEUED);
    assertThat(sms(pid, MessagePurpose.INVITATION).attempts()).isEqualTo(2);
    assertThat(mailsTo(customer.email())).as("the email went out before and is not sent again").hasSize(1);
    driver.runDueJobs();
    driver.task(pid, WAIT_FOR_CUSTOMER);
  }

  @Test
  void aServerErrorAfterTwilioCreatedTheMessageIsNotSentAgain() {
    Customer customer = customer("en");
    twilio.failOnce(customer.mobile(), 503);
    String pid = start(customer);
    assertThatThrownBy(() -> prepareNow(pid)).hasMessageContaining("503");
    // Twilio had created the message after all; its list shows it
    twilio.lists(customer.mobile(), "SM0000000000000000000000000000beef", sms(pid, MessagePurpose.INVITATION).bodyText());

    engine.getManagementService().executeJob(invitationJob(pid).getId());

    assertThat(twilio.createRequests(customer.mobile())).hasSize(1);
    OutboxMessage found = sms(pid, MessagePurpose.INVITATION);
    assertThat(found.providerMessageId()).isEqualTo("SM0000000000000000000000000000beef");
    assertThat(found.status()).isEqualTo(OutboxStatus.SENT);
  }

  @Test
  void smtpDownThenUpSendsTheInvitationOnce() {
    Customer customer = customer("en");
    String pid = start(customer);
    FakeTransports.stopMail();
    try {
      assertThatThrownBy(() -> prepareNow(pid)).hasMessageContaining("mail server");
      Job job = invitationJob(pid);
      assertThat(job.getRetries()).as("retried on the job's cycle").isEqualTo(5);
      assertThat(email(pid, MessagePurpose.INVITATION).status()).isEqualTo(OutboxStatus.PENDING);
      assertThat(twilio.createRequests(customer.mobile())).as("nothing else went out yet").isEmpty();
    } finally {
      FakeTransports.startMail();
    }

    engine.getManagementService().executeJob(invitationJob(pid).getId());

    assertThat(mailsTo(customer.email())).hasSize(1);
    assertThat(email(pid, MessagePurpose.INVITATION).status()).isEqualTo(OutboxStatus.SENT);
    assertThat(email(pid, MessagePurpose.INVITATION).attempts()).isEqualTo(2);
    assertThat(twilio.created(customer.mobile())).isOne();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pid).count()).isZero();
  }

  // --- scheduled calls: calendar invitation, reminder, German ------------------------------------

  @Test
  void aScheduledCallIsInvitedInGermanWithACalendarEventInTheCustomersZoneAndReminded() throws Exception {
    Customer customer = customer("de");
    Map<String, Object> form = customer.form();
    form.put("customerTimeZone", "America/New_York");
    String pid = Sessions.startAsAgent(engine, form);
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    LocalDate day = nextBusinessDay(ZoneId.of("America/New_York"));
    driver.complete(pid, PREPARE_SESSION, prepare("SCHEDULED", LocalDateTime.of(day, LocalTime.of(10, 0)).toString()));

    MimeMessage mail = single(mailsTo(customer.email()));
    assertThat(mail.getSubject()).startsWith("Einladung zu einem Live-Support-Gespräch (Ticket T-");
    assertThat(text(mail)).contains("Guten Tag Jo Doe").contains("America/New_York").contains(JOIN_LINK);
    BodyPart ics = single(attachments(mail));
    assertThat(ics.getFileName()).isEqualTo("invite.ics");
    assertThat(ics.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
    String calendar = content(ics).replace("\r\n ", "");
    String date = day.format(DateTimeFormatter.BASIC_ISO_DATE);
    assertThat(calendar).contains("BEGIN:VTIMEZONE", "TZID:America/New_York")
        .contains("DTSTART;TZID=America/New_York:" + date + "T100000")
        .contains("DTEND;TZID=America/New_York:" + date + "T101000")
        .contains("UID:video-session-" + sessionOf(pid).id())
        .contains("SEQUENCE:0")
        .contains("Support-Gespräch")
        .as("the calendar's link is the email's, with the token minted for it")
        .contains("/join/" + joinToken(text(mail)));

    Map<String, String> invitationSms = single(twilio.createRequests(customer.mobile()));
    assertThat(invitationSms.get("Body")).startsWith("Hallo Jo Doe,").contains("lädt Sie zu einem Videoanruf");

    driver.fireTimer(pid, REMINDER_DUE);

    List<Map<String, String>> texts = twilio.createRequests(customer.mobile());
    assertThat(texts).hasSize(2);
    assertThat(texts.get(1).get("Body")).contains("beginnt in 15 Minuten").contains(JOIN_LINK);
    assertThat(sms(pid, MessagePurpose.REMINDER).status()).isEqualTo(OutboxStatus.QUEUED);
  }

  // --- re-send --------------------------------------------------------------------------------

  @Test
  void anAgentResendsAMessageWithTheSameContent() throws Exception {
    Customer customer = customer("en");
    String pid = start(customer);
    LocalDate day = nextBusinessDay(ZoneId.of("Europe/Berlin"));
    driver.complete(pid, PREPARE_SESSION, prepare("SCHEDULED", LocalDateTime.of(day, LocalTime.of(11, 0)).toString()));
    UUID sessionId = sessionOf(pid).id();
    OutboxMessage sms = sms(pid, MessagePurpose.INVITATION);
    OutboxMessage email = email(pid, MessagePurpose.INVITATION);

    ResponseEntity<String> resent = resend("anna", sessionId, sms.id());

    assertThat(resent.getStatusCode().value()).isEqualTo(201);
    JsonNode body = json.readTree(resent.getBody());
    assertThat(body.get("status").asText()).isEqualTo("QUEUED");
    assertThat(body.get("providerMessageId").asText()).isNotEqualTo(sms.providerMessageId());
    List<Map<String, String>> texts = twilio.createRequests(customer.mobile());
    assertThat(texts).hasSize(2);
    assertThat(LinkTokens.sameButTokens(texts.get(1).get("Body"), texts.get(0).get("Body")))
        .as("the same message, with a fresh token in its link").isTrue();
    assertThat(joinToken(texts.get(1).get("Body"))).isNotEqualTo(joinToken(texts.get(0).get("Body")));
    assertThat(tokens.check(joinToken(texts.get(1).get("Body")), TokenPurpose.JOIN).usable()).isTrue();
    assertThat(outbox.find(UUID.fromString(body.get("id").asText())).orElseThrow().idempotencyKey())
        .isEqualTo(sms.idempotencyKey() + ":resend:1");

    assertThat(resend("tom", sessionId, email.id()).getStatusCode().value()).as("a team lead").isEqualTo(201);
    List<MimeMessage> mails = mailsTo(customer.email());
    assertThat(mails).hasSize(2);
    assertThat(mails.get(1).getSubject()).isEqualTo(mails.get(0).getSubject());
    assertThat(single(attachments(mails.get(1))).getFileName()).as("with its calendar invitation").isEqualTo("invite.ics");
    assertThat(outbox.forSession(sessionId)).extracting(OutboxMessage::idempotencyKey)
        .contains(email.idempotencyKey() + ":resend:1");

    assertThat(resend("anna", sessionId, sms.id()).getStatusCode().value()).isEqualTo(201);
    assertThat(outbox.forSession(sessionId)).extracting(OutboxMessage::idempotencyKey)
        .contains(sms.idempotencyKey() + ":resend:2");
    assertThat(resend("maria", sessionId, sms.id()).getStatusCode().value()).as("managers only read").isEqualTo(403);
    assertThat(resend("anna", sessionId, UUID.randomUUID()).getStatusCode().value()).isEqualTo(404);
    assertThat(twilio.createRequests(customer.mobile())).hasSize(3);
  }

  // --- helpers ------------------------------------------------------------------------------

  private record Customer(String ticket, String email, String mobile, String locale) {
    Map<String, Object> form() {
      Map<String, Object> form = Sessions.startForm(ticket);
      form.put("customerEmail", email);
      form.put("customerMobile", mobile);
      form.put("customerLocale", locale);
      return form;
    }
  }

  private static Customer customer(String locale) {
    String ticket = "T-" + UUID.randomUUID().toString().substring(0, 8);
    return new Customer(ticket, "jo@" + ticket.toLowerCase() + ".example.com", nextMobile(), locale);
  }

  /** German mobile numbers that libphonenumber accepts, one per test so the fake's rules never mix. */
  private static String nextMobile() {
    return "+49151123" + String.format("%05d", NUMBERS.incrementAndGet());
  }

  private String start(Customer customer) {
    String pid = Sessions.startAsAgent(engine, customer.form());
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    return pid;
  }

  private void prepareNow(String pid) {
    driver.complete(pid, PREPARE_SESSION, prepare("NOW", null));
  }

  private static Map<String, Object> prepare(String timing, String scheduledStart) {
    Map<String, Object> form = new HashMap<>(Map.of("callTiming", timing, "expectedDurationMinutes", 10,
        "customerPreparation", "Your router and its admin password", "callMode", "VIDEO",
        "meetingLink", MEETING_LINK, "agentDevicesChecked", true, "callNowOutsideHours", true));
    if (scheduledStart != null) {
      form.put("scheduledStart", scheduledStart);
    }
    return form;
  }

  private Job invitationJob(String pid) {
    return engine.getManagementService().createJobQuery().processInstanceId(pid).activityId(SEND_INVITATION)
        .singleResult();
  }

  private VideoSession sessionOf(String pid) {
    UUID id = UUID.fromString((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pid).variableName("sessionId").singleResult().getValue());
    return sessions.findById(id).orElseThrow();
  }

  private List<OutboxMessage> messages(String pid, MessagePurpose purpose) {
    return outbox.forSession(sessionOf(pid).id()).stream().filter(m -> m.purpose() == purpose).toList();
  }

  private OutboxMessage sms(String pid, MessagePurpose purpose) {
    return single(messages(pid, purpose).stream().filter(m -> m.channel() == Channel.SMS).toList());
  }

  private OutboxMessage email(String pid, MessagePurpose purpose) {
    return single(messages(pid, purpose).stream().filter(m -> m.channel() == Channel.EMAIL).toList());
  }

  private OutboxStatus statusOf(OutboxMessage message) {
    inboxWorker.processDue();
    return outbox.find(message.id()).orElseThrow().status();
  }

  private List<InboxEvent> inboxEvents(String sid) {
    return inbox.bySource("twilio-sms").stream().filter(e -> e.dedupeKey().startsWith(sid + ":")).toList();
  }

  private static Map<String, String> callbackFields(String sid, String status, String to) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("AccountSid", FakeTwilio.ACCOUNT_SID);
    fields.put("ApiVersion", "2010-04-01");
    fields.put("From", FakeTwilio.FROM);
    fields.put("MessageSid", sid);
    fields.put("MessageStatus", status);
    fields.put("SmsSid", sid);
    fields.put("SmsStatus", status);
    fields.put("To", to);
    return fields;
  }

  /** Posts a status callback signed as Twilio signs it; returns the HTTP status. */
  private int callback(String sid, String status, String to) {
    Map<String, String> fields = callbackFields(sid, status, to);
    return post(fields, TwilioSignatures.sign(FakeTwilio.AUTH_TOKEN, CALLBACK_URL, fields));
  }

  private int post(Map<String, String> fields, String signature) {
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    return http.post().uri("/webhooks/twilio/sms-status").contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .headers(h -> {
          if (signature != null) {
            h.set("X-Twilio-Signature", signature);
          }
        })
        .body(form).retrieve().toBodilessEntity().getStatusCode().value();
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.get().uri(path).headers(h -> h.setBasicAuth(user, "demo")).retrieve().toEntity(String.class);
  }

  private ResponseEntity<String> resend(String user, UUID sessionId, UUID messageId) {
    return http.post().uri("/api/sessions/{session}/messages/{message}/resend", sessionId, messageId)
        .headers(h -> h.setBasicAuth(user, "demo")).retrieve().toEntity(String.class);
  }

  private static JsonNode find(JsonNode messages, UUID id) {
    for (JsonNode message : messages) {
      if (message.get("id").asText().equals(id.toString())) {
        return message;
      }
    }
    throw new AssertionError("message " + id + " not shown in " + messages);
  }

  private static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(FakeTransports.mail().getReceivedMessages())
        .filter(m -> {
          try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
          } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  private static String text(MimeMessage mail) throws Exception {
    return content(alternative(mail).getBodyPart(0));
  }

  private static String html(MimeMessage mail) throws Exception {
    return content(alternative(mail).getBodyPart(1));
  }

  /** A part's text as the customer's mail program shows it (transfer encoding undone). */
  private static String content(BodyPart part) throws Exception {
    Object content = part.getContent();
    return content instanceof String text ? text
        : new String(((java.io.InputStream) content).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Multipart alternative(MimeMessage mail) throws Exception {
    return (Multipart) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
  }

  private static List<BodyPart> attachments(MimeMessage mail) throws Exception {
    Multipart mixed = (Multipart) mail.getContent();
    List<BodyPart> parts = new java.util.ArrayList<>();
    for (int i = 1; i < mixed.getCount(); i++) {
      parts.add(mixed.getBodyPart(i));
    }
    return parts;
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private static LocalDate nextBusinessDay(ZoneId zone) {
    LocalDate day = LocalDate.now(zone).plusDays(2);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static String joinToken(String text) {
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("/join/([A-Za-z0-9_-]{43})").matcher(text);
    assertThat(matcher.find()).as("a join link in %s", text).isTrue();
    assertThat(matcher.group(1)).doesNotStartWith("vcs-link");
    return matcher.group(1);
  }
}
