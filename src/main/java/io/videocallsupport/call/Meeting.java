package io.videocallsupport.call;

/** A meeting on a video platform. Customers only ever receive {@code customerJoinUrl}. */
public record Meeting(String platform, String meetingId, String customerJoinUrl, String hostJoinUrl) {
}
