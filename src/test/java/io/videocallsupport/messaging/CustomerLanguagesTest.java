package io.videocallsupport.messaging;

import static io.videocallsupport.session.VideoSupportSession.Elements.ASK_RECORDING_CONSENT;
import static io.videocallsupport.session.VideoSupportSession.Elements.OFFER_VIDEO_CALL;
import static io.videocallsupport.session.VideoSupportSession.Elements.PREPARE_SESSION;
import static io.videocallsupport.session.VideoSupportSession.Elements.WAIT_FOR_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.Sessions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A customer in each offered language gets that language end to end, with the real delegates: the
 * invitation, and the consent notice the agent reads out; a language that is not offered is refused
 * at the start.
 */
@H2SpringTest
class CustomerLanguagesTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Outbox outbox;
  @Autowired ObjectMapper json;

  ProcessDriver driver;

  @BeforeEach
  void driver() {
    driver = new ProcessDriver(engine);
  }

  @Test
  void aGermanCustomersConsentTaskCarriesTheGermanNoticeNextToTheAgentsEnglish() {
    Map<String, Object> notices = consentTaskNotices("de");

    assertThat((String) notices.get("consentNoticeCustomer"))
        .startsWith("Mit Ihrer Erlaubnis würden wir dieses Gespräch gern aufzeichnen.")
        .contains("höchstens 90 Tage", "\n\nSind Sie damit einverstanden, dass wir dieses Gespräch aufzeichnen?")
        .doesNotContain("record");
    assertThat((String) notices.get("consentNoticeAgent"))
        .startsWith("With your permission we would like to record this call.")
        .contains("at most 90 days").endsWith("Do you agree that we record this call?");
  }

  @Test
  void aFrenchCustomersConsentTaskCarriesTheFrenchNotice() {
    Map<String, Object> notices = consentTaskNotices("fr");

    assertThat((String) notices.get("consentNoticeCustomer"))
        .startsWith("Avec votre accord, nous aimerions enregistrer cet appel.")
        .contains("90 jours au maximum").endsWith("Acceptez-vous que nous enregistrions cet appel ?");
    assertThat((String) notices.get("consentNoticeAgent")).startsWith("With your permission");
  }

  @Test
  void anEnglishCustomersConsentTaskShowsTheNoticeOnce() {
    Map<String, Object> notices = consentTaskNotices("en");

    assertThat((String) notices.get("consentNoticeCustomer")).startsWith("With your permission");
    assertThat(notices).doesNotContainKey("consentNoticeAgent");
  }

  @Test
  void aSpanishCustomerIsInvitedInSpanishByEmailAndSms() {
    String pid = startAndOffer("es");
    driver.complete(pid, PREPARE_SESSION, prepareNow());

    List<OutboxMessage> invitation = outbox.forSession(sessionId(pid)).stream()
        .filter(m -> m.purpose() == MessagePurpose.INVITATION).toList();
    assertThat(invitation).filteredOn(m -> m.channel() == Channel.EMAIL).singleElement()
        .satisfies(m -> assertThat(m.subject()).startsWith("Invitación a una llamada de soporte en directo"))
        .satisfies(m -> assertThat(m.bodyText()).contains("Hola, Jo Doe:", "le invita a una breve videollamada"));
    assertThat(invitation).filteredOn(m -> m.channel() == Channel.SMS).singleElement()
        .satisfies(m -> assertThat(m.bodyText()).startsWith("Hola, Jo Doe: ").contains("le invita a una videollamada")
            .satisfies(body -> assertThat(SmsAlphabet.isGsm7(body)).as(body).isTrue()));
  }

  @Test
  void aStartInALanguageThatIsNotOfferedIsRefusedNamingTheOfferedOnes() throws Exception {
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    Map<String, Object> italian = request("it");

    ResponseEntity<String> refused = post(italian);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    JsonNode error = json.readTree(refused.getBody()).get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("customerLocale");
    assertThat(error.get("message").asText()).isEqualTo("is not an offered language; offered are en, de, fr, es");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);

    assertThat(post(request("fr")).getStatusCode().value()).isEqualTo(201);
    assertThat(post(request("es-MX")).getStatusCode().value()).as("a region of an offered language").isEqualTo(201);
  }

  // helpers

  private Map<String, Object> consentTaskNotices(String language) {
    String pid = startAndOffer(language);
    driver.complete(pid, PREPARE_SESSION, prepareNow());
    driver.complete(pid, WAIT_FOR_CUSTOMER, Map.of("customerPresence", "JOINED"));
    Task consent = driver.task(pid, ASK_RECORDING_CONSENT);
    Map<String, Object> local = engine.getTaskService().getVariablesLocal(consent.getId());
    assertThat(engine.getRuntimeService().getVariables(pid)).as("the notices stay on the task")
        .doesNotContainKeys("consentNoticeCustomer", "consentNoticeAgent");
    return local;
  }

  private String startAndOffer(String language) {
    Map<String, Object> form = Sessions.startForm("LANG-" + UUID.randomUUID().toString().substring(0, 8));
    form.put("customerLocale", language);
    String pid = Sessions.startAsAgent(engine, form);
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    return pid;
  }

  private static Map<String, Object> prepareNow() {
    return new HashMap<>(Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "customerPreparation", "Your router", "callMode", "VIDEO",
        "meetingLink", "https://meet.example.com/room-7", "agentDevicesChecked", true, "callNowOutsideHours", true));
  }

  private UUID sessionId(String pid) {
    return UUID.fromString((String) engine.getRuntimeService().getVariable(pid, "sessionId"));
  }

  private ResponseEntity<String> post(Map<String, Object> body) {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build()
        .post().uri("/api/sessions").headers(h -> h.setBasicAuth("anna", "demo"))
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
  }

  private static Map<String, Object> request(String language) {
    Map<String, Object> request = new HashMap<>();
    request.put("ticketId", "LANG-" + UUID.randomUUID().toString().substring(0, 8));
    request.put("ticketSubject", "Printer setup");
    request.put("customerName", "Jo Doe");
    request.put("customerEmail", "jo@example.com");
    request.put("customerTimeZone", "Europe/Paris");
    request.put("customerLocale", language);
    request.put("jurisdictionCountry", "FR");
    request.put("issueCategory", "VISUAL_DEBUGGING");
    return request;
  }
}
