package io.videocallsupport.invitation;

import io.videocallsupport.messaging.EmailMessage.Attachment;
import io.videocallsupport.messaging.MessageComposer;
import io.videocallsupport.session.VideoSession;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The calendar invitation ({@code invite.ics}) that goes with the emails of a scheduled call. The
 * event is in the customer's time zone, with that zone's definition included, so every calendar
 * shows the slot the agent chose. Its UID is the same for the whole session and its SEQUENCE is
 * the invitation round, so a rescheduled call updates the event instead of adding a second one.
 */
@Component
public class CallCalendar {

  public static final String FILE_NAME = "invite.ics";
  public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=REQUEST";
  private static final int DEFAULT_DURATION_MINUTES = 15;

  private final MessageComposer composer;
  private final Clock clock;
  private final String organizer;
  private final String uidDomain;
  private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

  CallCalendar(MessageComposer composer, Clock clock,
               @Value("${vcs.mail.from:Video Support <support@example.com>}") String from,
               @Value("${vcs.public-url}") String publicUrl) {
    this.composer = composer;
    this.clock = clock;
    this.organizer = from;
    String host = URI.create(publicUrl).getHost();
    this.uidDomain = host == null ? "video-call-support" : host;
  }

  /** The invitation for a scheduled session; {@code model} holds the values the message templates use. */
  public Attachment invitation(VideoSession session, int round, Locale locale, Map<String, Object> model) {
    if (session.scheduledStart() == null) {
      throw new IllegalArgumentException("Session " + session.id() + " has no scheduled start");
    }
    ZoneId zoneId = ZoneId.of(session.customerTimeZone() == null ? "UTC" : session.customerTimeZone());
    TimeZone zone = zones.getTimeZone(zoneId.getId());
    ZonedDateTime start = session.scheduledStart().atZoneSameInstant(zoneId).withNano(0);
    int minutes = session.expectedDurationMin() == null ? DEFAULT_DURATION_MINUTES : session.expectedDurationMin();
    ZonedDateTime end = start.plus(Duration.ofMinutes(minutes));

    VEvent event = new VEvent(start, end, composer.text("calendar/summary", locale, model));
    event.replace(new DtStamp(clock.instant()));
    event.add(new Uid("video-session-" + session.id() + "@" + uidDomain));
    event.add(new Sequence(Math.max(0, round - 1)));
    event.add(new Description(composer.text("calendar/description", locale, model)));
    if (session.customerJoinUrl() != null) {
      event.add(new Location(session.customerJoinUrl()));
      event.add(new Url(URI.create(session.customerJoinUrl())));
    }
    event.add(ImmutableStatus.VEVENT_CONFIRMED);
    addPeople(event, session);

    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Video Call Support//Invitation//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.REQUEST);
    if (zone != null) {
      calendar.add(zone.getVTimeZone());
    }
    calendar.add(event);
    return new Attachment(FILE_NAME, CONTENT_TYPE, calendar.toString());
  }

  // A REQUEST needs an organizer and an attendee; RSVP=FALSE because answers to the support
  // mailbox would go unread: the customer declines by replying to the email, as it says.
  private void addPeople(VEvent event, VideoSession session) {
    try {
      InternetAddress from = new InternetAddress(organizer);
      Organizer organizerProperty = new Organizer(URI.create("mailto:" + from.getAddress()));
      if (from.getPersonal() != null) {
        organizerProperty.add(new Cn(from.getPersonal()));
      }
      event.add(organizerProperty);
    } catch (AddressException | IllegalArgumentException e) {
      throw new IllegalStateException("vcs.mail.from is not an email address: " + organizer, e);
    }
    if (session.customerEmail() != null) {
      try {
        Attendee attendee = new Attendee(URI.create("mailto:" + session.customerEmail().trim()));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(PartStat.NEEDS_ACTION);
        attendee.add(Rsvp.FALSE);
        if (session.customerName() != null && !session.customerName().isBlank()) {
          attendee.add(new Cn(session.customerName()));
        }
        event.add(attendee);
      } catch (IllegalArgumentException e) {
        // an address a calendar cannot hold still gets the email; the invitation just names nobody
      }
    }
  }
}
