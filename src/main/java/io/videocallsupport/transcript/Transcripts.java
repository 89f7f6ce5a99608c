package io.videocallsupport.transcript;

import io.videocallsupport.system.TaskTextLimit;
import io.videocallsupport.system.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call transcripts, kept whole in the application's table {@code call_transcript}: recording
 * content is personal data that must be erasable, and a real call's transcript is far longer than
 * the 4,000 characters a process variable holds. The process gets only an excerpt for the agent's
 * summary form, which says where the whole text is. A transcript longer than the stated maximum
 * ({@code vcs.transcript.max-chars}) is cut there, and the excerpt says so.
 */
@Service
@Transactional
public class Transcripts {

  /** A stored transcript; {@code originalChars} is the length before any cut at the maximum. */
  public record Transcript(UUID sessionId, String source, String content, long originalChars, boolean truncated,
                           OffsetDateTime createdAt) {
  }

  /** Room left in a process variable for the note that follows the excerpt. */
  private static final int NOTE_ROOM = 500;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final String publicUrl;
  private final int maxChars;
  private final int excerptChars;

  Transcripts(JdbcClient jdbc, Clock clock, @Value("${vcs.public-url}") String publicUrl,
              @Value("${vcs.transcript.max-chars:2000000}") int maxChars,
              @Value("${vcs.transcript.excerpt-chars:3000}") int excerptChars) {
    if (excerptChars < 1 || excerptChars > TaskTextLimit.MAX_CHARS - NOTE_ROOM) {
      throw new IllegalArgumentException("vcs.transcript.excerpt-chars must be between 1 and "
          + (TaskTextLimit.MAX_CHARS - NOTE_ROOM) + " (a process variable holds " + TaskTextLimit.MAX_CHARS
          + " characters): " + excerptChars);
    }
    this.jdbc = jdbc;
    this.clock = clock;
    this.publicUrl = publicUrl;
    this.maxChars = maxChars;
    this.excerptChars = excerptChars;
  }

  /**
   * Stores the session's transcript, replacing an earlier one (the platform may report a better one
   * later), and returns the excerpt for the summary form.
   */
  public String keep(UUID sessionId, String source, String text) {
    boolean truncated = text.length() > maxChars;
    String content = truncated ? text.substring(0, maxChars) : text;
    OffsetDateTime now = Timestamps.now(clock);
    int updated = jdbc.sql("UPDATE call_transcript SET source = :source, content = :content, "
            + "original_chars = :originalChars, truncated = :truncated, updated_at = :now WHERE session_id = :sessionId")
        .param("source", source).param("content", content).param("originalChars", (long) text.length())
        .param("truncated", truncated).param("now", now).param("sessionId", sessionId)
        .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO call_transcript (session_id, source, content, original_chars, truncated, created_at, "
              + "updated_at) VALUES (:sessionId, :source, :content, :originalChars, :truncated, :now, :now)")
          .param("sessionId", sessionId).param("source", source).param("content", content)
          .param("originalChars", (long) text.length()).param("truncated", truncated).param("now", now)
          .update();
    }
    return excerpt(new Transcript(sessionId, source, content, text.length(), truncated, now));
  }

  @Transactional(readOnly = true)
  public Optional<Transcript> find(UUID sessionId) {
    return jdbc.sql("SELECT session_id, source, content, original_chars, truncated, created_at FROM call_transcript "
            + "WHERE session_id = :sessionId")
        .param("sessionId", sessionId)
        .query((rs, row) -> new Transcript(rs.getObject("session_id", UUID.class), rs.getString("source"),
            rs.getString("content"), rs.getLong("original_chars"), rs.getBoolean("truncated"),
            rs.getObject("created_at", OffsetDateTime.class)))
        .optional();
  }

  /** Deletes the session's transcript with its recording (retention, erasure); returns whether there was one. */
  public boolean delete(UUID sessionId) {
    return jdbc.sql("DELETE FROM call_transcript WHERE session_id = :sessionId").param("sessionId", sessionId)
        .update() > 0;
  }

  /** The path under which the agent reads the whole transcript. */
  public static String path(UUID sessionId) {
    return "/api/sessions/" + sessionId + "/transcript";
  }

  /**
   * The transcript as the summary form shows it: whole when it is short, otherwise its beginning
   * (cut after a line) and a note with the full length and where the whole text is.
   */
  String excerpt(Transcript transcript) {
    String content = transcript.content();
    if (!transcript.truncated() && content.length() <= excerptChars) {
      return content;
    }
    String beginning = content.substring(0, Math.min(excerptChars, content.length()));
    int lastLineEnd = beginning.lastIndexOf('\n');
    if (content.length() > excerptChars && lastLineEnd > excerptChars / 2) {
      beginning = beginning.substring(0, lastLineEnd);
    }
    StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
        "%n%n[Excerpt: the first %,d of %,d characters.", beginning.length(), transcript.originalChars()));
    if (transcript.truncated()) {
      note.append(String.format(Locale.ROOT, " Only the first %,d characters were kept (the maximum).", maxChars));
    }
    note.append(" The whole transcript: ").append(publicUrl).append(path(transcript.sessionId())).append(']');
    return beginning + note;
  }
}
