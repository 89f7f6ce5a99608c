package io.videocallsupport.messaging;

import java.time.OffsetDateTime;

/**
 * Port: hands a text message to an SMS provider. Throws {@link PermanentDeliveryFailure} when the
 * provider refuses it for good, any other exception on a failure worth retrying.
 */
public interface SmsSender {

  Delivery send(SmsMessage message);

  /**
   * Sends a message whose earlier attempt (since {@code firstAttemptAt}) failed. A timeout or a
   * server error can hide a message the provider did create; a provider that can look its messages
   * up should return that one instead of sending a second.
   */
  default Delivery sendAgain(SmsMessage message, OffsetDateTime firstAttemptAt) {
    return send(message);
  }
}
