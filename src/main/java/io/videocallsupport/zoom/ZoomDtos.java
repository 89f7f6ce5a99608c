package io.videocallsupport.zoom;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The parts of Zoom's REST API payloads the application uses, named as Zoom names them. */
final class ZoomDtos {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record AccessToken(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                     @JsonProperty("expires_in") long expiresIn, String scope) {
  }

  /** Body of "Create a meeting" and "Update a meeting". Type 1 = instant, 2 = scheduled. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MeetingRequest(String topic, Integer type, @JsonProperty("start_time") String startTime, Integer duration,
                        String timezone, String agenda, MeetingSettings settings) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MeetingSettings(@JsonProperty("waiting_room") Boolean waitingRoom,
                         @JsonProperty("join_before_host") Boolean joinBeforeHost,
                         @JsonProperty("auto_recording") String autoRecording,
                         @JsonProperty("host_video") Boolean hostVideo,
                         @JsonProperty("participant_video") Boolean participantVideo,
                         @JsonProperty("mute_upon_entry") Boolean muteUponEntry) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Meeting(long id, String uuid, @JsonProperty("host_id") String hostId, String topic, String agenda,
                 Integer type, @JsonProperty("start_time") String startTime, Integer duration, String timezone,
                 @JsonProperty("join_url") String joinUrl, @JsonProperty("start_url") String startUrl,
                 String status) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MeetingList(@JsonProperty("page_size") Integer pageSize,
                     @JsonProperty("next_page_token") String nextPageToken, List<Meeting> meetings) {
  }

  /** "Update meeting status": {@code {"action": "end"}}. */
  record StatusRequest(String action) {
  }

  /** "Use in-meeting controls": {@code {"method": "recording.start"}}. */
  record InMeetingControl(String method) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record RecordingFile(String id, @JsonProperty("meeting_id") String meetingId,
                       @JsonProperty("file_type") String fileType, @JsonProperty("file_extension") String fileExtension,
                       @JsonProperty("download_url") String downloadUrl, String status,
                       @JsonProperty("recording_type") String recordingType) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MeetingRecordings(String uuid, long id, @JsonProperty("host_id") String hostId,
                           @JsonProperty("recording_files") List<RecordingFile> recordingFiles) {
  }

  private ZoomDtos() {
  }
}
