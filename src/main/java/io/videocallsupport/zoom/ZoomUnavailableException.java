package io.videocallsupport.zoom;

/** Zoom failed or did not answer; the job retries with backoff and then shows this message as an incident. */
public class ZoomUnavailableException extends RuntimeException {

  public ZoomUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
