package io.videocallsupport.system;

import io.holunda.camunda.bpm.data.adapter.WrongVariableTypeException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;

/**
 * The engine REST API ({@code /engine-rest}) answers 500 when a request carries a value longer than
 * its database column (a business key or variable name over 255 characters, a String variable over
 * 4000, a ticket id over the application's 100), or a variable of the wrong type for the process's
 * start: the client's input, not a server fault. These mappers answer 400 in Camunda's error format
 * instead; the transaction was rolled back, so nothing was changed. Every other error keeps
 * Camunda's own answer ({@code isMappable} is false, and Camunda's mappers take it). A chunked body
 * that went past its limit while Camunda read it ({@link RequestBodyLimitFilter}) is a 413.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestInputErrors {

  /** Camunda's code for "the value does not fit its column" (BuiltinExceptionCode.COLUMN_SIZE_TOO_SMALL). */
  static final int COLUMN_SIZE_TOO_SMALL = 10_002;
  /** SQL's "string data, right truncation", from H2 and PostgreSQL alike. */
  private static final String VALUE_TOO_LONG = "22001";
  /** Ahead of Camunda's mappers of the same type (lower value, higher priority). */
  private static final int FIRST = 1;

  @Bean
  ResourceConfigCustomizer engineRestInputErrorMappers() {
    return config -> config.register(RestExceptions.class).register(EngineExceptions.class)
        .register(DataExceptions.class).register(WrongTypes.class).register(TooLarge.class);
  }

  /** Why the request is the client's fault, or null when it is not known to be. */
  static String clientFault(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof ProcessEngineException engine && engine.getCode() == COLUMN_SIZE_TOO_SMALL
          || e instanceof SQLException sql && VALUE_TOO_LONG.equals(sql.getSQLState())) {
        return "A value is longer than its field allows (business keys and variable names: 255 characters, "
            + "String variables: 4000, use a Json variable for longer text); nothing was changed.";
      }
      if (e instanceof WrongVariableTypeException) {
        return "A variable has the wrong type for this process (" + e.getMessage() + "); nothing was changed.";
      }
    }
    return null;
  }

  static Response badRequest(Throwable error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", clientFault(error));
    body.put("code", null);
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  @Priority(FIRST)
  static final class RestExceptions implements ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException e) {
      return clientFault(e) != null;
    }

    @Override
    public Response toResponse(RestException e) {
      return badRequest(e);
    }
  }

  @Priority(FIRST)
  static final class EngineExceptions implements ExtendedExceptionMapper<ProcessEngineException> {
    @Override
    public boolean isMappable(ProcessEngineException e) {
      return clientFault(e) != null;
    }

    @Override
    public Response toResponse(ProcessEngineException e) {
      return badRequest(e);
    }
  }

  /** The application's own tables, written by a delegate that runs in the request (e.g. a session's registration). */
  @Priority(FIRST)
  static final class DataExceptions implements ExtendedExceptionMapper<DataAccessException> {
    @Override
    public boolean isMappable(DataAccessException e) {
      return clientFault(e) != null;
    }

    @Override
    public Response toResponse(DataAccessException e) {
      return badRequest(e);
    }
  }

  static final class TooLarge implements ExceptionMapper<BodyTooLargeException> {
    @Override
    public Response toResponse(BodyTooLargeException e) {
      return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("error", "request body too large", "maxBytes", e.limit())).build();
    }
  }

  @Priority(FIRST)
  static final class WrongTypes implements ExtendedExceptionMapper<WrongVariableTypeException> {
    @Override
    public boolean isMappable(WrongVariableTypeException e) {
      return true;
    }

    @Override
    public Response toResponse(WrongVariableTypeException e) {
      return badRequest(e);
    }
  }
}
