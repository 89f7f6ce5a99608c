package io.videocallsupport.privacy;

import static io.videocallsupport.privacy.PrivacyRequest.Variables.*;

import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of the privacy-request process. */
@Configuration(proxyBeanMethods = false)
class PrivacyDelegates {

  static final String CUSTOMER = "customer";

  /** "Register request and set legal deadline". */
  @Bean
  JavaDelegate registerPrivacyRequestDelegate(PrivacyRequests requests) {
    return execution -> {
      String ticketId = TICKET_ID.from(execution).get();
      if (execution.getProcessBusinessKey() == null) {
        execution.setProcessBusinessKey(ticketId);
      }
      PrivacyRequests.Registered registered = requests.register(ticketId, REQUEST_TYPE.from(execution).get(),
          REQUESTED_BY.from(execution).getOrDefault(CUSTOMER), execution.getProcessInstanceId());
      PRIVACY_REQUEST_ID.on(execution).set(registered.id().toString());
      SESSION_ID.on(execution).set(registered.sessionId() == null ? null : registered.sessionId().toString());
      ERASURE_DEADLINE.on(execution).set(Date.from(registered.deadline().toInstant()));
    };
  }

  /** "Send time-limited download link". */
  @Bean
  JavaDelegate sendRecordingCopyDelegate(PrivacyRequests requests) {
    return execution -> requests.sendCopy(TICKET_ID.from(execution).get(), requestId(execution));
  }

  /** "Ask retention to erase every recording". */
  @Bean
  JavaDelegate requestErasureDelegate(PrivacyRequests requests) {
    return execution -> PENDING_ERASURES.on(execution).set(requests.requestErasure(TICKET_ID.from(execution).get(),
        requestId(execution), REQUESTED_BY.from(execution).getOrDefault(CUSTOMER)));
  }

  /** "Count recordings left". */
  @Bean
  JavaDelegate checkErasureProgressDelegate(PrivacyRequests requests) {
    return execution -> PENDING_ERASURES.on(execution).set(requests.pendingErasures(TICKET_ID.from(execution).get()));
  }

  /** "Confirm erasure with proof". */
  @Bean
  JavaDelegate sendErasureConfirmationDelegate(PrivacyRequests requests) {
    return execution -> requests.confirmErasure(TICKET_ID.from(execution).get(), requestId(execution));
  }

  private static UUID requestId(DelegateExecution execution) {
    return UUID.fromString(PRIVACY_REQUEST_ID.from(execution).get());
  }
}
