package io.videocallsupport.helpdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.helpdesk.TicketStart.WebhookTicket;
import io.videocallsupport.inbox.InboxEvent;
import io.videocallsupport.inbox.JsonInboxHandler;
import org.springframework.stereotype.Component;

/**
 * Starts the session of a stored "start a video call" webhook of the configured help desk. The
 * webhook controllers store their events under the help desk's name ({@link TicketSystem#name()}),
 * which is this handler's inbox source.
 */
@Component
@ConditionalOnOutsideHelpDesk
class TicketWebhookInboxHandler extends JsonInboxHandler {

  private final TicketStart start;
  private final String source;

  TicketWebhookInboxHandler(ObjectMapper json, TicketStart start, TicketSystem helpDesk) {
    super(json);
    this.start = start;
    this.source = helpDesk.name();
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  protected Outcome handle(InboxEvent event, JsonNode payload) {
    return WebhookTicket.of(payload).map(start::start)
        .orElseGet(() -> Outcome.ignored("No ticket_id in the " + source + " webhook"));
  }
}
