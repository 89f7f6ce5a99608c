package io.videocallsupport.room;

import java.time.Instant;
import org.springframework.web.socket.WebSocketSession;

/** One browser in a room. */
final class Participant {

  enum Role { HOST, CUSTOMER }

  private final String peerId;
  private final Role role;
  private final String name;
  private final WebSocketSession socket;
  private volatile Instant lastSeen;
  private volatile boolean leftOnPurpose;
  private volatile boolean sharingScreen;

  Participant(String peerId, Role role, String name, WebSocketSession socket, Instant joinedAt) {
    this.peerId = peerId;
    this.role = role;
    this.name = name;
    this.socket = socket;
    this.lastSeen = joinedAt;
  }

  String peerId() {
    return peerId;
  }

  Role role() {
    return role;
  }

  String name() {
    return name;
  }

  WebSocketSession socket() {
    return socket;
  }

  Instant lastSeen() {
    return lastSeen;
  }

  void seen(Instant now) {
    lastSeen = now;
  }

  boolean leftOnPurpose() {
    return leftOnPurpose;
  }

  void leaveOnPurpose() {
    leftOnPurpose = true;
  }

  boolean sharingScreen() {
    return sharingScreen;
  }

  void sharingScreen(boolean sharing) {
    sharingScreen = sharing;
  }
}
