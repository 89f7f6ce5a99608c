package io.videocallsupport.session;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A refused session start is the caller's mistake (invalid fields, a ticket with an open session)
 * and is answered with 400 or 409. Camunda logs every exception that ends a command, other than its
 * own, as ERROR with a stack trace ("ENGINE-16004"); for refused starts that is noise that would
 * hide real errors, so those two are dropped here and nothing else.
 */
@Component
class RefusedStartLogFilter extends TurboFilter {

  private static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  RefusedStartLogFilter() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      setName("refused-session-starts");
      start();
      logback.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.ERROR || logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    if (isRefusal(t)) {
      return FilterReply.DENY;
    }
    if (params != null) {
      for (Object param : params) {
        if (param instanceof Throwable thrown && isRefusal(thrown)) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean isRefusal(Throwable t) {
    return t instanceof InvalidSessionStartException || t instanceof SessionAlreadyOpenException;
  }
}
