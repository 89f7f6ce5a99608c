package io.videocallsupport.helpdesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.videocallsupport.inbox.InboxHandler.Outcome;
import io.videocallsupport.security.Roles;
import io.videocallsupport.session.SessionAlreadyOpenException;
import io.videocallsupport.session.SessionApi;
import io.videocallsupport.session.SessionValues.CustomerTier;
import io.videocallsupport.session.StartSessionRequest;
import io.videocallsupport.session.VideoSession;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts a video session from a help desk's webhook, through the same {@link SessionApi} the
 * session API uses, with what the ticket knows. The help desk's API fills in what the webhook body
 * lacks (time zone, language, tier, the conversation so far); when it does not answer in time the
 * session starts with the body alone. A missing or unusable email address or number never refuses
 * the start: the invitation step sends the agent to "Fix contact details".
 */
@Service
@ConditionalOnOutsideHelpDesk
public class TicketStart {

  private static final Logger LOG = LoggerFactory.getLogger(TicketStart.class);

  /** Rails-style zone names (Zendesk's time_zone, Freshdesk's) that are not a city of the same name. */
  private static final Map<String, String> RAILS_ZONES = Map.ofEntries(
      Map.entry("Eastern Time (US & Canada)", "America/New_York"),
      Map.entry("Central Time (US & Canada)", "America/Chicago"),
      Map.entry("Mountain Time (US & Canada)", "America/Denver"),
      Map.entry("Pacific Time (US & Canada)", "America/Los_Angeles"),
      Map.entry("Alaska", "America/Juneau"), Map.entry("Hawaii", "Pacific/Honolulu"),
      Map.entry("Arizona", "America/Phoenix"), Map.entry("UTC", "UTC"), Map.entry("Edinburgh", "Europe/London"),
      Map.entry("Bern", "Europe/Zurich"), Map.entry("Chennai", "Asia/Kolkata"), Map.entry("Mumbai", "Asia/Kolkata"),
      Map.entry("New Delhi", "Asia/Kolkata"), Map.entry("Beijing", "Asia/Shanghai"),
      Map.entry("Osaka", "Asia/Tokyo"), Map.entry("Sapporo", "Asia/Tokyo"), Map.entry("Canberra", "Australia/Sydney"),
      Map.entry("Wellington", "Pacific/Auckland"), Map.entry("Brasilia", "America/Sao_Paulo"));

  private final SessionApi sessions;
  private final TicketSystem helpDesk;
  private final HelpDeskProperties properties;

  TicketStart(SessionApi sessions, TicketSystem helpDesk, HelpDeskProperties properties) {
    this.sessions = sessions;
    this.helpDesk = helpDesk;
    this.properties = properties;
  }

  /** What a webhook body carries (the help desk's placeholders); any of it may be blank. */
  public record WebhookTicket(String ticketId, String subject, String requesterName, String requesterEmail,
                              String requesterPhone, String organisation, List<String> tags,
                              boolean customerAskedForVideo) {

    /** Reads the body of the JSON documented in docs/helpdesk.md; tags may be a list or one space-separated text. */
    public static Optional<WebhookTicket> of(JsonNode body) {
      String ticketId = text(body, "ticket_id");
      if (ticketId == null || !ticketId.matches("[A-Za-z0-9._:-]{1,100}")) {
        return Optional.empty();
      }
      List<String> tags = new ArrayList<>();
      JsonNode tagNode = body.path("tags");
      if (tagNode.isArray()) {
        tagNode.forEach(t -> tags.add(t.asText()));
      } else if (tagNode.isTextual()) {
        tags.addAll(Arrays.stream(tagNode.asText().split("[\\s,]+")).filter(t -> !t.isBlank()).toList());
      }
      return Optional.of(new WebhookTicket(ticketId, text(body, "subject"), text(body, "requester_name"),
          text(body, "requester_email"), text(body, "requester_phone"), text(body, "organization"), tags,
          body.path("customer_asked_for_video").asBoolean(false)));
    }
  }

