package io.videocallsupport.zoom;

import feign.FeignException;
import io.videocallsupport.call.Meeting;
import io.videocallsupport.call.MeetingRequest;
import io.videocallsupport.call.PlatformRecording;
import io.videocallsupport.call.VideoPlatform;
import io.videocallsupport.zoom.ZoomDtos.InMeetingControl;
import io.videocallsupport.zoom.ZoomDtos.MeetingSettings;
import io.videocallsupport.zoom.ZoomDtos.RecordingFile;
import io.videocallsupport.zoom.ZoomDtos.StatusRequest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Zoom as the video platform. Meetings have a waiting room, no join before the host and no
 * automatic recording; recording is started in the meeting once consent is on record. The
 * customer only ever gets the join URL, the agent the start (host) URL.
 */
@Component
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = ZoomVideoPlatform.NAME)
class ZoomVideoPlatform implements VideoPlatform {

  static final String NAME = "zoom";
  private static final Logger LOG = LoggerFactory.getLogger(ZoomVideoPlatform.class);
  private static final DateTimeFormatter ZOOM_LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final int SCHEDULED = 2;

  private final ZoomApi zoom;
  private final MeetingIntents intents;
  private final ZoomTranscripts transcripts;
  private final ZoomProperties properties;
  private final Clock clock;

