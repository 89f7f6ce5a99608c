package io.videocallsupport.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.helpdesk.TicketStart;
import io.videocallsupport.helpdesk.TicketStart.WebhookTicket;
import io.videocallsupport.inbox.InboxEvent;
import io.videocallsupport.inbox.JsonInboxHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Starts the session of a stored Zendesk "Start video call" webhook. */
@Component
@ConditionalOnProperty(name = "vcs.helpdesk.adapter", havingValue = ZendeskTickets.NAME)
class ZendeskInboxHandler extends JsonInboxHandler {

  static final String SOURCE = "zendesk";

  private final TicketStart start;

  ZendeskInboxHandler(ObjectMapper json, TicketStart start) {
    super(json);
    this.start = start;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  protected Outcome handle(InboxEvent event, JsonNode payload) {
    return WebhookTicket.of(payload).map(start::start)
        .orElseGet(() -> Outcome.ignored("No ticket_id in the Zendesk webhook"));
  }
}
