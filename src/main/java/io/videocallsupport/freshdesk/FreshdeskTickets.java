package io.videocallsupport.freshdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.videocallsupport.helpdesk.HelpDeskHttp;
import io.videocallsupport.helpdesk.HelpDeskProperties;
import io.videocallsupport.helpdesk.HelpDeskUnavailableException;
import io.videocallsupport.helpdesk.RequestBudget;
import io.videocallsupport.helpdesk.TicketFacts;
import io.videocallsupport.helpdesk.TicketStatus;
import io.videocallsupport.helpdesk.TicketSystem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Freshdesk's REST API (v2) with an API key (Basic {@code key:X}): private notes, the ticket's
 * status and tags (Freshdesk replaces the tag list, so the current tags are read first), and the
 * ticket with its requester (contact) and company.
 */
@Component
@ConditionalOnProperty(name = "vcs.helpdesk.adapter", havingValue = FreshdeskTickets.NAME)
public class FreshdeskTickets implements TicketSystem {

  public static final String NAME = "freshdesk";
  private static final int PAGE_SIZE = 100;

  private final RestClient api;
  private final HelpDeskHttp http;
  private final Map<String, Integer> statuses;
  private final String tierField;

  FreshdeskTickets(FreshdeskProperties properties, HelpDeskProperties helpDesk, Clock clock) {
    String url = HelpDeskHttp.required(properties.url(),
        "HELPDESK=freshdesk needs FRESHDESK_URL (https://<domain>.freshdesk.com)");
    String apiKey = HelpDeskHttp.required(properties.apiKey(), "HELPDESK=freshdesk needs FRESHDESK_API_KEY");
    String basic = Base64.getEncoder().encodeToString((apiKey + ":X").getBytes(StandardCharsets.UTF_8));
    this.api = HelpDeskHttp.apiV2(url, "Basic " + basic, properties.connectTimeout(), properties.readTimeout());
    this.http = new HelpDeskHttp("Freshdesk", new RequestBudget(properties.requestsPerMinute(), clock), clock);
    this.statuses = properties.statuses();
    this.tierField = helpDesk.tierField();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String addPrivateNote(String ticketId, String text) {
    // Freshdesk's note body is HTML: our text (which may quote the customer) is escaped, never markup.
    String html = HtmlUtils.htmlEscape(text).replace("\n", "<br>");
    JsonNode note = http.call("a private note on ticket " + ticketId, () -> api.post()
        .uri("/tickets/{id}/notes", ticketId).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("body", html, "private", true))
        .retrieve().body(JsonNode.class));
    if (!note.has("id")) {
      throw new HelpDeskUnavailableException("Freshdesk's answer to a note on ticket " + ticketId + " has no id");
    }
    return note.path("id").asText();
  }

  @Override
  public boolean hasNoteContaining(String ticketId, String text) {
    for (JsonNode conversation : conversations(ticketId, Integer.MAX_VALUE)) {
      if (conversation.path("body_text").asText("").contains(text)
          || HtmlUtils.htmlUnescape(conversation.path("body").asText("")).contains(text)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<String> statusFor(TicketStatus status) {
    return Optional.ofNullable(statuses.get(status.name())).map(String::valueOf);
  }

  @Override
  public void setStatus(String ticketId, String helpDeskStatus) {
    http.call("status " + helpDeskStatus + " on ticket " + ticketId, () -> api.put()
        .uri("/tickets/{id}", ticketId).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("status", Integer.parseInt(helpDeskStatus)))
        .retrieve().body(JsonNode.class));
  }

  @Override
  public void addTag(String ticketId, String tag) {
    JsonNode ticket = getTicket(ticketId, null);
    Set<String> tags = new LinkedHashSet<>(texts(ticket.path("tags")));
    if (tags.add(tag)) {
      http.call("tag " + tag + " on ticket " + ticketId, () -> api.put()
          .uri("/tickets/{id}", ticketId).contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("tags", List.copyOf(tags)))
          .retrieve().body(JsonNode.class));
    }
  }

  @Override
  public TicketFacts ticket(String ticketId) {
    JsonNode ticket = getTicket(ticketId, "requester,company");
    JsonNode contact = ticket.path("requester_id").isNumber()
        ? http.call("the requester of ticket " + ticketId, () -> api.get()
            .uri("/contacts/{id}", ticket.path("requester_id").asText()).retrieve().body(JsonNode.class))
        : ticket.path("requester");
    JsonNode company = ticket.path("company_id").isNumber()
        ? http.call("the company of ticket " + ticketId, () -> api.get()
            .uri("/companies/{id}", ticket.path("company_id").asText()).retrieve().body(JsonNode.class))
        : MissingNode.getInstance();
    Set<String> tags = new LinkedHashSet<>(texts(ticket.path("tags")));
    tags.addAll(texts(contact.path("tags")));
    List<JsonNode> conversations = conversations(ticketId, 1);
    // The ticket's description is its first public message; conversations are the replies and notes.
    int publicMessages = 1 + (int) conversations.stream().filter(c -> !c.path("private").asBoolean(false)).count();
    OffsetDateTime last = conversations.stream().map(c -> c.path("created_at").asText(null))
        .filter(s -> s != null && !s.isBlank()).map(OffsetDateTime::parse).max(OffsetDateTime::compareTo)
        .orElseGet(() -> date(ticket.path("created_at")));
    String phone = text(contact, "mobile") != null ? text(contact, "mobile") : text(contact, "phone");
    String tier = text(company.path("custom_fields"), tierField) != null
        ? text(company.path("custom_fields"), tierField) : text(company, "account_tier");
    return new TicketFacts(ticketId, text(ticket, "subject"), text(contact, "name"), text(contact, "email"), phone,
        text(contact, "time_zone"), text(contact, "language"),
        text(company, "name") != null ? text(company, "name") : text(ticket.path("company"), "name"), tier,
        List.copyOf(tags), publicMessages, conversations.size() + 1, last);
  }

  private JsonNode getTicket(String ticketId, String include) {
    JsonNode ticket = http.call("ticket " + ticketId, () -> api.get()
        .uri(uri -> {
          uri.path("/tickets/{id}");
          if (include != null) {
            uri.queryParam("include", include);
          }
          return uri.build(ticketId);
        })
        .retrieve().body(JsonNode.class));
    if (!ticket.isObject() || !ticket.has("id")) {
      throw new HelpDeskUnavailableException("Freshdesk's answer for ticket " + ticketId + " is not a ticket");
    }
    return ticket;
  }

  private List<JsonNode> conversations(String ticketId, int maxPages) {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 1; page <= maxPages; page++) {
      int number = page;
      JsonNode list = http.call("the conversations of ticket " + ticketId, () -> api.get()
          .uri(uri -> uri.path("/tickets/{id}/conversations").queryParam("per_page", PAGE_SIZE)
              .queryParam("page", number).build(ticketId))
          .retrieve().body(JsonNode.class));
      if (!list.isArray()) {
        throw new HelpDeskUnavailableException("Freshdesk's conversations of ticket " + ticketId + " are not a list");
      }
      list.forEach(all::add);
      if (list.size() < PAGE_SIZE) {
        break;
      }
    }
    return all;
  }

  private static OffsetDateTime date(JsonNode value) {
    return value.isTextual() && !value.asText().isBlank() ? OffsetDateTime.parse(value.asText()) : null;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
  }
}
