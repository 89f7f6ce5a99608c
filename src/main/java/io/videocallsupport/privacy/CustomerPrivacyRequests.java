package io.videocallsupport.privacy;

import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Requests customers make themselves on the privacy page: each starts a privacy-request process. */
@Service
public class CustomerPrivacyRequests {

  public static final String REQUESTED_BY_CUSTOMER = "customer";
  public static final Set<String> REQUEST_TYPES = Set.of("COPY", "ERASURE");

  private final RuntimeService runtime;

  CustomerPrivacyRequests(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Starts the request for every recording of the ticket; returns the process instance id. */
  public String request(String ticketId, String requestType) {
    if (ticketId == null || !REQUEST_TYPES.contains(requestType)) {
      throw new IllegalArgumentException("A privacy request needs a ticket and one of " + REQUEST_TYPES);
    }
    return runtime.createMessageCorrelation(PrivacyRequest.Messages.PRIVACY_REQUESTED)
        .processInstanceBusinessKey(ticketId)
        .setVariable(PrivacyRequest.Variables.TICKET_ID.getName(), ticketId)
        .setVariable(PrivacyRequest.Variables.REQUEST_TYPE.getName(), requestType)
        .setVariable(PrivacyRequest.Variables.REQUESTED_BY.getName(), REQUESTED_BY_CUSTOMER)
        .correlateStartMessage()
        .getId();
  }
}