  ZoomVideoPlatform(ZoomApi zoom, MeetingIntents intents, ZoomTranscripts transcripts, ZoomProperties properties,
                    Clock clock) {
    this.zoom = zoom;
    this.intents = intents;
    this.transcripts = transcripts;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Meeting createMeeting(MeetingRequest request) {
    ZoomDtos.MeetingRequest body = meetingBody(request);
    if (request.existingMeetingId() != null) {
      Optional<ZoomDtos.Meeting> existing = zoom.find("look up the session's meeting",
          () -> zoom.client().getMeeting(request.existingMeetingId()));
      if (existing.isPresent()) {
        zoom.run("reschedule the meeting", () -> zoom.client().updateMeeting(request.existingMeetingId(), body));
        return meeting(existing.get());
      }
    }
    String intentKey = body.agenda();
    Optional<String> earlierHost = intents.earlierAttempt(intentKey);
    if (earlierHost.isPresent()) {
      Optional<ZoomDtos.Meeting> created = findByAgenda(earlierHost.get(), intentKey);
      if (created.isPresent()) {
        LOG.info("Meeting for {} was created by an earlier attempt: {}", intentKey, created.get().id());
        return meeting(created.get());
      }
    }
    String host = earlierHost.orElseGet(() -> hostFor(request));
    if (earlierHost.isEmpty()) {
      intents.record(intentKey, request.sessionId(), host);
    }
    return meeting(zoom.call("create the meeting", () -> zoom.client().createMeeting(host, body)));
  }

  @Override
  public void endMeeting(Meeting meeting) {
    try {
      zoom.run("end the meeting", () -> zoom.client().updateMeetingStatus(meeting.meetingId(), new StatusRequest("end")));
    } catch (FeignException.NotFound | FeignException.BadRequest e) {
      // Not found, or not running (ended already, or never started): nothing left to end.
      LOG.info("Zoom meeting {} needs no ending: HTTP {}", meeting.meetingId(), e.status());
    }
  }

  /** Deletes (cancels) a meeting that never took place, so it does not linger on the host's calendar. */
  @Override
  public void cancelMeeting(Meeting meeting) {
    try {
      zoom.run("cancel the meeting", () -> zoom.client().deleteMeeting(meeting.meetingId()));
    } catch (FeignException.NotFound | FeignException.BadRequest e) {
      LOG.info("Zoom meeting {} needs no cancelling: HTTP {}", meeting.meetingId(), e.status());
    }
  }

  @Override
  public boolean startRecording(Meeting meeting) {
    zoom.run("start recording", () -> zoom.client().controlMeeting(meeting.meetingId(),
        new InMeetingControl("recording.start")));
    return true;
  }

  @Override
  public boolean stopRecording(Meeting meeting) {
    try {
      zoom.run("stop recording", () -> zoom.client().controlMeeting(meeting.meetingId(),
          new InMeetingControl("recording.stop")));
    } catch (FeignException.NotFound | FeignException.BadRequest e) {
      LOG.info("Zoom meeting {} is not recording (HTTP {}): nothing to stop", meeting.meetingId(), e.status());
    }
    return true;
  }

  @Override
  public List<PlatformRecording> recordings(Meeting meeting) {
    return zoom.find("list the meeting's recordings", () -> zoom.client().recordings(meeting.meetingId()))
        .map(set -> set.recordingFiles() == null ? List.<PlatformRecording>of() : set.recordingFiles().stream()
            .map(file -> new PlatformRecording(NAME, meeting.meetingId(), set.uuid() + "/" + file.id(),
                file.downloadUrl()))
            .toList())
        .orElse(List.of());
  }

  /** Deletes the meeting's recordings for good (not to the trash): retention and erasure both mean gone. */
  @Override
  public void deleteRecording(PlatformRecording recording) {
    try {
      zoom.run("delete the recording", () -> zoom.client().deleteRecordings(recording.meetingId(), "delete"));
    } catch (FeignException.NotFound e) {
      LOG.info("Recordings of Zoom meeting {} are gone already", recording.meetingId());
    }
  }

  @Override
  public Optional<String> transcript(Meeting meeting) {
    return zoom.find("list the meeting's recordings", () -> zoom.client().recordings(meeting.meetingId()))
        .flatMap(set -> set.recordingFiles() == null ? Optional.empty() : set.recordingFiles().stream()
            .filter(file -> "TRANSCRIPT".equalsIgnoreCase(file.fileType()))
            .map(RecordingFile::downloadUrl)
            .findFirst())
        .map(transcripts::download);
  }

  private ZoomDtos.MeetingRequest meetingBody(MeetingRequest request) {
    MeetingSettings settings = new MeetingSettings(true, false, "none", true, true, false);
    String agenda = "vcs-session:" + request.sessionId() + (request.start() == null ? ":now"
        : ":" + request.start().toInstant().getEpochSecond());
    // Scheduled (type 2) also for calls that start now: such meetings can be listed, which the
    // reconciliation of a retried creation needs; instant meetings cannot.
    ZonedDateTime start = request.start() != null ? request.start() : ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
    return new ZoomDtos.MeetingRequest(request.topic(), SCHEDULED, ZOOM_LOCAL_TIME.format(start),
        request.durationMinutes(), start.getZone().getId(), agenda, settings);
  }

  private Optional<ZoomDtos.Meeting> findByAgenda(String host, String agenda) {
    for (String type : List.of("scheduled", "upcoming")) {
      ZoomDtos.MeetingList list = zoom.call("look for a meeting created before",
          () -> zoom.client().listMeetings(host, type, 300));
      if (list != null && list.meetings() != null) {
        Optional<ZoomDtos.Meeting> match = list.meetings().stream()
            .filter(m -> agenda.equals(m.agenda()))
            .findFirst();
        if (match.isPresent()) {
          return match.map(m -> m.startUrl() != null ? m
              : zoom.call("read the meeting", () -> zoom.client().getMeeting(String.valueOf(m.id()))));
        }
      }
    }
    return Optional.empty();
  }

  /** Spreads meetings over the configured host users (Zoom limits meetings per host and day). */
  private String hostFor(MeetingRequest request) {
    List<String> hosts = properties.hostUsers();
    return hosts.get(Math.floorMod(request.sessionId().hashCode(), hosts.size()));
  }

  private static Meeting meeting(ZoomDtos.Meeting zoomMeeting) {
    return new Meeting(NAME, String.valueOf(zoomMeeting.id()), zoomMeeting.joinUrl(), zoomMeeting.startUrl());
  }
}
