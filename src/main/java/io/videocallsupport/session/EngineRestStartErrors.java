package io.videocallsupport.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Answers a refused session start on Camunda's REST APIs as the session API does: 400 for invalid
 * fields, 409 for a ticket that already has an open session. Without this, engine-rest answers 500
 * for any exception a process start throws. The body has Camunda's error shape ({@code type},
 * {@code message}), so Tasklist's start dialog shows the message; a 400 also lists the fields.
 *
 * <p>Registered as a Jersey auto-discoverable (META-INF/services) so that it applies to every
 * Camunda JAX-RS application: {@code /engine-rest} and the webapps' engine API under
 * {@code /camunda/api/engine}, which Tasklist's start dialog calls.
 */
public class EngineRestStartErrors implements AutoDiscoverable {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(InvalidStart.class)) {
      context.register(InvalidStart.class);
      context.register(TicketHasOpenSession.class);
    }
  }

  public static class InvalidStart implements ExceptionMapper<InvalidSessionStartException> {
    @Override
    public Response toResponse(InvalidSessionStartException e) {
      Map<String, Object> body = error(InvalidSessionStartException.class, e.getMessage());
      body.put("errors", e.problems().stream()
          .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
      return response(Response.Status.BAD_REQUEST, body);
    }
  }

  public static class TicketHasOpenSession implements ExceptionMapper<SessionAlreadyOpenException> {
    @Override
    public Response toResponse(SessionAlreadyOpenException e) {
      return response(Response.Status.CONFLICT, error(SessionAlreadyOpenException.class, e.getMessage()));
    }
  }

  private static Map<String, Object> error(Class<?> type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.getSimpleName());
    body.put("message", message);
    return body;
  }

  private static Response response(Response.Status status, Map<String, Object> body) {
    try {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(JSON.writeValueAsString(body))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
