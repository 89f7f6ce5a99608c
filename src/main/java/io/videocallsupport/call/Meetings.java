package io.videocallsupport.call;

import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.transcript.Transcripts;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The session's meeting on the configured video platform: create, record, end, transcript. */
@Service
public class Meetings {

  private final VideoPlatform platform;
  private final SessionService sessions;
  private final Transcripts transcripts;

  Meetings(VideoPlatform platform, SessionService sessions, Transcripts transcripts) {
    this.platform = platform;
    this.sessions = sessions;
    this.transcripts = transcripts;
  }

  /** Creates the meeting (or updates the session's existing one) and stores its ids and links. */
  public Meeting createMeeting(UUID sessionId, String topic, String agentProvidedLink) {
    VideoSession session = sessions.get(sessionId);
    ZonedDateTime start = session.scheduledStart() == null ? null
        : session.scheduledStart().atZoneSameInstant(ZoneId.of(session.customerTimeZone()));
    int duration = session.expectedDurationMin() == null ? 15 : session.expectedDurationMin();
    String existing = platform.name().equals(session.platform()) ? session.meetingId() : null;
    Meeting meeting = platform.createMeeting(new MeetingRequest(sessionId, topic, start, duration, agentProvidedLink,
        existing));
    sessions.recordMeeting(sessionId, meeting);
    return meeting;
  }

  /**
   * Starts recording, which needs the customer's consent on record first.
   *
   * @return whether the platform records now (false where the application cannot control it)
   */
  public boolean startRecording(UUID sessionId) {
    VideoSession session = sessions.get(sessionId);
    if (!session.consentOnRecord()) {
      throw new IllegalStateException("Session " + sessionId + " has no recording consent on record");
    }
    return platform.startRecording(meetingOf(session));
  }

  public boolean stopRecording(UUID sessionId) {
    return platform.stopRecording(meetingOf(sessions.get(sessionId)));
  }

  /** Ends the session's meeting, or cancels it when the customer never joined. */
  public void endMeeting(UUID sessionId) {
    VideoSession session = sessions.get(sessionId);
    if (session.meetingId() == null) {
      return;
    }
    if (session.customerJoinedAt() == null) {
      platform.cancelMeeting(meetingOf(session));
    } else {
      platform.endMeeting(meetingOf(session));
    }
  }

  /**
   * Fetches the call's transcript from the platform, where it makes one, and keeps it whole in the
   * application's table.
   *
   * @return the excerpt for the agent's summary form (a process variable holds no more)
   */
  public Optional<String> keepTranscript(UUID sessionId) {
    VideoSession session = sessions.get(sessionId);
    if (session.meetingId() == null) {
      return Optional.empty();
    }
    return platform.transcript(meetingOf(session)).map(text -> transcripts.keep(sessionId, platform.name(), text));
  }

  private static Meeting meetingOf(VideoSession session) {
    return new Meeting(session.platform(), session.meetingId(), session.customerJoinUrl(), session.hostJoinUrl());
  }
}
