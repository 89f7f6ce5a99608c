package io.videocallsupport.twilio;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.call.PlatformEventRouter;
import io.videocallsupport.call.PlatformEvents;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.inbox.Inbox;
import io.videocallsupport.inbox.InboxEvent;
import io.videocallsupport.inbox.JsonInboxHandler;
import io.videocallsupport.session.VideoSession;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Turns Twilio's room callbacks into the processes' platform messages, like Zoom's webhooks and
 * the built-in room's events: the customer connecting ({@code CustomerJoined}, or a note when the
 * call runs already: a rejoin), the customer disconnecting ({@code CallDropped}, unless the same
 * customer connected again, or pressed "Leave", or the room itself ended: then every participant is
 * disconnected, and the room's end is the news), the room ending ({@code CallEnded}, and
 * {@code RecordingReady} for the room's recordings). Staff coming and going changes nothing.
 */
@Component
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = TwilioVideoPlatform.NAME)
class TwilioVideoInboxHandler extends JsonInboxHandler {

  private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
  };

  private final PlatformEventRouter router;
  private final TwilioVideoPlatform platform;
  private final Inbox inbox;
  private final HelpDesk helpDesk;
  private final ObjectMapper json;

  TwilioVideoInboxHandler(ObjectMapper json, PlatformEventRouter router, TwilioVideoPlatform platform, Inbox inbox,
                          HelpDesk helpDesk) {
    super(json);
    this.router = router;
    this.platform = platform;
    this.inbox = inbox;
    this.helpDesk = helpDesk;
    this.json = json;
  }

  @Override
  public String source() {
    return TwilioVideoCallbackController.INBOX_SOURCE;
  }

  @Override
  protected Outcome handle(InboxEvent stored, JsonNode payload) {
    TwilioRoomEvent event = TwilioRoomEvent.of(json.convertValue(payload, FIELDS));
    Optional<VideoSession> found = router.session(TwilioVideoPlatform.NAME, event.roomName());
    if (found.isEmpty()) {
      return Outcome.unmatched("No session has Twilio room " + event.roomName() + " (" + event.roomSid() + ")");
    }
    VideoSession session = found.get();
    return switch (event.event()) {
      case TwilioRoomEvent.PARTICIPANT_CONNECTED -> connected(session, event);
      case TwilioRoomEvent.PARTICIPANT_DISCONNECTED -> disconnected(session, event);
      case TwilioRoomEvent.ROOM_ENDED -> ended(event);
      case TwilioRoomEvent.RECORDING_FAILED -> note(session, "Twilio could not record a track in room "
          + event.roomSid() + ".");
      default -> Outcome.ignored("Twilio room event " + event.event() + " needs nothing from the processes");
    };
  }

  private Outcome connected(VideoSession session, TwilioRoomEvent event) {
    if (!event.customer()) {
      return Outcome.ignored(TwilioVideoTokens.displayName(event.participantIdentity()) + " (staff) joined");
    }
    if (router.inCall(session)) {
      return note(session, "The customer rejoined the call in the Twilio room.");
    }
    return router.deliver(TwilioVideoPlatform.NAME, event.roomName(), PlatformEvents.CUSTOMER_JOINED, Map.of());
  }

  private Outcome disconnected(VideoSession session, TwilioRoomEvent event) {
    if (!event.customer()) {
      return Outcome.ignored(TwilioVideoTokens.displayName(event.participantIdentity()) + " (staff) left");
    }
    if (platform.customerLeftOnPurpose(event.roomName())) {
      return note(session, "The customer left the call.");
    }
    if (connectedAgainLater(event)) {
      return Outcome.ignored("The customer connected again after this disconnect (events arrived out of order)");
    }
    if (!platform.droppedOut(event.roomSid(), event.participantIdentity())) {
      return Outcome.ignored("The customer is back in room " + event.roomSid() + ", or the room has ended");
    }
    return router.deliver(TwilioVideoPlatform.NAME, event.roomName(), PlatformEvents.CALL_DROPPED, Map.of());
  }

  /**
   * The room's recordings go to retention (once: a repeated event finds them registered), then the
   * call ends in the process. A room that ends because nobody came, or after the process ended the
   * call itself, changes nothing there.
   */
  private Outcome ended(TwilioRoomEvent event) {
    if (platform.hasRecordings(event.roomSid())) {
      router.recordingReady(TwilioVideoPlatform.NAME, event.roomName(), event.roomSid(), null);
    }
    return router.deliver(TwilioVideoPlatform.NAME, event.roomName(), PlatformEvents.CALL_ENDED, Map.of());
  }

  private boolean connectedAgainLater(TwilioRoomEvent disconnect) {
    return inbox.hasLaterKey(source(), disconnect.participantKeyPrefix(TwilioRoomEvent.PARTICIPANT_CONNECTED) + "|",
        disconnect.sequenceNumber());
  }

  private Outcome note(VideoSession session, String text) {
    helpDesk.addNote(session.ticketId(), session.id(), "video call", text);
    return Outcome.done(text);
  }
}
