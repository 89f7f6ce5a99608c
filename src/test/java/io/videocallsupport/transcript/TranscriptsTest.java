package io.videocallsupport.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The stated maximum and the excerpt, on the application's own migrations (H2), without the engine. */
class TranscriptsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
  private static JdbcClient jdbc;

  @BeforeAll
  static void database() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:transcripts-test;DB_CLOSE_DELAY=-1",
        "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(dataSource);
  }

  @Test
  void aTranscriptOverTheMaximumIsCutThereAndTheExcerptSaysSo() {
    Transcripts transcripts = new Transcripts(jdbc, CLOCK, "https://support.example.com", 1_000, 100);
    UUID session = UUID.randomUUID();
    String text = ("Anna Agent: please restart the router.\n").repeat(50);

    String excerpt = transcripts.keep(session, "zoom", text);

    Transcripts.Transcript stored = transcripts.find(session).orElseThrow();
    assertThat(stored.content()).isEqualTo(text.substring(0, 1_000));
    assertThat(stored.truncated()).isTrue();
    assertThat(stored.originalChars()).isEqualTo(text.length());
    assertThat(excerpt).startsWith("Anna Agent: please restart the router.\nAnna Agent: please restart the router.\n\n[")
        .contains("of 1,950 characters").contains("Only the first 1,000 characters were kept")
        .endsWith("https://support.example.com/api/sessions/" + session + "/transcript]");
  }

  @Test
  void aLaterTranscriptReplacesTheEarlierOneAndDeletionRemovesIt() {
    Transcripts transcripts = new Transcripts(jdbc, CLOCK, "https://support.example.com", 1_000, 100);
    UUID session = UUID.randomUUID();
    assertThat(transcripts.keep(session, "zoom", "short")).as("a short one is shown whole").isEqualTo("short");
    transcripts.keep(session, "zoom", "shorter");

    assertThat(transcripts.find(session).orElseThrow().content()).isEqualTo("shorter");
    assertThat(transcripts.delete(session)).isTrue();
    assertThat(transcripts.find(session)).isEmpty();
    assertThat(transcripts.delete(session)).isFalse();
  }

  @Test
  void anExcerptThatWouldNotFitAProcessVariableIsRefusedAtStart() {
    assertThatThrownBy(() -> new Transcripts(jdbc, CLOCK, "https://support.example.com", 1_000, 3_900))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("excerpt-chars");
  }
}
