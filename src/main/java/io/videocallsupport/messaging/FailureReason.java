package io.videocallsupport.messaging;

/** Why a provider refused a message for good. Sending the same message again cannot succeed. */
public enum FailureReason {
  /** Not a valid phone number (Twilio 21211). */
  INVALID_NUMBER,
  /** A landline or another number that cannot receive SMS (Twilio 21614). */
  NOT_MOBILE,
  /** The account may not send to that country (Twilio 21408: geo permissions). */
  REGION_NOT_ENABLED,
  /** The customer replied STOP to our sender (Twilio 21610). */
  OPTED_OUT,
  /** The mail server refused the address (SMTP 5xx on the recipient). */
  INVALID_ADDRESS,
  /** Accepted, then reported undeliverable by the provider (a status callback). */
  UNDELIVERED,
  /** Refused for another permanent reason; the error text says which. */
  REJECTED;

  /** The agent can fix this by correcting the address or number. */
  public boolean contactDetailsWrong() {
    return this == INVALID_NUMBER || this == NOT_MOBILE || this == INVALID_ADDRESS;
  }
}
