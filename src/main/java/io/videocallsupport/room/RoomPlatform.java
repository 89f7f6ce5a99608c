package io.videocallsupport.room;

import io.videocallsupport.call.Meeting;
import io.videocallsupport.call.MeetingRequest;
import io.videocallsupport.call.PlatformRecording;
import io.videocallsupport.call.VideoPlatform;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The built-in browser room: WebRTC between the agent and up to five more participants, signaled
 * over the application's WebSocket ({@link RoomSignalingHandler}). The customer reaches it through
 * the join page; the agent through the host link, which needs the agent's login. Recording runs in
 * the agent's browser and is uploaded to the application, so the recordings are local files.
 */
@Component
@ConditionalOnRoomPlatform
public class RoomPlatform implements VideoPlatform {

  public static final String NAME = "room";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Rooms rooms;
  private final String publicUrl;

  RoomPlatform(Rooms rooms, @Value("${vcs.public-url}") String publicUrl) {
    this.rooms = rooms;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** A room id with 128 random bits; a rescheduled call keeps its room. */
  @Override
  public Meeting createMeeting(MeetingRequest request) {
    String meetingId = request.existingMeetingId() != null ? request.existingMeetingId() : newRoomId();
    rooms.reopen(meetingId);
    return new Meeting(NAME, meetingId, publicUrl + "/room", hostLink(publicUrl, meetingId));
  }

  static String hostLink(String publicUrl, String meetingId) {
    return publicUrl + "/room/host/" + meetingId;
  }

  static String newRoomId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "room-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Ends the call for everyone; the process already knows, so no event is reported back. */
  @Override
  public void endMeeting(Meeting meeting) {
    rooms.end(meeting.meetingId(), false);
  }

  @Override
  public boolean startRecording(Meeting meeting) {
    rooms.requestRecording(meeting.meetingId(), true);
    return true;
  }

  @Override
  public boolean stopRecording(Meeting meeting) {
    rooms.requestRecording(meeting.meetingId(), false);
    return true;
  }

  /** Recordings are uploaded as they finish and reported one by one; nothing to list on a platform. */
  @Override
  public List<PlatformRecording> recordings(Meeting meeting) {
    return List.of();
  }

  /** The recording's only copy is the local file, which the retention deletes itself. */
  @Override
  public void deleteRecording(PlatformRecording recording) {
    // nothing held outside the application
  }

  @Override
  public Optional<String> transcript(Meeting meeting) {
    return Optional.empty();
  }
}
