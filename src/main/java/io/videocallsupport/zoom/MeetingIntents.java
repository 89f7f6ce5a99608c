package io.videocallsupport.zoom;

import io.videocallsupport.system.Timestamps;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intent to create a meeting, stored in a transaction of its own before Zoom is called: a
 * job that created a meeting and then failed leaves the intent behind, and its retry reconciles
 * with Zoom instead of creating another.
 */
@Component
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = ZoomVideoPlatform.NAME)
class MeetingIntents {

  private final JdbcClient jdbc;
  private final Clock clock;

  MeetingIntents(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The host user of an earlier attempt with this key, if there was one. */
  @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
  public Optional<String> earlierAttempt(String intentKey) {
    return jdbc.sql("SELECT host_user FROM meeting_intent WHERE intent_key = :key")
        .param("key", intentKey).query(String.class).optional();
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String intentKey, UUID sessionId, String hostUser) {
    jdbc.sql("INSERT INTO meeting_intent (intent_key, session_id, platform, host_user, created_at) "
            + "VALUES (:key, :sessionId, 'zoom', :host, :now)")
        .param("key", intentKey).param("sessionId", sessionId).param("host", hostUser)
        .param("now", Timestamps.now(clock)).update();
  }
}
