package io.videocallsupport.invitation;

/** The customer's email or mobile number cannot be used; the message says what to fix. */
public class InvalidContactDetailsException extends RuntimeException {

  public InvalidContactDetailsException(String message) {
    super(message);
  }
}
