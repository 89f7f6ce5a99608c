package io.videocallsupport.twilio;

import java.net.URI;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Twilio Video as the video platform, chosen with {@code VIDEO_PLATFORM=twilio} ({@code vcs.video.platform}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = TwilioVideoPlatform.NAME)
class TwilioVideoConfiguration {

  @Bean
  TwilioVideoPlatform twilioVideoPlatform(TwilioProperties twilio, JdbcClient jdbc, Clock clock,
                                          @Value("${vcs.public-url}") String publicUrl) {
    twilio.requireForVideo();
    URI statusCallback = URI.create(new TwilioCallbacks(twilio.authToken(), publicUrl)
        .url(TwilioVideoCallbackController.PATH));
    TwilioRooms rooms = new TwilioRooms(TwilioHttpClient.restClient(twilio), statusCallback, twilio.video());
    return new TwilioVideoPlatform(rooms, new TwilioRoomSettings(jdbc, clock), publicUrl);
  }

  @Bean
  TwilioVideoTokens twilioVideoTokens(TwilioProperties twilio) {
    return new TwilioVideoTokens(twilio);
  }
}
