package io.videocallsupport.system;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps a row to a record whose components are the columns in snake case ({@code ticketId} is
 * {@code ticket_id}), finding each column in the result's metadata. The counterpart of
 * {@link RecordParameters}; use it instead of {@code JdbcClient.query(SomeRecord.class)}.
 *
 * <p>Why not Spring's own mapper: it first asks the driver for the camel-case name and falls back to
 * snake case when the driver throws. H2 writes every such exception with its stack trace to the
 * database's trace file ({@code *.trace.db}): about 60 KB per inbox event, 121 MB after 2,100 events.
 */
public final class RecordRows<T extends Record> implements RowMapper<T> {

  private final Class<T> type;
  private final Constructor<T> constructor;
  private final String[] columns;
  private final TypeDescriptor[] types;
  private final ConversionService conversion = DefaultConversionService.getSharedInstance();

  private RecordRows(Class<T> type) {
    this.type = type;
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      this.constructor = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("A record always has its canonical constructor: " + type, e);
    }
    this.columns = Arrays.stream(components)
        .map(c -> JdbcUtils.convertPropertyNameToUnderscoreName(c.getName()))
        .toArray(String[]::new);
    this.types = new TypeDescriptor[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
    }
  }

  /** The mapper for one record type; keep it in a constant, it is thread-safe. */
  public static <T extends Record> RecordRows<T> of(Class<T> type) {
    return new RecordRows<>(type);
  }

  @Override
  public T mapRow(ResultSet rs, int rowNum) throws SQLException {
    Map<String, Integer> indexes = columnIndexes(rs.getMetaData());
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      Integer index = indexes.get(columns[i]);
      if (index == null) {
        throw new InvalidDataAccessApiUsageException("The query for " + type.getSimpleName() + " has no column "
            + columns[i] + "; it has " + indexes.keySet());
      }
      values[i] = conversion.convert(JdbcUtils.getResultSetValue(rs, index, types[i].getType()), types[i]);
    }
    return BeanUtils.instantiateClass(constructor, values);
  }

  private static Map<String, Integer> columnIndexes(ResultSetMetaData meta) throws SQLException {
    Map<String, Integer> indexes = new HashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      indexes.putIfAbsent(JdbcUtils.lookupColumnName(meta, i).toLowerCase(Locale.ROOT), i);
    }
    return indexes;
  }
}
