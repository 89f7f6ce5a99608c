package io.videocallsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.support.RawHttp;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The link look-up limit behind a reverse proxy: with the proxy trusted (here 127.0.0.1), the limit
 * is per client address it forwards; a peer that is not a trusted proxy (127.0.0.2) is limited by
 * its own address, whatever X-Forwarded-For it sends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
    "vcs.web.token-lookups-per-minute=3",
    "spring.datasource.url=jdbc:h2:mem:video-call-support-proxy;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class ForwardedClientAddressTest {

  @LocalServerPort int port;

  @Test
  void behindATrustedProxyEachForwardedClientHasItsOwnLimit() throws Exception {
    RawHttp proxy = RawHttp.from("127.0.0.1", port);
    for (int i = 0; i < 3; i++) {
      assertThat(lookUp(proxy, "203.0.113.10")).as("unknown link").isEqualTo(404);
    }
    assertThat(lookUp(proxy, "203.0.113.10")).as("this customer's limit").isEqualTo(429);
    assertThat(lookUp(proxy, "203.0.113.11")).as("another customer behind the same proxy").isEqualTo(404);
    // The client made up the first address; the proxy appended the one it saw.
    assertThat(lookUp(proxy, "198.51.100.7, 203.0.113.10")).as("a forged address before the proxy's").isEqualTo(429);
  }

  @Test
  void aPeerThatIsNoTrustedProxyCannotEscapeTheLimitWithAForgedHeader() throws Exception {
    RawHttp direct = RawHttp.from("127.0.0.2", port);
    for (int i = 0; i < 3; i++) {
      assertThat(lookUp(direct, "192.0.2." + i)).isEqualTo(404);
    }
    assertThat(lookUp(direct, "192.0.2.99")).as("limited by its own address").isEqualTo(429);
  }

  private int lookUp(RawHttp from, String forwardedFor) throws IOException {
    String token = (UUID.randomUUID() + UUID.randomUUID().toString()).replace("-", "").substring(0, 43);
    return from.get("/join/" + token, Map.of("X-Forwarded-For", forwardedFor)).status();
  }
}
