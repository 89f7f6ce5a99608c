package io.videocallsupport.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An inbox handler for events stored as JSON: an unreadable body is ignored with a note, never retried. */
public abstract class JsonInboxHandler implements InboxHandler {

  private final ObjectMapper json;

  protected JsonInboxHandler(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public final Outcome handle(InboxEvent event) {
    JsonNode payload;
    try {
      payload = json.readTree(event.payload());
    } catch (JsonProcessingException e) {
      return Outcome.ignored("Unreadable " + source() + " event: " + e.getOriginalMessage());
    }
    return handle(event, payload);
  }

  /** Handles an event whose body is valid JSON. */
  protected abstract Outcome handle(InboxEvent event, JsonNode payload);
}
