package io.videocallsupport.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.inbox.Inbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Records the customer's choice on the join page as an inbox event (source {@value #SOURCE}), so
 * that the page answers at once and {@link JoinChoiceInboxHandler} tells the agent.
 */
@Service
public class JoinChoices {

  public static final String SOURCE = "join-page";
  static final String EVENT_TYPE = "join.choice";

  private final Inbox inbox;
  private final ObjectMapper json;

  JoinChoices(Inbox inbox, ObjectMapper json) {
    this.inbox = inbox;
    this.json = json;
  }

  /** Stores the choice once per session and choice; choosing the same again changes nothing. */
  public boolean record(UUID sessionId, JoinChoice choice, String phone) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("sessionId", sessionId.toString());
    payload.put("choice", choice.name());
    if (phone != null && !phone.isBlank()) {
      payload.put("phone", phone.trim());
    }
    try {
      return inbox.accept(SOURCE, sessionId + ":" + choice.name(), EVENT_TYPE, json.writeValueAsString(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of strings always serialises", e);
    }
  }
}
