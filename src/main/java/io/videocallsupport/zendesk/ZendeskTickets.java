package io.videocallsupport.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.videocallsupport.helpdesk.HelpDeskHttp;
import io.videocallsupport.helpdesk.HelpDeskProperties;
import io.videocallsupport.helpdesk.HelpDeskUnavailableException;
import io.videocallsupport.helpdesk.RequestBudget;
import io.videocallsupport.helpdesk.TicketFacts;
import io.videocallsupport.helpdesk.TicketStatus;
import io.videocallsupport.helpdesk.TicketSystem;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Zendesk Support's REST API (v2) with an OAuth bearer token: private comments through a ticket
 * update ({@code comment.public = false}), tags through the ticket's tags endpoint (which adds),
 * and the ticket with its requester and organisation sideloaded.
 */
@Component
@ConditionalOnProperty(name = "vcs.helpdesk.adapter", havingValue = ZendeskTickets.NAME)
public class ZendeskTickets implements TicketSystem {

  public static final String NAME = "zendesk";
  private static final int PAGE_SIZE = 100;

  private final RestClient api;
  private final HelpDeskHttp http;
  private final Map<String, String> statuses;
  private final String tierField;

  ZendeskTickets(ZendeskProperties properties, HelpDeskProperties helpDesk, Clock clock) {
    String url = HelpDeskHttp.required(properties.url(),
        "HELPDESK=zendesk needs ZENDESK_URL (https://<subdomain>.zendesk.com)");
    String token = HelpDeskHttp.required(properties.oauthToken(),
        "HELPDESK=zendesk needs ZENDESK_OAUTH_TOKEN (an OAuth access token)");
    this.api = HelpDeskHttp.apiV2(url, "Bearer " + token, properties.connectTimeout(), properties.readTimeout());
    this.http = new HelpDeskHttp("Zendesk", new RequestBudget(properties.requestsPerMinute(), clock), clock);
    this.statuses = properties.statuses();
    this.tierField = helpDesk.tierField();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String addPrivateNote(String ticketId, String text) {
    Map<String, Object> update = Map.of("ticket", Map.of("comment", Map.of("body", text, "public", false)));
    JsonNode answer = http.call("a private comment on ticket " + ticketId, () -> api.put()
        .uri("/tickets/{id}", ticketId).contentType(MediaType.APPLICATION_JSON).body(update)
        .retrieve().body(JsonNode.class));
    JsonNode audit = answer.path("audit");
    for (JsonNode event : audit.path("events")) {
      if ("Comment".equals(event.path("type").asText())) {
        return event.path("id").asText();
      }
    }
    if (!answer.has("ticket")) {
      throw new HelpDeskUnavailableException("Zendesk's answer to a comment on ticket " + ticketId + " has no ticket");
    }
    return audit.path("id").asText("comment");
  }

  @Override
  public boolean hasNoteContaining(String ticketId, String text) {
    String after = null;
    do {
      String cursor = after;
      JsonNode page = http.call("the comments of ticket " + ticketId, () -> api.get()
          .uri(uri -> {
            uri.path("/tickets/{id}/comments").queryParam("page[size]", PAGE_SIZE);
            if (cursor != null) {
              uri.queryParam("page[after]", cursor);
            }
            return uri.build(ticketId);
          })
          .retrieve().body(JsonNode.class));
      if (!page.path("comments").isArray()) {
        throw new HelpDeskUnavailableException("Zendesk's comments of ticket " + ticketId + " are not a list");
      }
      for (JsonNode comment : page.path("comments")) {
        if (comment.path("body").asText("").contains(text) || comment.path("plain_body").asText("").contains(text)) {
          return true;
        }
      }
      after = page.path("meta").path("has_more").asBoolean(false) ? page.path("meta").path("after_cursor").asText(null)
          : null;
    } while (after != null);
    return false;
  }

  @Override
  public Optional<String> statusFor(TicketStatus status) {
    return Optional.ofNullable(statuses.get(status.name())).filter(s -> !s.isBlank());
  }

  @Override
  public void setStatus(String ticketId, String helpDeskStatus) {
    http.call("status " + helpDeskStatus + " on ticket " + ticketId, () -> api.put()
        .uri("/tickets/{id}", ticketId).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("ticket", Map.of("status", helpDeskStatus)))
        .retrieve().body(JsonNode.class));
  }

  @Override
  public void addTag(String ticketId, String tag) {
    http.call("tag " + tag + " on ticket " + ticketId, () -> api.put()
        .uri("/tickets/{id}/tags", ticketId).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("tags", List.of(tag)))
        .retrieve().body(JsonNode.class));
  }

  @Override
  public TicketFacts ticket(String ticketId) {
    JsonNode answer = http.call("ticket " + ticketId, () -> api.get()
        .uri(uri -> uri.path("/tickets/{id}").queryParam("include", "users,organizations").build(ticketId))
        .retrieve().body(JsonNode.class));
    JsonNode ticket = answer.path("ticket");
    if (!ticket.isObject()) {
      throw new HelpDeskUnavailableException("Zendesk's answer for ticket " + ticketId + " has no ticket");
    }
    JsonNode requester = byId(answer.path("users"), ticket.path("requester_id"));
    JsonNode organisation = byId(answer.path("organizations"), ticket.path("organization_id"));
    Set<String> tags = new LinkedHashSet<>();
    tags.addAll(texts(ticket.path("tags")));
    tags.addAll(texts(requester.path("tags")));
    tags.addAll(texts(organisation.path("tags")));

    List<JsonNode> comments = firstCommentsPage(ticketId);
    int publicMessages = (int) comments.stream().filter(c -> c.path("public").asBoolean(false)).count();
    OffsetDateTime last = comments.stream().map(c -> c.path("created_at").asText(null))
        .filter(s -> s != null && !s.isBlank()).map(OffsetDateTime::parse).max(OffsetDateTime::compareTo)
        .orElse(null);
    String timeZone = text(requester, "iana_time_zone");
    return new TicketFacts(ticketId, text(ticket, "subject"), text(requester, "name"), text(requester, "email"),
        text(requester, "phone"), timeZone, text(requester, "locale"), text(organisation, "name"),
        text(organisation.path("organization_fields"), tierField),
        List.copyOf(tags), publicMessages, comments.size(), last);
  }

  private List<JsonNode> firstCommentsPage(String ticketId) {
    JsonNode page = http.call("the comments of ticket " + ticketId, () -> api.get()
        .uri(uri -> uri.path("/tickets/{id}/comments").queryParam("page[size]", PAGE_SIZE).build(ticketId))
        .retrieve().body(JsonNode.class));
    List<JsonNode> comments = new ArrayList<>();
    page.path("comments").forEach(comments::add);
    return comments;
  }

  private static JsonNode byId(JsonNode list, JsonNode id) {
    if (id == null || id.isNull() || id.isMissingNode()) {
      return MissingNode.getInstance();
    }
    return StreamSupport.stream(list.spliterator(), false)
        .filter(item -> item.path("id").asText().equals(id.asText()))
        .findFirst().orElse(MissingNode.getInstance());
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
