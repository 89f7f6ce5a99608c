package io.videocallsupport.session;

import static io.videocallsupport.session.SessionVariables.*;

import io.videocallsupport.call.ManualLinkPlatform;
import io.videocallsupport.session.CallScheduling.Schedule;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Prepare video session": shows the agent the customer's local time and business hours, and on
 * completion checks the chosen slot (and the pasted meeting link) before the process goes on. An
 * unusable slot keeps the task open with a message that says why.
 */
@Component
class PrepareSessionListener implements TaskListener {

  private final CallScheduling scheduling;
  private final SessionService sessions;

  PrepareSessionListener(CallScheduling scheduling, SessionService sessions) {
    this.scheduling = scheduling;
    this.sessions = sessions;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // A confirmation given for an earlier preparation does not carry over to this one.
      task.getExecution().removeVariable(CALL_NOW_OUTSIDE_HOURS.getName());
      CUSTOMER_LOCAL_TIME.on(task).setLocal(scheduling.customerLocalTime(CUSTOMER_TIME_ZONE.from(task).getOrNull()));
      BUSINESS_HOURS.on(task).setLocal(scheduling.businessHours());
      CUSTOMER_OUTSIDE_HOURS.on(task).setLocal(scheduling.isNowOutsideBusinessHours(CUSTOMER_TIME_ZONE.from(task).getOrNull()));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      complete(task);
    }
  }

  private void complete(DelegateTask task) {
    Integer duration = EXPECTED_DURATION_MINUTES.from(task).getOrNull();
    if (duration == null || duration < 5 || duration > 15) {
      throw new InvalidTaskInputException("The expected duration must be between 5 and 15 minutes.");
    }
    if (ManualLinkPlatform.NAME.equals(VIDEO_PLATFORM.from(task).getOrNull())) {
      try {
        MEETING_LINK.on(task.getExecution()).set(ManualLinkPlatform.requireMeetingLink(MEETING_LINK.from(task).getOrNull()));
      } catch (IllegalArgumentException e) {
        throw new InvalidTaskInputException(e.getMessage());
      }
    }
    Schedule schedule = scheduling.plan(CALL_TIMING.from(task).getOrNull(), SCHEDULED_START.from(task).getOrNull(),
        duration, CUSTOMER_TIME_ZONE.from(task).getOrNull(),
        Boolean.TRUE.equals(CALL_NOW_OUTSIDE_HOURS.from(task).getOrNull()));
    sessions.recordSchedule(UUID.fromString(SESSION_ID.from(task).get()),
        schedule.scheduled() ? schedule.start().toOffsetDateTime() : null, duration,
        CUSTOMER_PREPARATION.from(task).getOrNull());
    var execution = task.getExecution();
    SCHEDULED.on(execution).set(schedule.scheduled());
    CALL_STARTS_AT.on(execution).set(schedule.scheduled() ? Date.from(schedule.start().toInstant()) : null);
    REMINDER_AT.on(execution).set(schedule.scheduled() ? Date.from(schedule.reminderAt()) : null);
    // A new round of invitations: a rescheduled call gets its own no-show re-send and rejoins.
    INVITE_ROUND.on(execution).set(INVITE_ROUND.from(execution).getOrDefault(0) + 1);
    NO_SHOW_RETRIES.on(execution).set(0);
    CALL_DROP_RETRIES.on(execution).set(0);
  }
}
