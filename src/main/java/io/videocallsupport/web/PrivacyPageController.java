package io.videocallsupport.web;

import io.videocallsupport.audit.AuditLog;
import io.videocallsupport.privacy.CustomerPrivacyRequests;
import io.videocallsupport.retention.Recording;
import io.videocallsupport.retention.RecordingFiles;
import io.videocallsupport.retention.RecordingRepository;
import io.videocallsupport.retention.Recordings;
import io.videocallsupport.web.CustomerLinks.Visit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The privacy page (ask for a copy or the erasure of the call recordings, from the link in the
 * follow-up email) and the download page (the copy, from the time-limited link in the copy email).
 */
@Controller
class PrivacyPageController {

  /** A recording as the download page lists it. */
  record DownloadableRecording(UUID id, String recordedAt) {
  }

  private final CustomerLinks links;
  private final CustomerPrivacyRequests requests;
  private final RecordingRepository recordings;
  private final RecordingFiles files;
  private final AuditLog audit;

  PrivacyPageController(CustomerLinks links, CustomerPrivacyRequests requests, RecordingRepository recordings,
                        RecordingFiles files, AuditLog audit) {
    this.links = links;
    this.requests = requests;
    this.recordings = recordings;
    this.files = files;
    this.audit = audit;
  }

  @GetMapping("/privacy/{token}")
  String open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
    return links.open(request, response, CustomerPage.PRIVACY, token, model);
  }

  @GetMapping("/privacy")
  String form(HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<Visit> visit = links.current(request, response, CustomerPage.PRIVACY, model);
    if (visit.isEmpty()) {
      return CustomerLinks.INVALID_VIEW;
    }
    model.addAttribute("ticketId", visit.get().access().subjectRef());
    return "web/privacy";
  }

  @PostMapping("/privacy")
  String request(@RequestParam(required = false) String requestType, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
    Optional<Visit> visit = links.current(request, response, CustomerPage.PRIVACY, model);
    if (visit.isEmpty()) {
      return CustomerLinks.INVALID_VIEW;
    }
    String ticketId = visit.get().access().subjectRef();
    if (requestType == null || !CustomerPrivacyRequests.REQUEST_TYPES.contains(requestType)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("ticketId", ticketId);
      model.addAttribute("error", "type");
      return "web/privacy";
    }
    requests.request(ticketId, requestType);
    return "redirect:/privacy/sent?type=" + requestType;
  }

  @GetMapping("/privacy/sent")
  String sent(@RequestParam(defaultValue = "COPY") String type, HttpServletRequest request,
              HttpServletResponse response, Model model) {
    Optional<Visit> visit = links.current(request, response, CustomerPage.PRIVACY, model);
    if (visit.isEmpty()) {
      return CustomerLinks.INVALID_VIEW;
    }
    model.addAttribute("requestType", "ERASURE".equals(type) ? "ERASURE" : "COPY");
    return "web/privacy-sent";
  }

  @GetMapping("/privacy/download/{token}")
  String openDownload(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                      Model model) {
    return links.open(request, response, CustomerPage.DOWNLOAD, token, model);
  }

  @GetMapping("/privacy/download")
  String downloads(HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<Visit> visit = links.current(request, response, CustomerPage.DOWNLOAD, model);
    if (visit.isEmpty()) {
      return CustomerLinks.INVALID_VIEW;
    }
    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    List<DownloadableRecording> available = downloadable(visit.get()).stream()
        .map(r -> new DownloadableRecording(r.id(), format.format(r.createdAt().withOffsetSameInstant(
            java.time.ZoneOffset.UTC))))
        .toList();
    model.addAttribute("recordings", available);
    model.addAttribute("expiresAt", format.format(visit.get().access().expiresAt()
        .withOffsetSameInstant(java.time.ZoneOffset.UTC)));
    return "web/download";
  }

  @GetMapping("/privacy/download/files/{recordingId}")
  ResponseEntity<Resource> download(@PathVariable UUID recordingId, HttpServletRequest request,
                                    HttpServletResponse response, Model model) {
    Optional<Visit> visit = links.current(request, response, CustomerPage.DOWNLOAD, model);
    if (visit.isEmpty()) {
      return ResponseEntity.status(response.getStatus()).build();
    }
    Optional<Path> file = downloadable(visit.get()).stream().filter(r -> r.id().equals(recordingId)).findFirst()
        .flatMap(r -> files.file(r.storageRef()));
    if (file.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    audit.record("customer", "RECORDING_DOWNLOADED", Recordings.AUDIT_SUBJECT, recordingId.toString(),
        "copy for ticket " + visit.get().access().subjectRef());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("video/webm"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("recording-" + visit.get().access().subjectRef() + "-" + recordingId.toString().substring(0, 8)
                + ".webm").build().toString())
        .body(new FileSystemResource(file.get()));
  }

  /** The ticket's kept recordings that the application holds as files. */
  private List<Recording> downloadable(Visit visit) {
    return recordings.findKeptForTicket(visit.access().subjectRef()).stream()
        .filter(r -> files.file(r.storageRef()).isPresent())
        .toList();
  }
}
