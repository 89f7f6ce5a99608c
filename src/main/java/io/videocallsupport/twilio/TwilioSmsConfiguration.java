package io.videocallsupport.twilio;

import com.twilio.http.TwilioRestClient;
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
    return new TwilioSmsSender(restClient(twilio), twilio.fromNumber(), twilio.messagingServiceSid(),
        URI.create(withoutTrailingSlash(publicUrl) + TwilioSms.STATUS_CALLBACK_PATH));
  }

  /** One client per account; it is thread-safe and pools its connections. */
  static TwilioRestClient restClient(TwilioProperties twilio) {
    TwilioRestClient.Builder builder = twilio.usesApiKey()
        ? new TwilioRestClient.Builder(twilio.apiKey(), twilio.apiSecret()).accountSid(twilio.accountSid())
        : new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken());
    return builder
        .httpClient(new TwilioHttpClient(twilio.apiBaseUrl(), twilio.connectTimeout(), twilio.readTimeout()))
        .build();
  }

  static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
