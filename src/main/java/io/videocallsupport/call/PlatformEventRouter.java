package io.videocallsupport.call;

import io.videocallsupport.inbox.InboxHandler.Outcome;
import io.videocallsupport.retention.RecordingRepository;
import io.videocallsupport.retention.RecordingRetention;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.SessionVariables;
import io.videocallsupport.session.VideoSession;
import java.util.Map;
import java.util.Optional;
import io.videocallsupport.session.VideoSupportSession;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
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

  /**
   * Whether the session's process is inside its "Video call" sub-process: a customer who joins
   * then is back after a drop, which the process does not wait for.
   */
  public boolean inCall(VideoSession session) {
    if (session.processInstanceId() == null) {
      return false;
    }
    ActivityInstance tree = runtime.getActivityInstance(session.processInstanceId());
    return tree != null && contains(tree, VideoSupportSession.Elements.VIDEO_CALL);
  }

  private static boolean contains(ActivityInstance instance, String activityId) {
    if (activityId.equals(instance.getActivityId())) {
      return true;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      if (contains(child, activityId)) {
        return true;
      }
    }
    return false;
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
      return passed(session, message)
          ? Outcome.ignored("Session " + session.id() + " is past the point where " + message + " matters")
          : Outcome.notYet("Session " + session.id() + " does not wait for " + message + " yet");
    }
    if (PlatformEvents.CALL_ENDED.equals(message)) {
      sessionService.recordCallEndedOnPlatform(session.id());
    }
    runtime.createMessageCorrelation(message).processInstanceId(processInstanceId).setVariables(variables)
        .correlateWithResult();
    return Outcome.done(message + " delivered to session " + session.id());
  }

  /**
   * Whether the session has moved past the step that catches the message, so that a late or
   * repeated event changes nothing: a join once the call runs (the customer rejoined), a drop or
   * an end once the call is over, a transcript once the summary is written.
   */
  private static boolean passed(VideoSession session, String message) {
    SessionState state = session.state();
    return switch (message) {
      case PlatformEvents.CUSTOMER_JOINED -> state == SessionState.IN_CALL || afterCall(state);
      case PlatformEvents.CALL_DROPPED, PlatformEvents.CALL_ENDED -> afterCall(state) || beforeCall(state);
      case PlatformEvents.TRANSCRIPT_READY -> state == SessionState.COMPLETED;
      default -> false;
    };
  }

  private static boolean afterCall(SessionState state) {
    return state == SessionState.CALL_ENDED || state == SessionState.COMPLETED;
  }

  private static boolean beforeCall(SessionState state) {
    return state == SessionState.REQUESTED || state == SessionState.PREPARING || state == SessionState.INVITED
        || state == SessionState.NO_VIDEO
        || state == SessionState.DECLINED;
  }

  /**
   * The recording was stopped in the call itself (the agent marked sensitive data on screen): the
   * process learns that nothing records any more, so that asking for consent again can start it.
   */
  public void recordingStoppedInCall(VideoSession session) {
    String processInstanceId = session.processInstanceId();
    if (processInstanceId != null
        && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
      SessionVariables.RECORDING_ACTIVE.on(runtime, processInstanceId).set(false);
    }
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
