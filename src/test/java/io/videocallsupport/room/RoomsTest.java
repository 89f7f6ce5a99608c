package io.videocallsupport.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The room's rules on the server side: at most six people, one customer (a second browser of the
 * customer takes the first one's place), recording follows the process, an ended call stays ended.
 */
class RoomsTest {

  private final Rooms rooms = new Rooms(new ObjectMapper(), mock(RoomEvents.class),
      new RoomProperties("", "", "", "", Duration.ofHours(12), 6, DataSize.ofMegabytes(500), Duration.ofSeconds(30)),
      Clock.systemUTC());
  private final String meeting = "room-" + UUID.randomUUID();

  @Test
  void aSeventhParticipantIsRefused() throws Exception {
    rooms.join(meeting, Participant.Role.CUSTOMER, "Jo", socket(new ArrayList<>()), false);
    for (int i = 0; i < 5; i++) {
      assertThat(rooms.join(meeting, Participant.Role.HOST, "Lead " + i, socket(new ArrayList<>()), false))
          .isNotNull();
    }
    List<String> seventh = new ArrayList<>();

    assertThat(rooms.join(meeting, Participant.Role.HOST, "One too many", socket(seventh), false)).isNull();
    assertThat(seventh).singleElement().asString().contains("\"type\":\"full\"").contains("\"max\":6");
  }

  @Test
  void theCustomersSecondBrowserTakesThePlaceOfTheFirstWithoutADrop() throws Exception {
    RoomEvents events = mock(RoomEvents.class);
    Rooms rooms = new Rooms(new ObjectMapper(), events,
        new RoomProperties("", "", "", "", Duration.ofHours(12), 6, DataSize.ofMegabytes(500), Duration.ofSeconds(30)),
        Clock.systemUTC());
    List<String> host = new ArrayList<>();
    List<String> firstTab = new ArrayList<>();
    List<String> secondTab = new ArrayList<>();
    rooms.join(meeting, Participant.Role.HOST, "Anna", socket(host), false);
    WebSocketSession firstSocket = socket(firstTab);
    Participant first = rooms.join(meeting, Participant.Role.CUSTOMER, "Jo", firstSocket, false);

    Participant second = rooms.join(meeting, Participant.Role.CUSTOMER, "Jo", socket(secondTab), false);

    assertThat(last(firstTab)).contains("\"type\":\"elsewhere\"");
    verify(firstSocket).close(CloseStatus.NORMAL);
    assertThat(host).anyMatch(m -> m.contains("\"type\":\"peer-left\"") && m.contains(first.peerId()));
    assertThat(last(host)).contains("\"type\":\"peer-joined\"").contains(second.peerId());
    assertThat(secondTab.get(0)).as("the new tab sees the agent, not its old self")
        .contains("\"type\":\"welcome\"").doesNotContain(first.peerId());
    // The old tab's connection closing afterwards is no drop.
    rooms.left(meeting, first);
    verify(events, never()).customerLeft(anyString(), anyString(), anyBoolean());
    assertThat(rooms.customerPresent(meeting)).isTrue();
  }

  @Test
  void recordingStartsAndStopsOnlyWhenTheProcessSaysAndOnlyInTheHostsBrowser() throws Exception {
    List<String> host = new ArrayList<>();
    List<String> customer = new ArrayList<>();
    rooms.join(meeting, Participant.Role.HOST, "Anna", socket(host), false);
    rooms.join(meeting, Participant.Role.CUSTOMER, "Jo", socket(customer), false);

    rooms.requestRecording(meeting, true);
    assertThat(last(host)).contains("\"type\":\"recording\"").contains("\"state\":\"start\"");
    rooms.holdRecording(meeting);
    assertThat(last(host)).contains("\"state\":\"stop\"");
    assertThat(customer).noneMatch(m -> m.contains("\"type\":\"recording\""));

    List<String> secondHost = new ArrayList<>();
    rooms.requestRecording(meeting, true);
    rooms.join(meeting, Participant.Role.HOST, "Tom", socket(secondHost), false);
    assertThat(secondHost.get(0)).as("no consent on record: a host that joins later does not record")
        .contains("\"recording\":\"stop\"");
  }

  @Test
  void anEndedCallLetsNobodyBackIn() throws Exception {
    List<String> customer = new ArrayList<>();
    rooms.join(meeting, Participant.Role.CUSTOMER, "Jo", socket(customer), false);
    rooms.end(meeting, false);
    assertThat(last(customer)).contains("\"type\":\"ended\"");

    List<String> late = new ArrayList<>();
    assertThat(rooms.join(meeting, Participant.Role.CUSTOMER, "Jo", socket(late), false)).isNull();
    assertThat(late).singleElement().asString().contains("\"type\":\"ended\"");
  }

  private static WebSocketSession socket(List<String> received) throws Exception {
    WebSocketSession socket = mock(WebSocketSession.class);
    when(socket.isOpen()).thenReturn(true);
    when(socket.getId()).thenReturn(UUID.randomUUID().toString());
    doAnswer(call -> {
      received.add(((TextMessage) call.getArgument(0)).getPayload());
      return null;
    }).when(socket).sendMessage(any());
    return socket;
  }

  private static String last(List<String> messages) {
    return messages.get(messages.size() - 1);
  }
}
