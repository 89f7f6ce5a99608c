package io.videocallsupport.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.room.Participant.Role;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The rooms of one application node, in memory: who is in each, whether the process asked for a
 * recording, and whether the call has ended. Everything that must survive a restart is in the
 * session record and the inbox; after a restart browsers reconnect and the room forms again.
 */
@Component
@ConditionalOnRoomPlatform
class Rooms {

  private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A room's state. Guarded by its own monitor. */
  static final class Room {
    final String meetingId;
    final Map<String, Participant> participants = new LinkedHashMap<>();
    boolean recordingRequested;
    boolean recordingActive;
    boolean ended;

    Room(String meetingId) {
      this.meetingId = meetingId;
    }
  }

  private final Map<String, Room> rooms = new ConcurrentHashMap<>();
  private final ObjectMapper json;
  private final RoomEvents events;
  private final RoomProperties properties;
  private final Clock clock;

  Rooms(ObjectMapper json, RoomEvents events, RoomProperties properties, Clock clock) {
    this.json = json;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  Room room(String meetingId) {
    return rooms.computeIfAbsent(meetingId, Room::new);
  }

  /** A rescheduled call uses its room again. */
  void reopen(String meetingId) {
    Room room = room(meetingId);
    synchronized (room) {
      room.ended = false;
    }
  }

  boolean ended(String meetingId) {
    Room room = rooms.get(meetingId);
    if (room == null) {
      return false;
    }
    synchronized (room) {
      return room.ended;
    }
  }

  /** Whether a customer is connected to the room now (a drop that was followed by a rejoin is no drop). */
  boolean customerPresent(String meetingId) {
    Room room = rooms.get(meetingId);
    if (room == null) {
      return false;
    }
    synchronized (room) {
      return room.participants.values().stream().anyMatch(p -> p.role() == Role.CUSTOMER);
    }
  }

  /**
   * Lets a browser in: it gets its peer id, the others and the ICE servers; the others learn about
   * it. Refused when the room is full or the call is over. A session has one customer, so a
   * customer's browser takes the place of one already in the room (the join link opened in a second
   * tab or on another device): the old one is told it was opened elsewhere and disconnected, and the
   * others drop its connection, as when it leaves; that is no drop of the call.
   */
  Participant join(String meetingId, Role role, String name, WebSocketSession socket, boolean consentOnRecord) {
    Room room = room(meetingId);
    Participant participant;
    Participant replaced = null;
    List<Map<String, Object>> others = new ArrayList<>();
    synchronized (room) {
      if (room.ended) {
        send(socket, Map.of("type", "ended"));
        return null;
      }
      if (role == Role.CUSTOMER) {
        replaced = room.participants.values().stream().filter(p -> p.role() == Role.CUSTOMER).findFirst()
            .orElse(null);
        if (replaced != null) {
          room.participants.remove(replaced.peerId());
          send(replaced.socket(), Map.of("type", "elsewhere"));
          broadcast(room, null, Map.of("type", "peer-left", "peerId", replaced.peerId()));
        }
      }
      if (room.participants.size() >= properties.maxParticipants()) {
        send(socket, Map.of("type", "full", "max", properties.maxParticipants()));
        return null;
      }
      participant = new Participant(newPeerId(), role, name, socket, clock.instant());
      for (Participant other : room.participants.values()) {
        others.add(describe(other));
      }
      room.participants.put(participant.peerId(), participant);
      Map<String, Object> welcome = new LinkedHashMap<>();
      welcome.put("type", "welcome");
      welcome.put("peerId", participant.peerId());
      welcome.put("role", role.name());
      welcome.put("peers", others);
      welcome.put("iceServers", IceServers.forParticipant(properties, participant.peerId(), clock));
      welcome.put("recordingActive", room.recordingActive);
      if (role == Role.HOST) {
        welcome.put("recording", room.recordingRequested && consentOnRecord ? "start" : "stop");
      }
      send(socket, welcome);
      broadcast(room, participant.peerId(), Map.of("type", "peer-joined", "peer", describe(participant)));
    }
    if (replaced != null) {
      close(replaced.socket(), CloseStatus.NORMAL);
    }
    if (role == Role.CUSTOMER) {
      events.customerJoined(meetingId, participant.peerId());
    }
    return participant;
  }

  /** A browser has gone: the others drop its connection; a customer's loss is reported as a drop. */
  void left(String meetingId, Participant participant) {
    Room room = room(meetingId);
    boolean ended;
    synchronized (room) {
      if (room.participants.remove(participant.peerId()) == null) {
        return;
      }
      broadcast(room, null, Map.of("type", "peer-left", "peerId", participant.peerId()));
      ended = room.ended;
    }
    if (participant.role() == Role.CUSTOMER && !ended) {
      events.customerLeft(meetingId, participant.peerId(), participant.leftOnPurpose());
    }
  }

  /** Passes a message from one browser to another (SDP offers and answers, ICE candidates). */
  void relay(String meetingId, Participant from, String to, Map<String, Object> message) {
    Room room = room(meetingId);
    synchronized (room) {
      Participant target = room.participants.get(to);
      if (target != null) {
        Map<String, Object> relayed = new LinkedHashMap<>(message);
        relayed.put("from", from.peerId());
        relayed.remove("to");
        send(target.socket(), relayed);
      }
    }
  }

  /** Passes a message from one browser to all others in the room (annotations, screen sharing, modes). */
  void broadcastFrom(String meetingId, Participant from, Map<String, Object> message) {
    Room room = room(meetingId);
    synchronized (room) {
      Map<String, Object> relayed = new LinkedHashMap<>(message);
      relayed.put("from", from.peerId());
      broadcast(room, from.peerId(), relayed);
    }
  }

  /** The process asks for recording to start or stop; the hosts' browsers follow. */
  void requestRecording(String meetingId, boolean record) {
    Room room = room(meetingId);
    synchronized (room) {
      room.recordingRequested = record;
      for (Participant p : room.participants.values()) {
        if (p.role() == Role.HOST) {
          send(p.socket(), Map.of("type", "recording", "state", record ? "start" : "stop"));
        }
      }
    }
  }

  /** A host marked sensitive data on screen: no recording until the process asks again. */
  void holdRecording(String meetingId) {
    requestRecording(meetingId, false);
  }

  /** A host's browser reports that its recorder runs or stopped: everyone sees the indicator. */
  void recordingStatus(String meetingId, boolean active) {
    Room room = room(meetingId);
    synchronized (room) {
      room.recordingActive = active;
      broadcast(room, null, Map.of("type", "recording-status", "active", active));
    }
  }

  /** Ends the call for everyone. {@code report}: the host ended it in the room, so the process is told. */
  void end(String meetingId, boolean report) {
    end(meetingId, report, "agent");
  }

  void end(String meetingId, boolean report, String endedBy) {
    Room room = room(meetingId);
    List<WebSocketSession> sockets;
    synchronized (room) {
      if (room.ended) {
        return;
      }
      room.ended = true;
      room.recordingRequested = false;
      room.recordingActive = false;
      broadcast(room, null, Map.of("type", "ended"));
      sockets = room.participants.values().stream().map(Participant::socket).toList();
      room.participants.clear();
    }
    for (WebSocketSession socket : sockets) {
      close(socket, CloseStatus.NORMAL);
    }
    if (report) {
      events.callEnded(meetingId, endedBy);
    }
  }

  /** Closes connections that have been silent too long: their browsers count as dropped. */
  @Scheduled(fixedDelay = 5_000)
  void closeSilentConnections() {
    Instant limit = clock.instant().minus(properties.heartbeatTimeout());
    for (Room room : rooms.values()) {
      List<WebSocketSession> silent;
      synchronized (room) {
        silent = room.participants.values().stream().filter(p -> p.lastSeen().isBefore(limit))
            .map(Participant::socket).toList();
      }
      silent.forEach(s -> close(s, CloseStatus.SESSION_NOT_RELIABLE));
    }
  }

  private static Map<String, Object> describe(Participant p) {
    Map<String, Object> peer = new LinkedHashMap<>();
    peer.put("peerId", p.peerId());
    peer.put("role", p.role().name());
    peer.put("name", p.name() == null ? "" : p.name());
    peer.put("screen", p.sharingScreen());
    return peer;
  }

  private void broadcast(Room room, String exceptPeerId, Map<String, Object> message) {
    for (Participant p : room.participants.values()) {
      if (!p.peerId().equals(exceptPeerId)) {
        send(p.socket(), message);
      }
    }
  }

  void send(WebSocketSession socket, Map<String, Object> message) {
    if (!socket.isOpen()) {
      return;
    }
    try {
      socket.sendMessage(new TextMessage(json.writeValueAsString(message)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Room messages are plain maps", e);
    } catch (IOException | IllegalStateException e) {
      LOG.debug("Could not send to room participant {}: {}", socket.getId(), e.toString());
    }
  }

  private static void close(WebSocketSession socket, CloseStatus status) {
    try {
      socket.close(status);
    } catch (IOException e) {
      LOG.debug("Closing room participant {} failed: {}", socket.getId(), e.toString());
    }
  }

  private static String newPeerId() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return "p" + HexFormat.of().formatHex(bytes);
  }
}
