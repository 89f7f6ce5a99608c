package io.videocallsupport.system;

import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;

/** Binds a record's components as named SQL parameters, enums by their name. */
public class RecordParameters extends SimplePropertySqlParameterSource {

  public RecordParameters(Object record) {
    super(record);
  }

  @Override
  public Object getValue(String paramName) {
    Object value = super.getValue(paramName);
    return value instanceof Enum<?> e ? e.name() : value;
  }
}
