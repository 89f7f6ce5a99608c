package io.videocallsupport.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Engine queries the application asks for itself, such as "is this user an agent" or "does this
 * process still run", while a user's request or start is in progress. Camunda filters queries by
 * the authorizations of the authenticated user; these questions must not depend on what the
 * caller may read.
 */
public final class ApplicationQueries {

  public static <T> T unrestricted(IdentityService identity, Supplier<T> query) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      return query.get();
    }
    identity.clearAuthentication();
    try {
      return query.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }

  private ApplicationQueries() {
  }
}
