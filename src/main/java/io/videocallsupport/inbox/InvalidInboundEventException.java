package io.videocallsupport.inbox;

/**
 * An inbound event (webhook, status callback) with a field missing, too long or not in the
 * vendor's documented shape: answered 400 ({@link InboundEventErrors}), nothing stored.
 */
public class InvalidInboundEventException extends RuntimeException {

  private final String field;

  public InvalidInboundEventException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
