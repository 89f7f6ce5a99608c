package io.videocallsupport.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rows become records through {@link RecordRows}, never through {@code JdbcClient.query(SomeRecord.class)}:
 * Spring's record mapper makes H2 write a stack trace to its trace file for every column it maps.
 */
class RecordRowsUsageTest {

  private static final Pattern CLASS_QUERY = Pattern.compile("\\.query\\((\\w+)\\.class\\)");
  private static final Set<String> SINGLE_COLUMN_TYPES = Set.of("Integer", "Long", "String", "Boolean", "UUID",
      "OffsetDateTime", "Instant", "BigDecimal", "Double", "Timestamp");

  @Test
  void noRecordIsMappedBySpringsRecordMapper() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.endsWith("RecordRows.java")).toList()) { // its Javadoc names what it replaces
        Matcher matcher = CLASS_QUERY.matcher(Files.readString(source));
        while (matcher.find()) {
          if (!SINGLE_COLUMN_TYPES.contains(matcher.group(1))) {
            offenders.add(source + ": " + matcher.group());
          }
        }
      }
    }
    assertThat(offenders).as("use RecordRows.of(...) for these").isEmpty();
  }
}
