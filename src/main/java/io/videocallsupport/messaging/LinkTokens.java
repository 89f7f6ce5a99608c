package io.videocallsupport.messaging;

import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.token.AccessTokens;
import io.videocallsupport.token.TokenPurpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Customer links in messages exist only while a message is handed to its transport. What the
 * outbox stores has a placeholder where the token goes ({@code /join/vcs-link-J-1767225600-xx…}:
 * which kind of token, valid until when); each delivery mints fresh tokens and puts them into the
 * copy it hands over, which is never stored. So the outbox, the session API and a database dump
 * hold no usable link, and a re-send or a retried delivery gives the customer a fresh link.
 *
 * <p>A placeholder has the length of a token (43 characters of the token alphabet), so HTML, URL
 * and iCalendar escaping leave it alone, and calendar lines folded at 75 octets around it stay
 * folded in the same places when the token replaces it.
 */
@Component
public class LinkTokens {

  /** What stands for a redacted token where staff read a message. */
  public static final String REDACTED = "…";

  private static final String PREFIX = "vcs-link-";
  private static final int TOKEN_LENGTH = 43;
  private static final Map<TokenPurpose, Character> CODES = Map.of(TokenPurpose.JOIN, 'J', TokenPurpose.SURVEY, 'S',
      TokenPurpose.PRIVACY, 'P', TokenPurpose.RECORDING_DOWNLOAD, 'D');
  // 9 + 1 + 1 + 10 + 1 characters, padded with x to the token's 43
  private static final String PLAIN = "vcs-link-([JSPD])-(\\d{10})-x{21}";
  /** A placeholder, also where an iCalendar line fold (CRLF and a space) splits it. */
  private static final Pattern FOLDABLE = foldable();
  private static final Pattern SENT_TOKEN = Pattern.compile("/(join|survey|privacy|privacy/download)/[A-Za-z0-9_-]{43}");
  private static final Pattern FOLD = Pattern.compile("\r?\n[ \t]");

  private final AccessTokens tokens;
  private final SessionRepository sessions;
  private final Clock clock;

  LinkTokens(AccessTokens tokens, SessionRepository sessions, Clock clock) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** The placeholder for a token of this purpose that will be valid until {@code expiresAt}. */
  public static String placeholder(TokenPurpose purpose, OffsetDateTime expiresAt) {
    String head = PREFIX + CODES.get(purpose) + "-" + String.format("%010d", expiresAt.toEpochSecond()) + "-";
    return head + "x".repeat(TOKEN_LENGTH - head.length());
  }

  /** Staff's view of a stored text: every link's token shown as {@code …}. */
  public static String redact(String text) {
    return text == null ? null : FOLDABLE.matcher(text).replaceAll(REDACTED);
  }

  /**
   * Whether two texts as sent are the same message: equal but for the tokens in their links (a
   * retried delivery mints new ones). For a provider that looks up whether an earlier attempt got
   * through after all.
   */
  public static boolean sameButTokens(String sent, String other) {
    return sent != null && other != null
        && SENT_TOKEN.matcher(sent).replaceAll("/$1/" + REDACTED).equals(SENT_TOKEN.matcher(other).replaceAll("/$1/" + REDACTED));
  }

  /** Whether the text holds a link placeholder. */
  static boolean hasLinks(String text) {
    return text != null && FOLDABLE.matcher(text).find();
  }

  /**
   * The same text with every link valid {@code by} longer, for a re-send: its link works as long
   * after the re-send as the original's did after it was sent.
   */
  static String extend(String text, Duration by) {
    if (text == null || by.isNegative() || by.isZero()) {
      return text;
    }
    return replace(text, found -> placeholder(found.purpose(), found.expiresAt().plus(by)));
  }

