package io.videocallsupport.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.room.Participant.Role;
import io.videocallsupport.session.SessionRepository;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The room's signaling channel: plain JSON messages over the application's WebSocket. Browsers
 * exchange SDP and ICE candidates ({@code signal}, relayed to one peer), announce screen sharing,
 * annotations and their network mode (broadcast), keep the connection alive ({@code ping}), and
 * leave; a host also ends the call, reports its recorder and marks sensitive data on screen.
 */
@Component
@ConditionalOnRoomPlatform
class RoomSignalingHandler extends TextWebSocketHandler {

  static final String MEETING_ID = "vcs.room.meetingId";
  static final String ROLE = "vcs.room.role";
  static final String NAME = "vcs.room.name";
  static final String CONSENT = "vcs.room.consent";
  private static final String PARTICIPANT = "vcs.room.participant";
  private static final String DECORATED = "vcs.room.decorated";
  private static final Set<String> BROADCAST = Set.of("screen", "annotation", "annotations-clear", "prefs");
  /** The largest message (an SDP offer with every track is a few KB); the container refuses larger ones. */
  static final int MAX_MESSAGE = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(RoomSignalingHandler.class);

  private final Rooms rooms;
  private final RoomEvents events;
  private final SessionRepository sessions;
  private final ObjectMapper json;
  private final Clock clock;

  RoomSignalingHandler(Rooms rooms, RoomEvents events, SessionRepository sessions, ObjectMapper json, Clock clock) {
    this.rooms = rooms;
    this.events = events;
    this.sessions = sessions;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession socket) throws IOException {
    // The container's limits, the same as this handler's: Tomcat's default of 8 KB is less than a
    // rich SDP offer; the room sends no binary messages. A larger message closes the connection (1009).
    socket.setTextMessageSizeLimit(MAX_MESSAGE);
    socket.setBinaryMessageSizeLimit(1024);
    WebSocketSession safe = new ConcurrentWebSocketSessionDecorator(socket, 5_000, 512 * 1024);
    socket.getAttributes().put(DECORATED, safe);
    String meetingId = (String) socket.getAttributes().get(MEETING_ID);
    Role role = (Role) socket.getAttributes().get(ROLE);
    boolean consent = sessions.findByMeeting(RoomPlatform.NAME, meetingId)
        .map(s -> s.consentOnRecord()).orElse(false);
    Participant participant = rooms.join(meetingId, role, (String) socket.getAttributes().get(NAME), safe, consent);
    if (participant == null) {
      socket.close(CloseStatus.POLICY_VIOLATION);
      return;
    }
    socket.getAttributes().put(PARTICIPANT, participant);
  }

  @Override
  protected void handleTextMessage(WebSocketSession socket, TextMessage message) throws IOException {
    Participant participant = (Participant) socket.getAttributes().get(PARTICIPANT);
    if (participant == null || message.getPayloadLength() > MAX_MESSAGE) {
      return;
    }
    String meetingId = (String) socket.getAttributes().get(MEETING_ID);
    participant.seen(clock.instant());
    Map<String, Object> body;
    try {
      body = json.readValue(message.getPayload(), new TypeReference<>() {
      });
    } catch (JsonProcessingException e) {
      // A browser of ours never sends this; drop it rather than end the participant's call.
      LOG.debug("Ignored a room message that is not a JSON object");
      return;
    }
    if (body == null) {
      return;
    }
    String type = String.valueOf(body.get("type"));
    boolean host = participant.role() == Role.HOST;
    switch (type) {
      case "ping" -> rooms.send(participant.socket(), Map.of("type", "pong"));
      case "signal" -> rooms.relay(meetingId, participant, String.valueOf(body.get("to")), body);
      case "leave" -> {
        participant.leaveOnPurpose();
        socket.close(CloseStatus.NORMAL);
      }
      case "end" -> {
        if (host) {
          rooms.end(meetingId, true, participant.name());
        }
      }
      case "recording-started", "recording-stopped" -> {
        if (host) {
          rooms.recordingStatus(meetingId, "recording-started".equals(type));
        }
      }
      case "sensitive" -> {
        if (host) {
          rooms.holdRecording(meetingId);
          events.sensitiveData(meetingId, participant.name(), UUID.randomUUID().toString());
        }
      }
      default -> {
        if (BROADCAST.contains(type)) {
          if ("screen".equals(type)) {
            participant.sharingScreen(Boolean.TRUE.equals(body.get("active")));
          }
          rooms.broadcastFrom(meetingId, participant, body);
        } else {
          LOG.debug("Unknown room message type {}", type);
        }
      }
    }
  }

  @Override
  public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
    Participant participant = (Participant) socket.getAttributes().get(PARTICIPANT);
    if (participant != null) {
      rooms.left((String) socket.getAttributes().get(MEETING_ID), participant);
    }
  }

  @Override
  public void handleTransportError(WebSocketSession socket, Throwable exception) {
    LOG.debug("Room connection {} failed: {}", socket.getId(), exception.toString());
  }
}
