package io.videocallsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the default configuration no proxy is trusted (Spring Boot alone would trust every private
 * and loopback address): X-Forwarded-For from anyone is ignored, and the limit applies to the peer.
 */
@H2SpringTest
class UntrustedForwardedHeadersTest {

  @LocalServerPort int port;
  @Autowired TokenLookupLimiter limiter;

  @Test
  void aForgedForwardedForIsIgnoredByDefault() throws Exception {
    int status = RawHttp.to(port).get("/join/" + "x".repeat(43), Map.of("X-Forwarded-For", "203.0.113.99")).status();

    assertThat(status).isEqualTo(404);
    assertThat(limiter.tracks("203.0.113.99")).isFalse();
    assertThat(limiter.tracks("127.0.0.1")).isTrue();
  }
}
