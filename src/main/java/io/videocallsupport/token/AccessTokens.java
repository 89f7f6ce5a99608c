package io.videocallsupport.token;

import io.videocallsupport.system.RecordRows;
import io.videocallsupport.system.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The random tokens in customer links (join, survey, privacy, download). A token carries 256 bits
 * from a SecureRandom; only its SHA-256 hash is stored, so the table never holds a usable link.
 */
@Service
@Transactional
public class AccessTokens {

  private static final RecordRows<AccessToken> ACCESS_TOKEN_ROWS = RecordRows.of(AccessToken.class);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;

  AccessTokens(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Issues a new token and returns it; the caller puts it in a link and forgets it. */
  public String issue(TokenPurpose purpose, UUID sessionId, String subjectRef, Duration validFor) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    OffsetDateTime now = Timestamps.now(clock);
    jdbc.sql("INSERT INTO access_token (id, token_hash, purpose, session_id, subject_ref, expires_at, created_at) "
            + "VALUES (:id, :hash, :purpose, :sessionId, :subjectRef, :expiresAt, :now)")
        .param("id", UUID.randomUUID())
        .param("hash", hash(token))
        .param("purpose", purpose.name())
        .param("sessionId", sessionId)
        .param("subjectRef", subjectRef)
        .param("expiresAt", now.plus(validFor))
        .param("now", now)
        .update();
    return token;
  }

  /** The token's record when it exists for this purpose, has not expired and has not been used. */
  @Transactional(readOnly = true)
  public Optional<AccessToken> findUsable(String token, TokenPurpose purpose) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT id, purpose, session_id, subject_ref, expires_at, used_at FROM access_token "
            + "WHERE token_hash = :hash AND purpose = :purpose")
        .param("hash", hash(token))
        .param("purpose", purpose.name())
        .query(ACCESS_TOKEN_ROWS)
        .optional()
        .filter(t -> t.usedAt() == null && t.expiresAt().isAfter(Timestamps.now(clock)));
  }

  /** Looks a token up for a purpose and tells whether it is usable, and if not, why. */
  @Transactional(readOnly = true)
  public TokenCheck check(String token, TokenPurpose purpose) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return TokenCheck.unknown();
    }
    return jdbc.sql("SELECT id, purpose, session_id, subject_ref, expires_at, used_at FROM access_token "
            + "WHERE token_hash = :hash AND purpose = :purpose")
        .param("hash", hash(token))
        .param("purpose", purpose.name())
        .query(ACCESS_TOKEN_ROWS)
        .optional()
        .map(t -> new TokenCheck(t.usedAt() != null ? TokenCheck.Status.USED
            : t.expiresAt().isAfter(Timestamps.now(clock)) ? TokenCheck.Status.USABLE : TokenCheck.Status.EXPIRED, t))
        .orElseGet(TokenCheck::unknown);
  }

  /** Marks a single-use token as used; false when someone else used it first. */
  public boolean markUsed(UUID tokenId) {
    return jdbc.sql("UPDATE access_token SET used_at = :now WHERE id = :id AND used_at IS NULL")
        .param("now", Timestamps.now(clock))
        .param("id", tokenId)
        .update() == 1;
  }

  /** Ends every token of the session for this purpose, e.g. when a survey closes. */
  public int expireAll(UUID sessionId, TokenPurpose purpose) {
    return jdbc.sql("UPDATE access_token SET expires_at = :now WHERE session_id = :sessionId AND purpose = :purpose "
            + "AND expires_at > :now")
        .param("now", Timestamps.now(clock))
        .param("sessionId", sessionId)
        .param("purpose", purpose.name())
        .update();
  }

  static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
