package io.videocallsupport.messaging;

/** Port: hands an email to a mail transport. Throws on a failure worth retrying. */
public interface Mailer {

  Delivery send(EmailMessage message);
}
