package io.videocallsupport.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.messaging.EmailMessage.Attachment;
import io.videocallsupport.messaging.MessageComposer;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The .ics of a scheduled call, built without Spring and read back with the same library. */
class CallCalendarTest {

  private static final UUID SESSION = UUID.fromString("0b0e6a52-3c41-4f0c-9a57-5d8e2f1b7c10");
  private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");

  private final CallCalendar calendar = new CallCalendar(composer(), Clock.fixed(NOW, ZoneOffset.UTC),
      "Video Support <support@example.com>", "https://support.example.com");

  @Test
  void theEventIsInTheCustomersZoneWithThatZoneDefined() throws Exception {
    // 14:00 UTC is 10:00 in New York in July (EDT, UTC-4)
    VideoSession session = session("America/New_York", "en", OffsetDateTime.parse("2026-07-14T14:00:00Z"), 10);

    Attachment ics = calendar.invitation(session, 1, Locale.ENGLISH, model());

    assertThat(ics.filename()).isEqualTo("invite.ics");
    assertThat(ics.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
    String text = ics.content();
    assertThat(text).contains("METHOD:REQUEST")
        .contains("BEGIN:VTIMEZONE", "TZID:America/New_York", "END:VTIMEZONE")
        .contains("DTSTART;TZID=America/New_York:20260714T100000")
        .contains("DTEND;TZID=America/New_York:20260714T101000")
        .contains("SUMMARY:Support call with Example Support (ticket T-1)")
        .contains("UID:video-session-" + SESSION + "@support.example.com")
        .contains("SEQUENCE:0")
        .contains("DTSTAMP:20260701T120000Z")
        .contains("ORGANIZER;CN=Video Support:mailto:support@example.com")
        .contains("mailto:jo@example.com")
        .contains("https://support.example.com/j/abc");
    assertThat(text).doesNotContain("\nDTSTART:2026").as("no floating or UTC start");

    Calendar parsed = new CalendarBuilder().build(new StringReader(text));
    VEvent event = parsed.<VEvent>getComponent("VEVENT").orElseThrow();
    assertThat(event.getDescription().getValue())
        .contains("https://support.example.com/j/abc")
        .contains("Your router and its admin password");
  }

  @Test
  void aRescheduledCallUpdatesTheSameEvent() {
    VideoSession first = session("Europe/Berlin", "de", OffsetDateTime.parse("2026-07-14T08:00:00Z"), 15);
    VideoSession moved = session("Europe/Berlin", "de", OffsetDateTime.parse("2026-07-15T12:30:00Z"), 15);

    String round1 = calendar.invitation(first, 1, Locale.GERMAN, model()).content();
    String round2 = calendar.invitation(moved, 2, Locale.GERMAN, model()).content();

    String uid = "UID:video-session-" + SESSION + "@support.example.com";
    assertThat(round1).contains(uid).contains("SEQUENCE:0").contains("DTSTART;TZID=Europe/Berlin:20260714T100000")
        .contains("SUMMARY:Support-Gespräch mit Example Support (Ticket T-1)");
    assertThat(round2).contains(uid).contains("SEQUENCE:1").contains("DTSTART;TZID=Europe/Berlin:20260715T143000")
        .contains("DTEND;TZID=Europe/Berlin:20260715T144500");
  }

  private static Map<String, Object> model() {
    Map<String, Object> model = new HashMap<>();
    model.put("companyName", "Example Support");
    model.put("ticketId", "T-1");
    model.put("joinUrl", "https://support.example.com/j/abc");
    model.put("customerPreparation", "Your router and its admin password");
    return model;
  }

  private static VideoSession session(String zone, String locale, OffsetDateTime start, int minutes) {
    return new VideoSession(SESSION, "T-1", "pi-1", SessionState.INVITED, "Jo Doe", "jo@example.com",
        "+4915112345678", zone, locale, "DE", null, "SETUP_CONFIGURATION", "anna", "manual", "m-1",
        "https://support.example.com/j/abc", "https://host.example.com/h", start, minutes,
        "Your router and its admin password", null, null, null, null, null, null, null, null,
        OffsetDateTime.now(), OffsetDateTime.now());
  }

  private static MessageComposer composer() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return new MessageComposer(messages);
  }
}
