package io.videocallsupport.session;

import java.util.UUID;

public class SessionNotFoundException extends RuntimeException {

  public SessionNotFoundException(UUID id) {
    super("No video session with id " + id);
  }
}
