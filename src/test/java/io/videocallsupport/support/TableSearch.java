package io.videocallsupport.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Searches every column of every table in the application's schema (its own tables, Flyway's and
 * Camunda's {@code ACT_*}, byte arrays included) for text, the way someone with a database dump
 * would. Reads whole tables: for test databases only.
 */
public final class TableSearch {

  private TableSearch() {
  }

  /** {@code table.column} for every value that contains one of {@code needles}, in tables whose name starts with {@code prefix}. */
  public static List<String> whereFound(DataSource dataSource, String prefix, String... needles) {
    List<String> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      if (tables.isEmpty()) {
        throw new AssertionError("No tables found in schema " + connection.getSchema());
      }
      for (String table : tables) {
        if (!table.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
          continue;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
          ResultSetMetaData columns = rows.getMetaData();
          while (rows.next()) {
            for (int i = 1; i <= columns.getColumnCount(); i++) {
              String text = asText(rows.getObject(i));
              for (String needle : needles) {
                if (text != null && text.contains(needle)) {
                  found.add(table + "." + columns.getColumnName(i) + " holds " + needle);
                }
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  private static String asText(Object value) throws SQLException {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Blob blob) {
      return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
    }
    if (value instanceof Clob clob) {
      try (Reader reader = clob.getCharacterStream()) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) > 0; ) {
          text.append(buffer, 0, n);
        }
        return text.toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return value.toString();
  }
}
