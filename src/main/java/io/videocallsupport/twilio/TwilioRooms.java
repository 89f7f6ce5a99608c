package io.videocallsupport.twilio;

import com.twilio.base.Resource;
import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.video.v1.Composition;
import com.twilio.rest.video.v1.Recording;
import com.twilio.rest.video.v1.Room;
import com.twilio.rest.video.v1.Room.RoomStatus;
import com.twilio.rest.video.v1.room.Participant;
import com.twilio.rest.video.v1.room.RecordingRules;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's Rooms, Recordings and Compositions APIs through the SDK, with Twilio's answers turned
 * into what the application does next: "not found" is an empty result, a room that another request
 * created a moment earlier is looked up, and everything else that failed is a
 * {@link TwilioUnavailableException} for the job (or the page) to retry.
 */
class TwilioRooms {

  private static final Logger LOG = LoggerFactory.getLogger(TwilioRooms.class);
  /** "Room exists": an in-progress room has this unique name already. */
  static final int ROOM_EXISTS = 53113;
  private static final long PAGE_SIZE = 50;

  private final TwilioRestClient client;
  private final URI statusCallback;
  private final TwilioProperties.Video settings;

  TwilioRooms(TwilioRestClient client, URI statusCallback, TwilioProperties.Video settings) {
    this.client = client;
    this.statusCallback = statusCallback;
    this.settings = settings;
  }

  /** The open room with this unique name; a name addresses only an in-progress room. */
  Optional<Room> inProgress(String uniqueName) {
    return find("look up room " + uniqueName, () -> Room.fetcher(uniqueName).fetch(client))
        .filter(room -> room.getStatus() == RoomStatus.IN_PROGRESS);
  }

  /**
   * The open room with this name, created if there is none: a group room for at most the given
   * number of participants that records what {@code recording} says (nothing, or everyone).
   */
  Room open(String uniqueName, int maxParticipants, boolean recording) {
    Optional<Room> open = inProgress(uniqueName);
    if (open.isPresent()) {
      return open.get();
    }
    try {
      var creator = Room.creator()
          .setUniqueName(uniqueName)
          .setType(Room.RoomType.GROUP)
          .setMaxParticipants(maxParticipants)
          .setRecordParticipantsOnConnect(false)
          .setRecordingRules(rules(recording))
          .setStatusCallback(statusCallback)
          .setStatusCallbackMethod(HttpMethod.POST)
          .setEmptyRoomTimeout(settings.emptyRoomTimeoutMinutes())
          .setUnusedRoomTimeout(settings.unusedRoomTimeoutMinutes());
      if (TwilioProperties.hasText(settings.mediaRegion())) {
        creator.setMediaRegion(settings.mediaRegion());
      }
      Room room = creator.create(client);
      LOG.info("Opened Twilio room {} ({}), recording: {}", uniqueName, room.getSid(), recording);
      return room;
    } catch (ApiException e) {
      if (Integer.valueOf(ROOM_EXISTS).equals(e.getCode())) {
        // Someone else opened it a moment ago (the agent and the customer arrive together).
        return inProgress(uniqueName).orElseThrow(() -> unavailable("open room " + uniqueName, e));
      }
      throw unavailable("open room " + uniqueName, e);
    } catch (TwilioException e) {
      throw unavailable("open room " + uniqueName, e);
    }
  }

  /** Whether the room with this SID is still open (Twilio ends a room before it reports the last leaves). */
  boolean open(String roomSid) {
    return find("look up room " + roomSid, () -> Room.fetcher(roomSid).fetch(client))
        .map(room -> room.getStatus() == RoomStatus.IN_PROGRESS)
        .orElse(false);
  }

  /** Whether someone with this identity is connected to the room now. */
  boolean connected(String roomSid, String identity) {
    return call("list the participants of room " + roomSid, () -> !all(Participant.reader(roomSid)
        .setIdentity(identity).setStatus(Participant.Status.CONNECTED).read(client)).isEmpty());
  }

  /** Records everyone from now on, or no one. Tracks recorded so far stay as they are. */
  void record(String roomSid, boolean recording) {
    call("change the recording rules of room " + roomSid,
        () -> RecordingRules.updater(roomSid).setRules(rules(recording)).update(client));
  }

  /** Ends the room for everyone; a room that has ended already is not an error. */
  void complete(String roomSid) {
    find("end room " + roomSid, () -> Room.updater(roomSid, RoomStatus.COMPLETED).update(client));
  }

  /** The SIDs of every room, open or ended, that had this unique name. */
  List<String> roomSids(String uniqueName) {
    return call("list the rooms named " + uniqueName, () -> all(
        Room.reader().setUniqueName(uniqueName).setPageSize(PAGE_SIZE).read(client)).stream()
        .map(Room::getSid)
        .toList());
  }

  /** The track recordings of one room. */
  List<Recording> recordings(String roomSid) {
    return call("list the recordings of room " + roomSid, () -> all(
        Recording.reader().setGroupingSid(roomSid).setPageSize(PAGE_SIZE).read(client)));
  }

  /** Compositions made of one room's recordings (in the console or by another tool). */
  List<Composition> compositions(String roomSid) {
    return call("list the compositions of room " + roomSid, () -> all(
        Composition.reader().setRoomSid(roomSid).setPageSize(PAGE_SIZE).read(client)));
  }

  /** Deletes a recording's media for good; one that is gone already is not an error. */
  void deleteRecording(String recordingSid) {
    find("delete recording " + recordingSid, () -> Recording.deleter(recordingSid).delete(client));
  }

  void deleteComposition(String compositionSid) {
    find("delete composition " + compositionSid, () -> Composition.deleter(compositionSid).delete(client));
  }

  /** Twilio's recording rules: everyone's tracks, or none. */
  static Map<String, Object> rules(boolean recording) {
    return Map.of("rules", List.of(Map.of("type", recording ? "include" : "exclude", "all", true)));
  }

  private static <T extends Resource> List<T> all(ResourceSet<T> pages) {
    return StreamSupport.stream(pages.spliterator(), false).toList();
  }

  private static <T> T call(String doing, Supplier<T> request) {
    try {
      return request.get();
    } catch (TwilioException e) {
      throw unavailable(doing, e);
    }
  }

  /** The answer, or empty when Twilio does not know the resource (HTTP 404). */
  private static <T> Optional<T> find(String doing, Supplier<T> request) {
    try {
      return Optional.ofNullable(request.get());
    } catch (ApiException e) {
      if (Integer.valueOf(404).equals(e.getStatusCode())) {
        return Optional.empty();
      }
      throw unavailable(doing, e);
    } catch (TwilioException e) {
      throw unavailable(doing, e);
    }
  }

  private static TwilioUnavailableException unavailable(String doing, TwilioException e) {
    if (e instanceof ApiException api && api.getStatusCode() != null) {
      return new TwilioUnavailableException("Twilio answered " + api.getStatusCode()
          + (api.getCode() == null ? "" : " with error " + api.getCode()) + " to \"" + doing + "\": "
          + api.getMessage() + (api.getStatusCode() < 500
              ? "; check the Twilio settings (account, API key, Video enabled), then retry" : "; retried"), e);
    }
    return new TwilioUnavailableException("Twilio could not be reached to \"" + doing + "\" (" + e.getMessage()
        + "); retried", e);
  }
}
