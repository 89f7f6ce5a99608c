package io.videocallsupport.twilio;

import io.videocallsupport.call.CallAccess;
import io.videocallsupport.call.Meeting;
import io.videocallsupport.call.PlatformEventRouter;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.system.RetryAfterException;
import io.videocallsupport.web.CustomerLinks;
import io.videocallsupport.web.CustomerLinks.Visit;
import io.videocallsupport.web.CustomerPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
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

/**
 * The call page for Twilio Video, for the customer (from the join page, with the join link's
 * cookie) and for the host (behind the agent's login). Each visit makes sure the session's room is
 * open and hands the browser an access token for it; twilio-video.js does the rest. The host can
 * end the call for everyone and stop the recording when sensitive data is on screen.
 *
 * <p>Model of the page ({@code web/twilio-call}): {@code role} (CUSTOMER or HOST), {@code mode},
 * {@code roomName}, {@code accessToken}, {@code tokenPath}, {@code twilioVideoJsUrl},
 * {@code selfName}; for the host also {@code customerName}, {@code ticketId}, {@code endCallPath}
 * and {@code sensitiveDataPath} (POSTs with the CSRF header, answered 204).
 */
@Controller
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = TwilioVideoPlatform.NAME)
class TwilioVideoPages {

  static final String CUSTOMER_PATH = "/video";
  static final String HOST_PATH = "/video/host";
  private static final Logger LOG = LoggerFactory.getLogger(TwilioVideoPages.class);
  private static final Set<String> MODES = Set.of("video", "audio", "screen");
  private static final String VIEW = "web/twilio-call";

  private final CustomerLinks links;
  private final CallAccess access;
  private final TwilioVideoPlatform platform;
  private final TwilioVideoTokens tokens;
  private final HelpDesk helpDesk;
  private final PlatformEventRouter router;
  private final String scriptUrl;

  TwilioVideoPages(CustomerLinks links, CallAccess access, TwilioVideoPlatform platform, TwilioVideoTokens tokens,
                   HelpDesk helpDesk, PlatformEventRouter router, TwilioProperties twilio) {
    this.links = links;
    this.access = access;
    this.platform = platform;
    this.tokens = tokens;
    this.helpDesk = helpDesk;
    this.router = router;
    this.scriptUrl = twilio.video().jsUrl();
  }

  @GetMapping(CUSTOMER_PATH)
  String customer(@RequestParam(defaultValue = "video") String mode, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
    Optional<Visit> visit = links.current(request, response, CustomerPage.JOIN, model);
    if (visit.isEmpty()) {
      return CustomerLinks.INVALID_VIEW;
    }
    if (!onTwilio(visit.get().session())) {
      return "redirect:/join";
    }
    VideoSession session = visit.get().session();
    if (CallAccess.callOver(session)) {
      return links.callEnded(response, HttpStatus.GONE);
    }
    if (!opened(session.meetingId())) {
      return links.invalid(response, model, "platform-unavailable", HttpStatus.SERVICE_UNAVAILABLE);
    }
    platform.customerLeft(session.meetingId(), false);
    page(model, "CUSTOMER", mode, session.meetingId(), tokens.forCustomer(session), CUSTOMER_PATH + "/token");
    model.addAttribute("selfName", session.customerName());
    model.addAttribute("leavePath", CUSTOMER_PATH + "/leave");
    return VIEW;
  }

  /**
   * The customer pressed "Leave": the disconnect Twilio reports next is a goodbye, noted on the
   * ticket, not a dropped call that sends the rejoin link.
   */
  @PostMapping(CUSTOMER_PATH + "/leave")
  ResponseEntity<Void> customerLeaves(HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<VideoSession> session = links.current(request, response, CustomerPage.JOIN, model).map(Visit::session)
        .filter(TwilioVideoPages::onTwilio);
    if (session.isEmpty()) {
      return ResponseEntity.status(HttpStatus.GONE).build();
    }
    platform.customerLeft(session.get().meetingId(), true);
    return ResponseEntity.noContent().build();
  }

