package io.videocallsupport.call;

/**
 * Names of the BPMN messages by which a video platform reports what happens in a call.
 * Zoom, Twilio Video, the built-in room and the agent's own task outcomes (manual link)
 * all deliver the same messages, so the processes never change with the platform.
 */
public final class PlatformEvents {

  /** The customer is in the meeting. Caught by "Wait for customer to join". */
  public static final String CUSTOMER_JOINED = "CustomerJoined";
  /** The customer left the running call unexpectedly. Caught by "Conduct video call". */
  public static final String CALL_DROPPED = "CallDropped";
  /** The platform ended the meeting. Caught by "Conduct video call". */
  public static final String CALL_ENDED = "CallEnded";
  /** A recording is finished and can be fetched; starts "Recording retention". */
  public static final String RECORDING_READY = "RecordingReady";
  /** A transcript is available; caught while the agent writes the summary. */
  public static final String TRANSCRIPT_READY = "TranscriptReady";

  private PlatformEvents() {
  }
}
