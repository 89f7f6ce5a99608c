package io.videocallsupport.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.call.PlatformEventRouter;
import io.videocallsupport.call.PlatformEvents;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.inbox.InboxEvent;
import io.videocallsupport.inbox.JsonInboxHandler;
import io.videocallsupport.session.VideoSession;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Hands the room's events to the session's process, the way Zoom's webhooks are handed on:
 * the customer joining ({@code CustomerJoined}), a lost connection ({@code CallDropped}), the host
 * ending the call ({@code CallEnded}) and an uploaded recording ({@code RecordingReady}).
 * <p>
 * A customer who joins again while the call runs is a rejoin after a drop: noted, not correlated.
 * A lost connection is a drop only while the customer is still away when the event is handled, so a
 * quick reconnect, or a drop reported while the agent was busy with another step, changes nothing.
 */
@Component
@ConditionalOnRoomPlatform
class RoomInboxHandler extends JsonInboxHandler {

  private final PlatformEventRouter router;
  private final Rooms rooms;
  private final HelpDesk helpDesk;

  RoomInboxHandler(ObjectMapper json, PlatformEventRouter router, Rooms rooms, HelpDesk helpDesk) {
    super(json);
    this.router = router;
    this.rooms = rooms;
    this.helpDesk = helpDesk;
  }

  @Override
  public String source() {
    return RoomEvents.SOURCE;
  }

  @Override
  protected Outcome handle(InboxEvent event, JsonNode payload) {
    String meetingId = payload.path("meetingId").asText();
    Optional<VideoSession> found = router.session(RoomPlatform.NAME, meetingId);
    if (found.isEmpty()) {
      return Outcome.unmatched("No session has room " + meetingId);
    }
    VideoSession session = found.get();
    return switch (event.eventType()) {
      case RoomEvents.PARTICIPANT_JOINED -> joined(session, meetingId);
      case RoomEvents.PARTICIPANT_LEFT -> left(session, meetingId, payload.path("reason").asText());
      case RoomEvents.CALL_ENDED -> router.inCall(session)
          ? router.deliver(RoomPlatform.NAME, meetingId, PlatformEvents.CALL_ENDED, Map.of())
          : Outcome.ignored("The call of session " + session.id() + " is over in the process already");
      case RoomEvents.RECORDING_READY -> router.recordingReady(RoomPlatform.NAME, meetingId,
          payload.path("recordingId").asText(), payload.path("storageRef").asText());
      case RoomEvents.SENSITIVE_DATA -> {
        router.recordingStoppedInCall(session);
        yield note(session, payload.path("markedBy").asText("The agent")
            + " marked sensitive data on screen in the room; recording stopped.");
      }
      default -> Outcome.ignored("Unknown room event " + event.eventType());
    };
  }

  private Outcome joined(VideoSession session, String meetingId) {
    if (router.inCall(session)) {
      return note(session, "The customer rejoined the call in the room.");
    }
    return router.deliver(RoomPlatform.NAME, meetingId, PlatformEvents.CUSTOMER_JOINED, Map.of());
  }

  private Outcome left(VideoSession session, String meetingId, String reason) {
    if ("left".equals(reason)) {
      return note(session, "The customer left the room.");
    }
    if (rooms.customerPresent(meetingId)) {
      return Outcome.ignored("The customer of session " + session.id() + " is back in the room");
    }
    if (rooms.ended(meetingId) || !router.inCall(session)) {
      return Outcome.ignored("The call of session " + session.id() + " is not running");
    }
    return router.deliver(RoomPlatform.NAME, meetingId, PlatformEvents.CALL_DROPPED, Map.of());
  }

  private Outcome note(VideoSession session, String text) {
    helpDesk.addNote(session.ticketId(), session.id(), "video room", text);
    return Outcome.done(text);
  }
}