  /** A fresh token for a customer whose token expired during a long call. */
  @GetMapping(CUSTOMER_PATH + "/token")
  @ResponseBody
  ResponseEntity<Map<String, String>> customerToken(HttpServletRequest request, HttpServletResponse response,
                                                    Model model) {
    return links.current(request, response, CustomerPage.JOIN, model)
        .map(Visit::session)
        .filter(s -> onTwilio(s) && !CallAccess.callOver(s))
        .map(s -> token(tokens.forCustomer(s)))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.GONE).body(Map.of("error", "no call to join")));
  }

  @GetMapping(HOST_PATH + "/{roomName}")
  String host(@PathVariable String roomName, @RequestParam(defaultValue = "video") String mode, Authentication user,
              HttpServletResponse response, Model model) {
    Optional<VideoSession> session = access.hostSession(TwilioVideoPlatform.NAME, roomName, user);
    if (session.isEmpty()) {
      return links.invalid(response, model, "not-your-call", HttpStatus.FORBIDDEN);
    }
    if (CallAccess.callOver(session.get())) {
      return links.invalid(response, model, "call-over", HttpStatus.GONE);
    }
    if (!opened(roomName)) {
      return links.invalid(response, model, "platform-unavailable", HttpStatus.SERVICE_UNAVAILABLE);
    }
    page(model, "HOST", mode, roomName, tokens.forStaff(user.getName(), roomName), HOST_PATH + "/" + roomName + "/token");
    model.addAttribute("selfName", user.getName());
    model.addAttribute("customerName", session.get().customerName());
    model.addAttribute("ticketId", session.get().ticketId());
    model.addAttribute("endCallPath", HOST_PATH + "/" + roomName + "/end");
    model.addAttribute("sensitiveDataPath", HOST_PATH + "/" + roomName + "/sensitive-data");
    return VIEW;
  }

  @GetMapping(HOST_PATH + "/{roomName}/token")
  @ResponseBody
  ResponseEntity<Map<String, String>> hostToken(@PathVariable String roomName, Authentication user) {
    Optional<VideoSession> session = access.hostSession(TwilioVideoPlatform.NAME, roomName, user);
    if (session.isEmpty()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "not your call"));
    }
    return CallAccess.callOver(session.get())
        ? ResponseEntity.status(HttpStatus.GONE).body(Map.of("error", "the call has ended"))
        : token(tokens.forStaff(user.getName(), roomName));
  }

  /** Ends the room for everyone; Twilio's room-ended callback then tells the process. */
  @PostMapping(HOST_PATH + "/{roomName}/end")
  ResponseEntity<Void> end(@PathVariable String roomName, Authentication user) {
    Optional<VideoSession> session = access.hostSession(TwilioVideoPlatform.NAME, roomName, user);
    if (session.isEmpty()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    platform.endMeeting(new Meeting(TwilioVideoPlatform.NAME, roomName, null, null));
    return ResponseEntity.noContent().build();
  }

  /** Sensitive data on screen: the room stops recording at once, and the ticket says who stopped it. */
  @PostMapping(HOST_PATH + "/{roomName}/sensitive-data")
  ResponseEntity<Void> sensitiveData(@PathVariable String roomName, Authentication user) {
    Optional<VideoSession> session = access.hostSession(TwilioVideoPlatform.NAME, roomName, user);
    if (session.isEmpty()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    platform.stopRecording(new Meeting(TwilioVideoPlatform.NAME, roomName, null, null));
    router.recordingStoppedInCall(session.get());
    helpDesk.addNote(session.get().ticketId(), session.get().id(), "video call",
        user.getName() + " marked sensitive data on screen in the Twilio room; recording stopped.");
    return ResponseEntity.noContent().build();
  }

  private void page(Model model, String role, String mode, String roomName, String token, String tokenPath) {
    model.addAttribute("role", role);
    model.addAttribute("mode", MODES.contains(mode) ? mode : "video");
    model.addAttribute("roomName", roomName);
    model.addAttribute("accessToken", token);
    model.addAttribute("tokenPath", tokenPath);
    model.addAttribute("twilioVideoJsUrl", scriptUrl);
  }

  /** Opens the room; false (and the page says "try again") when Twilio cannot be reached. */
  private boolean opened(String roomName) {
    try {
      platform.open(roomName);
      return true;
    } catch (TwilioUnavailableException | RetryAfterException e) {
      LOG.warn("Could not open Twilio room {}: {}", roomName, e.getMessage());
      return false;
    }
  }

  /** A session (of a usable join link) whose call has a Twilio room. */
  private static boolean onTwilio(VideoSession session) {
    return session != null && TwilioVideoPlatform.NAME.equals(session.platform()) && session.meetingId() != null;
  }

  private static ResponseEntity<Map<String, String>> token(String token) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("token", token));
  }
}
