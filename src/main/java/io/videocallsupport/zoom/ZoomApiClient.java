package io.videocallsupport.zoom;

import io.videocallsupport.zoom.ZoomDtos.InMeetingControl;
import io.videocallsupport.zoom.ZoomDtos.Meeting;
import io.videocallsupport.zoom.ZoomDtos.MeetingList;
import io.videocallsupport.zoom.ZoomDtos.MeetingRecordings;
import io.videocallsupport.zoom.ZoomDtos.MeetingRequest;
import io.videocallsupport.zoom.ZoomDtos.StatusRequest;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** Zoom's REST API (v2), the endpoints the application calls. Authentication is added by {@link ZoomFeignConfiguration}. */
@FeignClient(name = "zoom-api", url = "${vcs.zoom.api-url:https://api.zoom.us/v2}",
    configuration = ZoomFeignConfiguration.class)
interface ZoomApiClient {

  @PostMapping("/users/{userId}/meetings")
  Meeting createMeeting(@PathVariable("userId") String userId, @RequestBody MeetingRequest meeting);

  @GetMapping("/users/{userId}/meetings")
  MeetingList listMeetings(@PathVariable("userId") String userId, @RequestParam("type") String type,
                           @RequestParam("page_size") int pageSize);

  @GetMapping("/meetings/{meetingId}")
  Meeting getMeeting(@PathVariable("meetingId") String meetingId);

  @PatchMapping("/meetings/{meetingId}")
  void updateMeeting(@PathVariable("meetingId") String meetingId, @RequestBody MeetingRequest meeting);

  @DeleteMapping("/meetings/{meetingId}")
  void deleteMeeting(@PathVariable("meetingId") String meetingId);

  @PutMapping("/meetings/{meetingId}/status")
  void updateMeetingStatus(@PathVariable("meetingId") String meetingId, @RequestBody StatusRequest status);

  @PatchMapping("/live_meetings/{meetingId}/events")
  void controlMeeting(@PathVariable("meetingId") String meetingId, @RequestBody InMeetingControl control);

  @GetMapping("/meetings/{meetingId}/recordings")
  MeetingRecordings recordings(@PathVariable("meetingId") String meetingId);

  /** {@code action}: "trash" (recoverable for 30 days) or "delete" (permanent). */
  @DeleteMapping("/meetings/{meetingId}/recordings")
  void deleteRecordings(@PathVariable("meetingId") String meetingId, @RequestParam("action") String action);
}
