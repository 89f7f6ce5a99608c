package io.videocallsupport.messaging;

/** Port: hands a text message to an SMS provider. Throws on a failure worth retrying. */
public interface SmsSender {

  Delivery send(SmsMessage message);
}
