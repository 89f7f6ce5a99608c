package io.videocallsupport.twilio;

import io.videocallsupport.messaging.SmsSender;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SMS through Twilio, chosen with {@code SMS_TRANSPORT=twilio} ({@code vcs.sms.transport}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vcs.sms.transport", havingValue = "twilio")
class TwilioSmsConfiguration {

  @Bean
  SmsSender twilioSmsSender(TwilioProperties twilio, @Value("${vcs.public-url}") String publicUrl) {
    twilio.requireForSms();
    return new TwilioSmsSender(TwilioHttpClient.restClient(twilio), twilio.fromNumber(), twilio.messagingServiceSid(),
        URI.create(TwilioCallbacks.withoutTrailingSlash(publicUrl) + TwilioSms.STATUS_CALLBACK_PATH));
  }
}
