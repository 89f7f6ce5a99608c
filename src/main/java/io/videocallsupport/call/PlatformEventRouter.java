package io.videocallsupport.call;

import io.videocallsupport.inbox.InboxHandler.Outcome;
import io.videocallsupport.retention.RecordingRepository;
import io.videocallsupport.retention.RecordingRetention;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.VideoSession;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Delivers what a video platform reports to the session's process, for every platform alike. The
 * session is found by the platform's meeting id in the application's own table, and the message
 * is correlated by process instance id. An event the process does not wait for yet comes back as
 * "not yet" (the inbox tries again); one for a session that has moved on is ignored.
 */
@Component
public class PlatformEventRouter {

  private final SessionRepository sessions;
  private final SessionService sessionService;
  private final RecordingRepository recordings;
  private final RuntimeService runtime;

  PlatformEventRouter(SessionRepository sessions, SessionService sessionService, RecordingRepository recordings,
                      RuntimeService runtime) {
    this.sessions = sessions;
    this.sessionService = sessionService;
    this.recordings = recordings;
    this.runtime = runtime;
  }

  public Optional<VideoSession> session(String platform, String meetingId) {
    return sessions.findByMeeting(platform, meetingId);
  }

  /** Correlates one of {@link PlatformEvents}' call messages to the session's process. */
  public Outcome deliver(String platform, String meetingId, String message, Map<String, Object> variables) {
    Optional<VideoSession> found = session(platform, meetingId);
    if (found.isEmpty()) {
      return Outcome.unmatched("No session has " + platform + " meeting " + meetingId);
    }
    VideoSession session = found.get();
    if (PlatformEvents.CUSTOMER_JOINED.equals(message)) {
      sessionService.recordCustomerJoined(session.id());
    }
    String processInstanceId = session.processInstanceId();
    if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      return Outcome.ignored("Session " + session.id() + " has ended");
    }
    if (runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId).eventType("message")
        .eventName(message).count() == 0) {
      return Outcome.notYet("Session " + session.id() + " does not wait for " + message + " now");
    }
    runtime.createMessageCorrelation(message).processInstanceId(processInstanceId).setVariables(variables)
        .correlateWithResult();
    return Outcome.done(message + " delivered to session " + session.id());
  }

  /** Starts the recording's retention once; a redelivered recording changes nothing. */
  public Outcome recordingReady(String platform, String meetingId, String platformRecordingId, String storageRef) {
    Optional<VideoSession> found = session(platform, meetingId);
    if (found.isEmpty()) {
      return Outcome.unmatched("No session has " + platform + " meeting " + meetingId);
    }
    if (recordings.findByPlatformId(platform, platformRecordingId).isPresent()) {
      return Outcome.ignored("Recording " + platformRecordingId + " is registered already");
    }
    VideoSession session = found.get();
    runtime.createMessageCorrelation(PlatformEvents.RECORDING_READY)
        .processInstanceBusinessKey(session.ticketId())
        .setVariable(RecordingRetention.Variables.SESSION_ID.getName(), session.id().toString())
        .setVariable(RecordingRetention.Variables.PLATFORM.getName(), platform)
        .setVariable(RecordingRetention.Variables.PLATFORM_RECORDING_ID.getName(), platformRecordingId)
        .setVariable(RecordingRetention.Variables.STORAGE_REF.getName(), storageRef)
        .correlateStartMessage();
    return Outcome.done("Retention started for recording " + platformRecordingId);
  }
}
