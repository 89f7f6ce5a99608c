package io.videocallsupport.privacy;

import io.videocallsupport.session.SessionVariables;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the customer's email and mobile number out of Camunda's history. They pass through the
 * process only briefly (the start variables until "Register session" moves them to the session
 * record, the task-local copies on "Fix contact details", the provider's refusal naming them), but
 * with history level full every value would stay in {@code ACT_HI_VARINST} and {@code ACT_HI_DETAIL}
 * for the history time to live, readable through {@code /engine-rest/history} and out of reach of
 * an erasure. So their history events are dropped before they reach the database: the values
 * live only in runtime tables while needed and in {@code video_session}, where erasure finds them.
 */
@Component
class ContactDataHistoryFilter extends AbstractProcessEnginePlugin {

  static final Set<String> CONTACT_VARIABLES = Set.of(SessionVariables.CUSTOMER_EMAIL.getName(),
      SessionVariables.CUSTOMER_MOBILE.getName(), SessionVariables.CONTACT_PROBLEM.getName());

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    HistoryEventHandler database = configuration.getHistoryEventHandler() != null
        ? configuration.getHistoryEventHandler()
        : new CompositeDbHistoryEventHandler(configuration.getCustomHistoryEventHandlers());
    configuration.setHistoryEventHandler(new WithoutContactData(database));
  }

  static class WithoutContactData implements HistoryEventHandler {

    private final HistoryEventHandler next;

    WithoutContactData(HistoryEventHandler next) {
      this.next = next;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!holdsContactData(event)) {
        next.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }

    /** Every event of such a variable (created, updated, deleted), so no update is left without its row. */
    static boolean holdsContactData(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable) {
        return CONTACT_VARIABLES.contains(variable.getVariableName());
      }
      return event instanceof HistoricFormPropertyEventEntity form
          && CONTACT_VARIABLES.contains(form.getPropertyId());
    }
  }
}