  public Outcome start(WebhookTicket webhook) {
    TicketFacts facts = lookUp(webhook.ticketId()).orElse(null);
    String subject = first(facts == null ? null : facts.subject(), webhook.subject(), "Ticket " + webhook.ticketId());
    String email = first(facts == null ? null : facts.requesterEmail(), webhook.requesterEmail());
    String name = first(facts == null ? null : facts.requesterName(), webhook.requesterName(), email, "Customer");
    String phone = first(facts == null ? null : facts.requesterPhone(), webhook.requesterPhone());
    List<String> tags = new ArrayList<>(webhook.tags());
    if (facts != null) {
      tags.addAll(facts.tags());
    }
    TicketFacts merged = new TicketFacts(webhook.ticketId(), subject, name, email, phone,
        facts == null ? null : facts.timeZone(), facts == null ? null : facts.locale(),
        first(facts == null ? null : facts.organisation(), webhook.organisation()),
        facts == null ? null : facts.tierValue(), tags, facts == null ? null : facts.publicMessages(),
        facts == null ? null : facts.messages(), facts == null ? null : facts.lastMessageAt());

    StartSessionRequest request = new StartSessionRequest(webhook.ticketId(), truncate(subject, 500),
        truncate(name, 200), email == null ? null : truncate(email.trim(), 320), mobile(phone),
        zoneId(merged.timeZone()), locale(merged.locale()), properties.startCountry(), null,
        properties.startIssueCategory(), merged.publicReplies(),
        properties.tierOf(merged).orElse(CustomerTier.STANDARD), properties.declinedVideoBefore(merged), null,
        webhook.customerAskedForVideo(), null);
    try {
      VideoSession session = sessions.startFromHelpDesk(request, properties.startAs(), List.of(Roles.AGENTS));
      return Outcome.done("Session " + session.id() + " started for ticket " + webhook.ticketId()
          + (facts == null ? " from the webhook body only (the help desk did not answer)" : ""));
    } catch (SessionAlreadyOpenException e) {
      return Outcome.ignored(e.getMessage());
    }
  }

  private Optional<TicketFacts> lookUp(String ticketId) {
    try {
      return Optional.of(CompletableFuture.supplyAsync(() -> helpDesk.ticket(ticketId))
          .get(properties.contextTimeout().toMillis(), TimeUnit.MILLISECONDS));
    } catch (Exception e) {
      LOG.warn("Ticket {}: {} gave no details in time ({}); starting with the webhook's", ticketId, helpDesk.name(),
          e.toString());
      return Optional.empty();
    }
  }

  /** An IANA zone id, from an id or a Rails-style name ("Berlin", "Pacific Time (US & Canada)"); else null. */
  static String zoneId(String zone) {
    if (zone == null || zone.isBlank()) {
      return null;
    }
    String name = zone.trim();
    List<String> candidates = new ArrayList<>();
    candidates.add(name);
    Optional.ofNullable(RAILS_ZONES.get(name)).ifPresent(candidates::add);
    for (String region : List.of("Europe/", "America/", "Asia/", "Australia/", "Africa/", "Pacific/")) {
      candidates.add(region + name.replace(' ', '_'));
    }
    for (String candidate : candidates) {
      if (candidate.contains("/") || candidate.equals("UTC")) {
        try {
          return ZoneId.of(candidate).getId();
        } catch (DateTimeException notAZone) {
          // try the next reading
        }
      }
    }
    return null;
  }

  /** A language tag the session accepts ({@code en}, {@code de-AT}); else null (the session's default). */
  static String locale(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String[] parts = value.trim().replace('_', '-').split("-");
    String language = parts[0].toLowerCase(Locale.ROOT);
    if (!language.matches("[a-z]{2}")) {
      return null;
    }
    return parts.length > 1 && parts[1].matches("[A-Za-z]{2}") ? language + "-" + parts[1].toUpperCase(Locale.ROOT)
        : language;
  }

  /** A number as E.164 without spaces, dashes or brackets; what remains is checked at the invitation. */
  static String mobile(String phone) {
    return phone == null || phone.isBlank() ? null : phone.replaceAll("[\\s().-]", "");
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText().trim() : null;
  }
}
