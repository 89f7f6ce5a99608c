package io.videocallsupport.twilio;

import com.twilio.rest.video.v1.Composition;
import com.twilio.rest.video.v1.Recording;
import io.videocallsupport.call.Meeting;
import io.videocallsupport.call.MeetingRequest;
import io.videocallsupport.call.PlatformRecording;
import io.videocallsupport.call.VideoPlatform;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio Video as the video platform: a group room per session for at most six participants, which
 * records nothing until the customer's consent is on record and then everyone. The customer and
 * the agent join in the browser on the application's own call page ({@code /video}), which loads
 * twilio-video.js with an access token for the room.
 *
 * <p>A Twilio room exists only while it is used: it closes when it has been empty for a few
 * minutes, and a name addresses only the open room. So the session's meeting is a <em>room
 * name</em> ({@code vcs-<session id>}); a call that starts now gets its room at once, a scheduled
 * one when the first person opens the call page, and after a room closed (everyone dropped), the
 * next visit opens a new one with the same name and the same recording rule. A recording is the
 * set of track recordings of one room, named by the room's SID.
 */
public class TwilioVideoPlatform implements VideoPlatform {

  public static final String NAME = "twilio";
  /** DESIGN: a call has the agent, the customer and at most four more (specialists). */
  static final int MAX_PARTICIPANTS = 6;
  private static final Logger LOG = LoggerFactory.getLogger(TwilioVideoPlatform.class);

  private final TwilioRooms rooms;
  private final TwilioRoomSettings settings;
  private final String publicUrl;

  TwilioVideoPlatform(TwilioRooms rooms, TwilioRoomSettings settings, String publicUrl) {
    this.rooms = rooms;
    this.settings = settings;
    this.publicUrl = TwilioCallbacks.withoutTrailingSlash(publicUrl);
  }

  @Override
  public String name() {
    return NAME;
  }

  static String roomName(UUID sessionId) {
    return "vcs-" + sessionId;
  }

  /** A rescheduled call keeps its room name; only a call that starts now opens its room at once. */
  @Override
  public Meeting createMeeting(MeetingRequest request) {
    String name = request.existingMeetingId() != null ? request.existingMeetingId() : roomName(request.sessionId());
    settings.register(name, request.sessionId());
    if (request.start() == null) {
      open(name);
    }
    return new Meeting(NAME, name, publicUrl + TwilioVideoPages.CUSTOMER_PATH,
        publicUrl + TwilioVideoPages.HOST_PATH + "/" + name);
  }

  /** The open room of this name, opened now if there is none; its SID. */
  String open(String roomName) {
    return rooms.open(roomName, MAX_PARTICIPANTS, settings.recording(roomName)).getSid();
  }

  /** The customer pressed "Leave" on the call page (true), or opened it again (false). */
  void customerLeft(String roomName, boolean left) {
    settings.setCustomerLeft(roomName, left);
  }

  /** Whether the customer's last disconnect was a goodbye ("Leave"), not a lost connection. */
  boolean customerLeftOnPurpose(String roomName) {
    return settings.customerLeft(roomName);
  }

  /**
   * Whether a customer who disconnected has dropped out of a call that goes on: the room is still
   * open (ending the room disconnects everyone first) and the customer has not connected again.
   */
  boolean droppedOut(String roomSid, String identity) {
    return rooms.open(roomSid) && !rooms.connected(roomSid, identity);
  }

  @Override
  public void endMeeting(Meeting meeting) {
    rooms.inProgress(meeting.meetingId()).ifPresentOrElse(room -> rooms.complete(room.getSid()),
        () -> LOG.info("Twilio room {} is not open: nothing to end", meeting.meetingId()));
  }

  @Override
  public boolean startRecording(Meeting meeting) {
    return record(meeting.meetingId(), true);
  }

  @Override
  public boolean stopRecording(Meeting meeting) {
    return record(meeting.meetingId(), false);
  }

  /** Sets the rule for this name's rooms, and for the open one at once. */
  private boolean record(String roomName, boolean recording) {
    settings.setRecording(roomName, recording);
    rooms.inProgress(roomName).ifPresent(room -> rooms.record(room.getSid(), recording));
    return true;
  }

  /** One recording per room of this name that has track recordings. */
  @Override
  public List<PlatformRecording> recordings(Meeting meeting) {
    return rooms.roomSids(meeting.meetingId()).stream()
        .filter(this::hasRecordings)
        .map(sid -> new PlatformRecording(NAME, meeting.meetingId(), sid, null))
        .toList();
  }

  boolean hasRecordings(String roomSid) {
    return !kept(roomSid).isEmpty();
  }

  /** The room's track recordings whose media still exists (a deleted one keeps its metadata). */
  private List<Recording> kept(String roomSid) {
    return rooms.recordings(roomSid).stream().filter(r -> r.getStatus() != Recording.Status.DELETED).toList();
  }

  /**
   * Deletes every track recording of the room and every composition made of them, for good.
   * Repeating it after a failure deletes what is left.
   */
  @Override
  public void deleteRecording(PlatformRecording recording) {
    String roomSid = recording.recordingId();
    for (Composition composition : rooms.compositions(roomSid)) {
      if (composition.getStatus() != Composition.Status.DELETED) {
        rooms.deleteComposition(composition.getSid());
      }
    }
    List<Recording> tracks = kept(roomSid);
    for (Recording track : tracks) {
      rooms.deleteRecording(track.getSid());
    }
    LOG.info("Deleted {} track recordings of Twilio room {}", tracks.size(), roomSid);
  }

  /** Twilio Video makes no transcript here. */
  @Override
  public Optional<String> transcript(Meeting meeting) {
    return Optional.empty();
  }
}
