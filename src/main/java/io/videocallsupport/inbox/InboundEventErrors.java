package io.videocallsupport.inbox;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A webhook or callback with a malformed field: 400 with a short JSON reason; nothing was stored. */
@RestControllerAdvice(basePackages = "io.videocallsupport")
class InboundEventErrors {

  private static final Logger LOG = LoggerFactory.getLogger(InboundEventErrors.class);

  @ExceptionHandler(InvalidInboundEventException.class)
  ResponseEntity<Map<String, String>> invalid(InvalidInboundEventException e) {
    LOG.warn("Refused an inbound event: {}", e.getMessage());
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage(), "field", e.field()));
  }
}
