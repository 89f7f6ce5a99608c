package io.videocallsupport.call;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The agent pastes any meeting link (Teams, Meet, Jitsi, ...). The application cannot see into
 * that meeting: joins, drops and the end of the call come from the agent's task outcomes, and
 * recordings are the agent's business on that platform.
 */
@Component
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = ManualLinkPlatform.NAME, matchIfMissing = true)
public class ManualLinkPlatform implements VideoPlatform {

  public static final String NAME = "manual";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Meeting createMeeting(MeetingRequest request) {
    String link = requireMeetingLink(request.agentProvidedLink());
    return new Meeting(NAME, "manual-" + request.sessionId(), link, link);
  }

  /** Accepts only absolute http(s) links, so that a customer never receives anything else. */
  public static String requireMeetingLink(String link) {
    if (link == null || link.isBlank()) {
      throw new IllegalArgumentException("Paste the meeting link the customer should open.");
    }
    URI uri;
    try {
      uri = URI.create(link.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The meeting link is not a valid URL: " + link, e);
    }
    boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
    if (!web || uri.getHost() == null) {
      throw new IllegalArgumentException("The meeting link must be a web address (https://...): " + link);
    }
    return uri.toString();
  }

  @Override
  public void endMeeting(Meeting meeting) {
    // Nothing to end: the meeting belongs to another platform.
  }

  @Override
  public boolean startRecording(Meeting meeting) {
    return false;
  }

  @Override
  public boolean stopRecording(Meeting meeting) {
    return false;
  }

  @Override
  public List<PlatformRecording> recordings(Meeting meeting) {
    return List.of();
  }

  @Override
  public void deleteRecording(PlatformRecording recording) {
    // Recordings made on a pasted link's platform are not held by the application.
  }

  @Override
  public Optional<String> transcript(Meeting meeting) {
    return Optional.empty();
  }
}
