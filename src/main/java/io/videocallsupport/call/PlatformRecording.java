package io.videocallsupport.call;

/** A recording (or recording file set) as the platform knows it. */
public record PlatformRecording(String platform, String meetingId, String recordingId, String downloadUrl) {
}
