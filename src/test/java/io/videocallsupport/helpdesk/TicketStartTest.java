package io.videocallsupport.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.helpdesk.TicketStart.WebhookTicket;
import org.junit.jupiter.api.Test;

/** What a help desk's spelling of zones, languages, numbers and tags becomes on the session. */
class TicketStartTest {

  @Test
  void zonesInIanaOrRailsSpelling() {
    assertThat(TicketStart.zoneId("Europe/Berlin")).isEqualTo("Europe/Berlin");
    assertThat(TicketStart.zoneId("Berlin")).isEqualTo("Europe/Berlin");
    assertThat(TicketStart.zoneId("Pacific Time (US & Canada)")).isEqualTo("America/Los_Angeles");
    assertThat(TicketStart.zoneId("Buenos Aires")).isEqualTo("America/Buenos_Aires");
    assertThat(TicketStart.zoneId("Mumbai")).isEqualTo("Asia/Kolkata");
    assertThat(TicketStart.zoneId("Atlantis")).isNull();
    assertThat(TicketStart.zoneId(" ")).isNull();
  }

  @Test
  void languagesAndNumbers() {
    assertThat(TicketStart.locale("en-us")).isEqualTo("en-US");
    assertThat(TicketStart.locale("de")).isEqualTo("de");
    assertThat(TicketStart.locale("pt_BR")).isEqualTo("pt-BR");
    assertThat(TicketStart.locale("English")).isNull();
    assertThat(TicketStart.mobile("+1 (415) 555-0101")).isEqualTo("+14155550101");
    assertThat(TicketStart.mobile("")).isNull();
  }

  @Test
  void webhookBodyWithTagsAsTextOrList() throws Exception {
    ObjectMapper json = new ObjectMapper();
    WebhookTicket fromText = WebhookTicket.of(json.readTree(
        "{\"ticket_id\": \"35436\", \"tags\": \"vip  video-declined\", \"requester_email\": \" \"}")).orElseThrow();
    assertThat(fromText.tags()).containsExactly("vip", "video-declined");
    assertThat(fromText.requesterEmail()).as("a blank placeholder is missing, not an address").isNull();
    assertThat(WebhookTicket.of(json.readTree("{\"ticket_id\": 35436, \"tags\": [\"a\", \"b\"]}")).orElseThrow().tags())
        .containsExactly("a", "b");
    assertThat(WebhookTicket.of(json.readTree("{\"ticket_id\": \"\"}"))).isEmpty();
    assertThat(WebhookTicket.of(json.readTree("{\"ticket_id\": \"../admin\"}"))).isEmpty();
  }
}
