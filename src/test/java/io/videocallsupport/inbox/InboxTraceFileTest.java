package io.videocallsupport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.inbox.InboxEvent.InboxStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The inbox on an H2 file database, as the application's default runs it: reading events must not
 * make H2 write anything to its trace file. It did, a stack trace per column and row (about 60 KB per
 * inbox event), because Spring's record mapper asks for {@code dedupeKey} before {@code dedupe_key}.
 */
class InboxTraceFileTest {

  @TempDir Path dir;

  @Test
  void readingEventsWritesNoTraceFile() throws IOException {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(
        "jdbc:h2:file:" + dir.resolve("inbox").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).table("vcs_schema_history").load().migrate();
    Inbox inbox = new Inbox(JdbcClient.create(dataSource),
        Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));

    assertThat(inbox.accept("zoom", "meeting.participant_joined|uuid-1==|p-guest|1", "meeting.participant_joined",
        "{}")).isTrue();
    assertThat(inbox.accept("zoom", "meeting.participant_left|uuid-1==|p-guest|2", "meeting.participant_left",
        "{}")).isTrue();

    List<InboxEvent> due = inbox.due(10);
    assertThat(due).extracting(InboxEvent::dedupeKey).containsExactlyInAnyOrder(
        "meeting.participant_joined|uuid-1==|p-guest|1", "meeting.participant_left|uuid-1==|p-guest|2");
    assertThat(due).allSatisfy(event -> {
      assertThat(event.status()).isEqualTo(InboxStatus.PENDING);
      assertThat(event.receivedAt().toInstant()).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
      assertThat(event.processedAt()).isNull();
    });
    assertThat(inbox.hasLaterKey("zoom", "meeting.participant_joined|uuid-1==|p-guest|", 0)).isTrue();
    assertThat(inbox.bySource("zoom")).hasSize(2);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("inbox.mv.db");
    }
  }
}
