package io.flextime.export.render;

import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The schedule as XML (JDK StAX writer), valid against {@code flextime/export/schedule.xsd}
 * (namespace {@link #NAMESPACE}). Same content as the JSON file.
 */
public final class XmlFormat implements ScheduleFormat {
    public static final String NAMESPACE = "https://flextime.io/schemas/export/schedule-v1";
    public static final String XSD_RESOURCE = "flextime/export/schedule.xsd";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    @Override
    public List<RenderedFile> render(PublishedSchedule s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(NAMESPACE);
            w.writeStartElement(NAMESPACE, "schedule");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("formatVersion", "1");
            w.writeAttribute("tenant", s.tenant());
            w.writeAttribute("season", s.season().season());
            w.writeAttribute("scheduleVersionId", s.schedule().id().toString());
            w.writeAttribute("datasetVersionId", s.schedule().datasetVersionId().toString());
            w.writeAttribute("status", s.schedule().status());
            w.writeAttribute("publishedAt", s.publishedAt().toString());
            if (s.schedule().objective() != null) {
                w.writeAttribute("objective", Double.toString(s.schedule().objective()));
            }
            element(w, "name", s.season().name());
            if (s.season().sport() != null) {
                element(w, "sport", s.season().sport());
            }
            if (s.season().timeZone() != null) {
                element(w, "timeZone", s.season().timeZone());
            }
            Map<String, Double> travel = s.travelKm();
            w.writeStartElement(NAMESPACE, "teams");
            for (Team t : s.season().teams()) {
                w.writeStartElement(NAMESPACE, "team");
                w.writeAttribute("id", t.id());
                optional(w, "venue", t.venueId());
                Double km = travel.get(t.id());
                if (km != null && !km.isNaN()) {
                    w.writeAttribute("travelKm", Double.toString(Math.round(km * 10) / 10.0));
                }
                w.writeCharacters(t.name());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement(NAMESPACE, "venues");
            for (Venue v : s.season().venues()) {
                w.writeStartElement(NAMESPACE, "venue");
                w.writeAttribute("id", v.id());
                optional(w, "city", v.city());
                optional(w, "latitude", v.latitude() == null ? null : v.latitude().toString());
                optional(w, "longitude", v.longitude() == null ? null : v.longitude().toString());
                optional(w, "timeZone", v.timeZone());
                w.writeCharacters(v.name());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement(NAMESPACE, "games");
            for (PublishedGame g : s.confirmedGames()) {
                w.writeEmptyElement(NAMESPACE, "game");
                w.writeAttribute("number", Integer.toString(g.number()));
                w.writeAttribute("uid", g.uid());
                w.writeAttribute("sequence", Integer.toString(g.sequence()));
                w.writeAttribute("slot", Integer.toString(g.slotIndex()));
                optional(w, "date", g.date() == null ? null : g.date().toString());
                optional(w, "startTime", s.startTime(g) == null ? null : TIME.format(s.startTime(g)));
                w.writeAttribute("timeZone", s.zoneOf(g).getId());
                w.writeAttribute("home", g.homeTeam());
                w.writeAttribute("away", g.awayTeam());
                optional(w, "venue", s.venueOf(g));
                w.writeAttribute("meeting", Integer.toString(g.meeting()));
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write schedule.xml", e);
        }
        return List.of(new RenderedFile("schedule.xml", "xml", "application/xml", out.toByteArray()));
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(NAMESPACE, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void optional(XMLStreamWriter w, String attribute, String value) throws XMLStreamException {
        if (value != null) {
            w.writeAttribute(attribute, value);
        }
    }
}
