package io.videocallsupport.call;

import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * What a meeting is created from. {@code start} is null for a call that starts now;
 * {@code agentProvidedLink} is the link an agent pasted, used by the manual-link platform;
 * {@code existingMeetingId} is set when the session already has a meeting (a rescheduled call),
 * which the platform updates instead of creating another.
 */
public record MeetingRequest(UUID sessionId, String topic, ZonedDateTime start, int durationMinutes,
                             String agentProvidedLink, String existingMeetingId) {
}
