package io.flextime.export.render;

import io.flextime.core.model.Team;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * iCalendar (RFC 5545, ical4j): a master feed of the season and one feed per team. Each game is a
 * VEVENT whose UID stays the same across schedule versions and whose SEQUENCE counts its moves;
 * removed games stay in the feed as STATUS:CANCELLED so subscribed calendars drop them. Timed games
 * carry DTSTART;TZID with a VTIMEZONE for every TZID used; games without a time are all-day events.
 * DTSTAMP is the publication time in UTC; ical4j folds lines at 75 octets. A season without dates
 * (rounds only) has no calendar.
 */
public final class IcsFormat implements ScheduleFormat {
    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
    static final String PRODID = "-//FlexTime//Schedule Export 1.0//EN";
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    @Override
    public List<RenderedFile> render(PublishedSchedule s) {
        if (s.games().stream().noneMatch(g -> g.date() != null)) {
            return List.of();
        }
        List<RenderedFile> files = new ArrayList<>();
        files.add(file("calendar/" + FileNames.slug(s.season().season()) + ".ics", write(s, s.season().name(), s.games())));
        for (Team t : s.season().teams()) {
            files.addAll(renderTeam(s, t.id()));
        }
        return files;
    }

    @Override
    public List<RenderedFile> renderTeam(PublishedSchedule s, String team) {
        if (s.games().stream().noneMatch(g -> g.date() != null)) {
            return List.of();
        }
        return List.of(file("calendar/" + FileNames.slug(team) + ".ics",
                write(s, s.teamName(team) + " - " + s.season().name(), s.gamesOf(team))));
    }

    private static RenderedFile file(String name, byte[] bytes) {
        return new RenderedFile(name, "ics", CONTENT_TYPE, bytes);
    }

    private byte[] write(PublishedSchedule s, String title, List<PublishedGame> games) {
        Calendar cal = new Calendar();
        cal.add(new ProdId(PRODID));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(ImmutableMethod.PUBLISH);
        cal.add(new XProperty("X-WR-CALNAME", title));
        Set<String> zones = new TreeSet<>();
        List<VEvent> events = new ArrayList<>();
        for (PublishedGame g : games) {
            if (g.date() == null) {
                continue;
            }
            VEvent e = event(s, g, zones);
            events.add(e);
        }
        for (String zone : zones) {
            var tz = ZONES.getTimeZone(zone);
            if (tz == null) {
                throw new IllegalStateException("no VTIMEZONE definition for " + zone);
            }
            cal.add(tz.getVTimeZone());
        }
        events.forEach(cal::add);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(cal, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static VEvent event(PublishedSchedule s, PublishedGame g, Set<String> zones) {
        LocalTime start = s.startTime(g);
        String summary = (g.confirmed() ? "" : "Cancelled: ") + s.teamName(g.awayTeam()) + " at " + s.teamName(g.homeTeam());
        VEvent e;
        if (start == null) {
            e = new VEvent(g.date(), g.date().plusDays(1), summary);
        } else {
            ZoneId zone = s.zoneOf(g);
            LocalTime end = s.endTime(g);
            ZonedDateTime from = ZonedDateTime.of(g.date(), start, zone);
            ZonedDateTime to = end != null && end.isAfter(start) ? ZonedDateTime.of(g.date(), end, zone) : from.plusHours(2);
            Temporal a = from;
            Temporal b = to;
            if (zone.normalized() instanceof ZoneOffset) {
                a = from.toInstant();
                b = to.toInstant();
            } else {
                zones.add(zone.getId());
            }
            e = new VEvent(a, b, summary);
        }
        e.add(new Uid(g.uid()));
        e.replace(new DtStamp(s.publishedAt()));
        e.add(new Sequence(g.sequence()));
        e.add(g.confirmed() ? ImmutableStatus.VEVENT_CONFIRMED : ImmutableStatus.VEVENT_CANCELLED);
        String venue = s.venueName(g);
        String city = s.venue(s.venueOf(g)).map(v -> v.city()).orElse(null);
        if (!venue.isEmpty()) {
            e.add(new Location(city == null ? venue : venue + ", " + city));
        }
        e.add(new Description(s.season().name() + ", round " + g.slotIndex()
                + (g.number() == null ? "" : ", game " + g.number())));
        return e;
    }
}
