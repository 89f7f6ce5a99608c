package io.videocallsupport.session;

/** Where a session stands, as the help desk and the session API show it. */
public enum SessionState {
  REQUESTED,
  NO_VIDEO,
  DECLINED,
  PREPARING,
  INVITED,
  IN_CALL,
  CALL_ENDED,
  COMPLETED;

  /** An open session holds its ticket: no second session starts for it until this one has ended. */
  public boolean isOpen() {
    return this != NO_VIDEO && this != DECLINED && this != COMPLETED;
  }
}
