package io.videocallsupport.call;

import java.util.List;
import java.util.Optional;

/**
 * Port to the platform the call runs on. Adapters: the manual link (embedded default), Zoom,
 * Twilio Video and the built-in browser room. Which one runs is configuration
 * ({@code vcs.video.platform}). Events from the platform reach the processes as the messages in
 * {@link PlatformEvents}.
 */
public interface VideoPlatform {

  /** The name stored with each meeting, e.g. "manual" or "zoom". */
  String name();

  /**
   * Creates the meeting for a session, or returns the one already created for it: a retried job
   * must never create a second meeting.
   */
  Meeting createMeeting(MeetingRequest request);

  /** Ends the meeting for everyone; a meeting that has already ended is not an error. */
  void endMeeting(Meeting meeting);

  /** Cancels a meeting that never took place (the customer did not come); by default it is ended. */
  default void cancelMeeting(Meeting meeting) {
    endMeeting(meeting);
  }

  /** Starts recording; returns false where the platform cannot be controlled by the application. */
  boolean startRecording(Meeting meeting);

  /** Stops recording; returns false where the platform cannot be controlled by the application. */
  boolean stopRecording(Meeting meeting);

  List<PlatformRecording> recordings(Meeting meeting);

  void deleteRecording(PlatformRecording recording);

  /** The call's transcript as plain text, where the platform makes one. */
  Optional<String> transcript(Meeting meeting);
}
