package io.videocallsupport.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class IceServersTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void noServersByDefault() {
    assertThat(IceServers.forParticipant(properties("", "", "", ""), "p1", clock)).isEmpty();
  }

  @Test
  void stunWithoutAndTurnWithStaticCredentials() {
    List<Map<String, Object>> servers = IceServers.forParticipant(
        properties("stun:stun.example.com:3478, turn:turn.example.com:3478?transport=udp", "", "support", "s3cret"),
        "p1", clock);
    assertThat(servers).containsExactly(
        Map.of("urls", List.of("stun:stun.example.com:3478")),
        Map.of("urls", List.of("turn:turn.example.com:3478?transport=udp"), "username", "support",
            "credential", "s3cret"));
  }

  @Test
  void aSharedSecretGivesShortLivedTurnCredentials() {
    Map<String, Object> turn = IceServers.forParticipant(properties("turns:turn.example.com:5349", "secret", "", ""),
        "p1", clock).get(0);
    long expiry = Instant.parse("2026-03-02T22:00:00Z").getEpochSecond();
    assertThat(turn).containsEntry("username", expiry + ":p1")
        .containsEntry("credential", IceServers.hmacSha1("secret", expiry + ":p1"));
  }

  private static RoomProperties properties(String urls, String secret, String user, String password) {
    return new RoomProperties(urls, user, password, secret, Duration.ofHours(12), 6, DataSize.ofMegabytes(500),
        Duration.ofSeconds(30));
  }
}
