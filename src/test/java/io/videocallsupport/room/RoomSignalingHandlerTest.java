package io.videocallsupport.room;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.room.Participant.Role;
import io.videocallsupport.session.SessionRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/** Messages a browser of ours never sends do not end the sender's call, and touch no room. */
class RoomSignalingHandlerTest {

  private final Rooms rooms = mock(Rooms.class);
  private final SessionRepository sessions = mock(SessionRepository.class);
  private final WebSocketSession socket = mock(WebSocketSession.class);
  private final RoomSignalingHandler handler = new RoomSignalingHandler(rooms, mock(RoomEvents.class), sessions,
      new ObjectMapper(), Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

  @BeforeEach
  void aCustomerIsConnected() throws Exception {
    Map<String, Object> attributes = new HashMap<>(Map.of(RoomSignalingHandler.MEETING_ID, "room-1",
        RoomSignalingHandler.ROLE, Role.CUSTOMER, RoomSignalingHandler.NAME, "Jo"));
    when(socket.getAttributes()).thenReturn(attributes);
    when(socket.getId()).thenReturn("s-1");
    when(sessions.findByMeeting(RoomPlatform.NAME, "room-1")).thenReturn(Optional.empty());
    when(rooms.join(eq("room-1"), eq(Role.CUSTOMER), eq("Jo"), any(), anyBoolean()))
        .thenReturn(new Participant("p-1", Role.CUSTOMER, "Jo", socket, Instant.EPOCH));
    handler.afterConnectionEstablished(socket);
  }

  @Test
  void malformedOrOversizedMessagesAreDropped() throws Exception {
    for (String message : new String[] {"{\"type\": \"signal\", \"to\": ", "[1, 2, 3]", "\"ping\"", "null",
        "{\"type\": \"annotation\", \"shape\": \"" + "x".repeat(RoomSignalingHandler.MAX_MESSAGE) + "\"}"}) {
      assertThatCode(() -> handler.handleTextMessage(socket, new TextMessage(message))).doesNotThrowAnyException();
    }
    verify(socket, never()).close(any(CloseStatus.class));
    verify(rooms, never()).broadcastFrom(any(), any(), any());
    verify(rooms, never()).relay(any(), any(), any(), any());
  }
}
