package io.videocallsupport.call;

import static io.videocallsupport.session.SessionVariables.AGENT_JOIN_URL;
import static io.videocallsupport.session.SessionVariables.MEETING_LINK;
import static io.videocallsupport.session.SessionVariables.SESSION_ID;
import static io.videocallsupport.session.SessionVariables.TICKET_ID;
import static io.videocallsupport.session.SessionVariables.TICKET_SUBJECT;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Create meeting on video platform": the host link goes to the agent's tasks, the join link to the record. */
@Component
class CreateMeetingDelegate implements JavaDelegate {

  private final Meetings meetings;

  CreateMeetingDelegate(Meetings meetings) {
    this.meetings = meetings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String topic = "Video support: " + TICKET_SUBJECT.from(execution).getOrDefault(TICKET_ID.from(execution).get());
    Meeting meeting = meetings.createMeeting(UUID.fromString(SESSION_ID.from(execution).get()), topic,
        MEETING_LINK.from(execution).getOrNull());
    AGENT_JOIN_URL.on(execution).set(meeting.hostJoinUrl());
  }
}
