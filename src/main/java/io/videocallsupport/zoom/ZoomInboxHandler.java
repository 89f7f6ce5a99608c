package io.videocallsupport.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.call.PlatformEventRouter;
import io.videocallsupport.call.PlatformEvents;
import io.videocallsupport.inbox.Inbox;
import io.videocallsupport.inbox.InboxEvent;
import io.videocallsupport.inbox.JsonInboxHandler;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Turns stored Zoom webhook events into the processes' platform messages. */
@Component
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = ZoomVideoPlatform.NAME)
class ZoomInboxHandler extends JsonInboxHandler {

  static final String SOURCE = "zoom";

  private final PlatformEventRouter router;
  private final Inbox inbox;
  private final ZoomProperties properties;

  ZoomInboxHandler(PlatformEventRouter router, Inbox inbox, ZoomProperties properties, ObjectMapper json) {
    super(json);
    this.router = router;
    this.inbox = inbox;
    this.properties = properties;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  protected Outcome handle(InboxEvent stored, JsonNode payload) {
    ZoomEvent event = ZoomEvent.of(payload);
    String meeting = event.meetingId();
    return switch (event.event()) {
      case ZoomEvent.PARTICIPANT_JOINED -> event.isStaff(properties.staffEmailDomains())
          ? Outcome.ignored("Agent or specialist joined")
          : router.deliver(ZoomVideoPlatform.NAME, meeting, PlatformEvents.CUSTOMER_JOINED, Map.of());
      case ZoomEvent.PARTICIPANT_LEFT -> {
        if (event.isStaff(properties.staffEmailDomains())) {
          yield Outcome.ignored("Agent or specialist left");
        }
        if (rejoinedLater(event)) {
          yield Outcome.ignored("The customer joined again after leaving (events arrived out of order)");
        }
        yield router.deliver(ZoomVideoPlatform.NAME, meeting, PlatformEvents.CALL_DROPPED, Map.of());
      }
      case ZoomEvent.MEETING_ENDED -> router.deliver(ZoomVideoPlatform.NAME, meeting, PlatformEvents.CALL_ENDED,
          Map.of());
      case ZoomEvent.RECORDING_COMPLETED -> router.recordingReady(ZoomVideoPlatform.NAME, meeting,
          event.meetingUuid(), null);
      case ZoomEvent.TRANSCRIPT_COMPLETED -> router.deliver(ZoomVideoPlatform.NAME, meeting,
          PlatformEvents.TRANSCRIPT_READY, Map.of());
      default -> Outcome.ignored("Zoom event " + event.event() + " needs nothing from the processes");
    };
  }

  /** A join of the same participant that happened after this leave: the leave is stale. */
  private boolean rejoinedLater(ZoomEvent left) {
    return inbox.hasLaterKey(SOURCE, left.participantKeyPrefix(ZoomEvent.PARTICIPANT_JOINED), left.eventTs());
  }
}
