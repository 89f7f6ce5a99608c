package io.videocallsupport.room;

import io.videocallsupport.call.CallAccess;
import io.videocallsupport.retention.RecordingFiles;
import io.videocallsupport.retention.RecordingFiles.RecordingTooLargeException;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.web.CustomerLinks;
import io.videocallsupport.web.CustomerLinks.Visit;
import io.videocallsupport.web.CustomerPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The room's pages: the customer's (reached from the join page, with the join link's cookie), the
 * host's (the host link, behind the agent's login), and the recording upload from the host's browser.
 */
@Controller
@ConditionalOnRoomPlatform
class RoomPageController {

  private static final Set<String> MODES = Set.of("video", "audio", "screen");

  private final CustomerLinks links;
  private final CallAccess access;
  private final Rooms rooms;
  private final RoomEvents events;
  private final RecordingFiles files;
  private final RoomProperties properties;

  RoomPageController(CustomerLinks links, CallAccess access, Rooms rooms, RoomEvents events, RecordingFiles files,
                     RoomProperties properties) {
    this.links = links;
    this.access = access;
    this.rooms = rooms;
    this.events = events;
    this.files = files;
    this.properties = properties;
  }

  @GetMapping("/room")
  String customerRoom(@RequestParam(defaultValue = "video") String mode, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
    Optional<Visit> visit = links.current(request, response, CustomerPage.JOIN, model);
    if (visit.isEmpty()) {
      return CustomerLinks.INVALID_VIEW;
    }
    VideoSession session = visit.get().session();
    if (session == null || !RoomPlatform.NAME.equals(session.platform()) || session.meetingId() == null) {
      return "redirect:/join";
    }
    if (CallAccess.callOver(session) || rooms.ended(session.meetingId())) {
      return links.callEnded(response, HttpStatus.GONE);
    }
    model.addAttribute("role", "CUSTOMER");
    model.addAttribute("mode", MODES.contains(mode) ? mode : "video");
    model.addAttribute("signalPath", RoomWebSocketConfiguration.PATH);
    model.addAttribute("meetingId", "");
    model.addAttribute("selfName", session.customerName());
    return "web/room";
  }

  @GetMapping("/room/host/{meetingId}")
  String hostRoom(@PathVariable String meetingId, @RequestParam(defaultValue = "video") String mode,
                  Authentication user, HttpServletResponse response, Model model) {
    Optional<VideoSession> session = access.hostSession(RoomPlatform.NAME, meetingId, user);
    if (session.isEmpty()) {
      return links.invalid(response, model, "not-your-call", HttpStatus.FORBIDDEN);
    }
    if (CallAccess.callOver(session.get())) {
      return links.invalid(response, model, "call-over", HttpStatus.GONE);
    }
    model.addAttribute("role", "HOST");
    model.addAttribute("mode", MODES.contains(mode) ? mode : "video");
    model.addAttribute("signalPath", RoomWebSocketConfiguration.PATH + "?host=" + meetingId);
    model.addAttribute("meetingId", meetingId);
    model.addAttribute("selfName", user.getName());
    model.addAttribute("customerName", session.get().customerName());
    model.addAttribute("ticketId", session.get().ticketId());
    return "web/room";
  }

  /**
   * The host's browser uploads what it recorded. Refused without consent on record; stored as a
   * local file and reported like any platform's finished recording.
   */
  @PostMapping("/room/host/{meetingId}/recordings")
  @ResponseBody
  ResponseEntity<Map<String, String>> upload(@PathVariable String meetingId, @RequestParam("file") MultipartFile file,
                                             Authentication user) throws IOException {
    Optional<VideoSession> session = access.hostSession(RoomPlatform.NAME, meetingId, user);
    if (session.isEmpty()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "not your call"));
    }
    if (!session.get().consentOnRecord()) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "no recording consent on record"));
    }
    if (file.isEmpty() || file.getSize() > properties.maxRecordingSize().toBytes()) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("error", "empty or too large"));
    }
    String storageRef;
    try {
      storageRef = files.store(session.get().ticketId(), "webm", file.getInputStream(),
          properties.maxRecordingSize().toBytes());
    } catch (RecordingTooLargeException e) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("error", e.getMessage()));
    }
    String recordingId = "room-rec-" + UUID.randomUUID();
    events.recordingReady(meetingId, recordingId, storageRef);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("recordingId", recordingId));
  }
}