  /**
   * The stored message as it goes to its transport: each placeholder replaced with a fresh token
   * (one per purpose, the same in the text, the HTML and the attachments). Runs in the caller's
   * transaction, which must commit before the message leaves.
   */
  OutboxMessage mint(OutboxMessage stored) {
    boolean any = hasLinks(stored.bodyText()) || hasLinks(stored.bodyHtml())
        || stored.attachments().stream().anyMatch(a -> hasLinks(a.content()));
    if (!any) {
      return stored;
    }
    Map<TokenPurpose, String> minted = new EnumMap<>(TokenPurpose.class);
    Minter minter = found -> minted.computeIfAbsent(found.purpose(),
        purpose -> issue(purpose, stored.sessionId(), found.expiresAt()));
    List<EmailMessage.Attachment> attachments = stored.attachments().stream()
        .map(a -> new EmailMessage.Attachment(a.filename(), a.contentType(), replace(a.content(), minter)))
        .toList();
    return new OutboxMessage(stored.id(), stored.idempotencyKey(), stored.sessionId(), stored.channel(),
        stored.purpose(), stored.recipient(), stored.subject(), replace(stored.bodyText(), minter),
        replace(stored.bodyHtml(), minter), stored.status(), stored.provider(), stored.providerMessageId(),
        stored.attempts(), stored.lastError(), stored.createdAt(), stored.updatedAt(), stored.failureReason(),
        attachments);
  }

  private String issue(TokenPurpose purpose, UUID sessionId, OffsetDateTime expiresAt) {
    // the privacy pages work on the ticket's recordings: their tokens name the ticket
    String ticketId = sessionId == null ? null : sessions.findById(sessionId).map(VideoSession::ticketId).orElse(null);
    Duration validFor = Duration.between(OffsetDateTime.now(clock), expiresAt);
    return tokens.issue(purpose, sessionId, purpose == TokenPurpose.SURVEY ? null : ticketId,
        validFor.isNegative() ? Duration.ZERO : validFor);
  }

  private record Found(TokenPurpose purpose, OffsetDateTime expiresAt) {
  }

  @FunctionalInterface
  private interface Minter {
    String replacementFor(Found found);
  }

  /** Replaces each placeholder, keeping any line folds inside it where they were (the lengths are equal). */
  private static String replace(String text, Minter minter) {
    if (text == null) {
      return null;
    }
    Matcher matcher = FOLDABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String raw = matcher.group();
      Matcher plain = Pattern.compile(PLAIN).matcher(FOLD.matcher(raw).replaceAll(""));
      if (!plain.matches()) {
        throw new IllegalStateException("A link placeholder that does not parse");
      }
      TokenPurpose purpose = CODES.entrySet().stream().filter(e -> e.getValue() == plain.group(1).charAt(0))
          .findFirst().orElseThrow().getKey();
      OffsetDateTime expiresAt = Instant.ofEpochSecond(Long.parseLong(plain.group(2))).atOffset(ZoneOffset.UTC);
      String replacement = minter.replacementFor(new Found(purpose, expiresAt));
      matcher.appendReplacement(out, Matcher.quoteReplacement(refold(raw, replacement)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** {@code replacement} (as long as the unfolded {@code raw}) with {@code raw}'s folds in the same places. */
  private static String refold(String raw, String replacement) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    Matcher fold = FOLD.matcher(raw);
    int rawPos = 0;
    while (fold.find()) {
      int chars = fold.start() - rawPos;
      out.append(replacement, next, next + chars).append(fold.group());
      next += chars;
      rawPos = fold.end();
    }
    return out.append(replacement.substring(next)).toString();
  }

  private static Pattern foldable() {
    String fold = "(?:\r?\n[ \t])?";
    StringBuilder regex = new StringBuilder();
    for (char c : PREFIX.toCharArray()) {
      regex.append(Pattern.quote(String.valueOf(c))).append(fold);
    }
    regex.append("[JSPD]").append(fold).append('-').append(fold);
    regex.append(("\\d" + fold).repeat(10)).append('-');
    regex.append((fold + "x").repeat(21));
    return Pattern.compile(regex.toString());
  }
}
