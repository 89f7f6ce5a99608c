package io.videocallsupport.room;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The STUN/TURN servers a room's browsers use, as {@code RTCPeerConnection}'s {@code iceServers}.
 * STUN URLs go without credentials; TURN URLs carry either the configured static credentials or,
 * with a shared secret, time-limited ones in the TURN REST API form (user name
 * {@code <expiry>:<participant>}, password {@code base64(HMAC-SHA1(secret, user name))}).
 */
final class IceServers {

  private IceServers() {
  }

  static List<Map<String, Object>> forParticipant(RoomProperties properties, String participant, Clock clock) {
    List<String> urls = Arrays.stream(properties.iceServers().split(","))
        .map(String::trim).filter(u -> !u.isEmpty()).toList();
    List<String> stun = urls.stream().filter(u -> !isTurn(u)).toList();
    List<String> turn = urls.stream().filter(IceServers::isTurn).toList();
    List<Map<String, Object>> servers = new ArrayList<>();
    if (!stun.isEmpty()) {
      servers.add(Map.of("urls", stun));
    }
    if (!turn.isEmpty()) {
      Map<String, Object> server = new LinkedHashMap<>();
      server.put("urls", turn);
      if (!properties.turnSecret().isBlank()) {
        long expiry = clock.instant().plus(properties.turnCredentialTtl()).getEpochSecond();
        String user = expiry + ":" + participant;
        server.put("username", user);
        server.put("credential", hmacSha1(properties.turnSecret(), user));
      } else if (!properties.turnUsername().isBlank()) {
        server.put("username", properties.turnUsername());
        server.put("credential", properties.turnCredential());
      }
      servers.add(server);
    }
    return servers;
  }

  private static boolean isTurn(String url) {
    return url.startsWith("turn:") || url.startsWith("turns:");
  }

  static String hmacSha1(String secret, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
    }
  }
}
