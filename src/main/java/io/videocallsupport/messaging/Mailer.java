package io.videocallsupport.messaging;

/**
 * Port: hands an email to a mail transport. Throws {@link PermanentDeliveryFailure} when the
 * recipient is refused for good, any other exception on a failure worth retrying.
 */
public interface Mailer {

  Delivery send(EmailMessage message);
}
