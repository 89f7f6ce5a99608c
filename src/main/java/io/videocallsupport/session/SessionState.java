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
  COMPLETED
}
