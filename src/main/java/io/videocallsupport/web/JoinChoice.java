package io.videocallsupport.web;

/** What a customer chooses on the join page. */
public enum JoinChoice {
  /** Join with camera and microphone. */
  VIDEO("video"),
  /** Join with the microphone only: no camera, and no video received (poor networks). */
  AUDIO_ONLY("audio"),
  /** Join without a camera and share the screen. */
  SCREEN_SHARE_ONLY("screen"),
  /** Rather be called back on the phone. */
  PHONE(null),
  /** Not take part in the video call. */
  DECLINE(null);

  private final String roomMode;

  JoinChoice(String roomMode) {
    this.roomMode = roomMode;
  }

  /** The mode the built-in room starts in, or null when the choice does not join the call. */
  public String roomMode() {
    return roomMode;
  }

  public boolean joinsTheCall() {
    return roomMode != null;
  }
}
