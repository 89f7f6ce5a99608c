package io.videocallsupport.followup;

import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.helpdesk.StaffRecordingLinks;
import io.videocallsupport.helpdesk.TicketStatus;
import io.videocallsupport.messaging.CustomerMessages;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.retention.Recording;
import io.videocallsupport.retention.RecordingRepository;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.SessionValues.CallOutcome;
import io.videocallsupport.session.VideoSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** After the call: the agent's summary on the ticket, and the follow-up email to the customer. */
@Service
public class FollowUps {

  /** What the agent wrote on "Write call summary". */
  public record Summary(String callSummary, String stepsTaken, String usefulLinks, String followUpActions) {
  }

  private final HelpDesk helpDesk;
  private final SessionService sessions;
  private final RecordingRepository recordings;
  private final CustomerMessages messages;
  private final StaffRecordingLinks links;

  FollowUps(HelpDesk helpDesk, SessionService sessions, RecordingRepository recordings, CustomerMessages messages,
            StaffRecordingLinks links) {
    this.helpDesk = helpDesk;
    this.sessions = sessions;
    this.recordings = recordings;
    this.messages = messages;
    this.links = links;
  }

  /** Saves the summary and the recording references to the ticket and sets its status from the outcome. */
  public void saveToTicket(UUID sessionId, CallOutcome outcome, Summary summary, String author) {
    VideoSession session = sessions.get(sessionId);
    StringBuilder note = new StringBuilder("Video call summary (outcome: ").append(outcome).append(")\n");
    append(note, "Summary", summary.callSummary());
    append(note, "Steps taken", summary.stepsTaken());
    append(note, "Links", summary.usefulLinks());
    append(note, "Follow-up actions", summary.followUpActions());
    List<Recording> kept = recordings.findBySession(sessionId).stream()
        .filter(r -> r.state() == Recording.RecordingState.KEPT).toList();
    if (!kept.isEmpty()) {
      append(note, "Recordings", kept.stream()
          .map(r -> r.id() + " on " + r.platform() + ", kept until " + r.retainUntil() + ", for staff: "
              + links.linkFor(r.id().toString()))
          .collect(Collectors.joining("\n")));
    }
    helpDesk.addNote(session.ticketId(), sessionId, "summary", author, note.toString().strip());
    helpDesk.changeStatus(session.ticketId(), ticketStatus(outcome));
  }

  /** "Thanks for the video call! Here's a summary..." with a link to ask for a copy or erasure of a recording. */
  public void sendFollowUpEmail(UUID sessionId, String ticketSubject, CallOutcome outcome, Summary summary) {
    VideoSession session = sessions.get(sessionId);
    Map<String, Object> model = messages.model(session, ticketSubject);
    model.put("callOutcome", outcome.name());
    model.put("callSummary", summary.callSummary());
    model.put("stepsTaken", summary.stepsTaken());
    model.put("usefulLinks", summary.usefulLinks());
    model.put("followUpActions", summary.followUpActions());
    model.put("recordingKept", recordings.findBySession(sessionId).stream()
        .anyMatch(r -> r.state() == Recording.RecordingState.KEPT));
    model.put("privacyUrl", messages.privacyLink());
    messages.email("session:" + sessionId + ":follow-up", session, MessagePurpose.FOLLOW_UP, model);
    sessions.changeState(sessionId, SessionState.COMPLETED);
  }

  static TicketStatus ticketStatus(CallOutcome outcome) {
    return switch (outcome) {
      case RESOLVED -> TicketStatus.RESOLVED;
      case NEEDS_FOLLOW_UP -> TicketStatus.FOLLOW_UP_NEEDED;
      case NOT_RESOLVED, ENDED_FOR_MISUSE -> TicketStatus.NOT_RESOLVED;
      case FALLBACK_USED, NO_SHOW -> TicketStatus.OPEN;
    };
  }

  private static void append(StringBuilder note, String heading, String text) {
    if (text != null && !text.isBlank()) {
      note.append('\n').append(heading).append(":\n").append(text.strip()).append('\n');
    }
  }
}
