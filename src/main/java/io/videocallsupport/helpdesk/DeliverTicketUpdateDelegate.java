package io.videocallsupport.helpdesk;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Deliver update to help desk": the ticket's updates up to this one, in order. */
@Component
@ConditionalOnOutsideHelpDesk
class DeliverTicketUpdateDelegate implements JavaDelegate {

  static final String TICKET_UPDATE_SEQ = "ticketUpdateSeq";

  private final TicketUpdateDelivery delivery;

  DeliverTicketUpdateDelegate(TicketUpdateDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void execute(DelegateExecution execution) {
    delivery.deliverUpTo(execution.getProcessBusinessKey(),
        ((Number) execution.getVariable(TICKET_UPDATE_SEQ)).longValue());
  }
}
