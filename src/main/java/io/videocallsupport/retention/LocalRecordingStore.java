package io.videocallsupport.retention;

/** Recordings the application holds itself are referenced as {@code local:<file name>} in the recording store. */
final class LocalRecordingStore {

  static final String SCHEME = "local:";

  private LocalRecordingStore() {
  }
}
