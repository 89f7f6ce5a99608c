package io.videocallsupport.messaging;

/** What a transport says about a message it took: who took it, its id there, and the status. */
public record Delivery(String provider, String providerMessageId, OutboxStatus status) {

  public static Delivery keptInOutbox() {
    return new Delivery("outbox", null, OutboxStatus.STORED);
  }
}
