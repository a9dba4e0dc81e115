package io.flextime.export.render;

import io.flextime.core.model.Team;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The RobinX / ITC2021 solution file ({@code <Solution><MetaData>…<Games><ScheduledMatch home away
 * slot/>}), written only for datasets that were ingested from RobinX XML, so the schedule can be
 * checked by the RobinX validator and compared with published results. Teams are referred to by
 * their RobinX id: the numeric team id when it is one, else the team's position in the instance.
 */
public final class RobinxSolutionFormat implements ScheduleFormat {
    public static final String SOURCE_FORMAT = "robinx-xml";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    @Override
    public List<RenderedFile> render(PublishedSchedule s) {
        if (!SOURCE_FORMAT.equals(s.sourceFormat())) {
            return List.of();
        }
        Map<String, String> ids = robinxIds(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("Solution");
            w.writeStartElement("MetaData");
            text(w, "InstanceName", s.season().name());
            text(w, "SolutionName", "FlexTime " + s.schedule().id());
            w.writeEmptyElement("ObjectiveValue");
            w.writeAttribute("infeasibility", "0");
            w.writeAttribute("objective", Long.toString(s.schedule().objective() == null ? 0 : Math.round(s.schedule().objective())));
            w.writeEndElement();
            w.writeStartElement("Games");
            for (PublishedGame g : s.confirmedGames()) {
                w.writeEmptyElement("ScheduledMatch");
                w.writeAttribute("home", ids.get(g.homeTeam()));
                w.writeAttribute("away", ids.get(g.awayTeam()));
                w.writeAttribute("slot", Integer.toString(g.slotIndex()));
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the RobinX solution", e);
        }
        return List.of(new RenderedFile("robinx-solution.xml", "robinx-xml", "application/xml", out.toByteArray()));
    }

    static Map<String, String> robinxIds(PublishedSchedule s) {
        Map<String, String> ids = new HashMap<>();
        List<Team> teams = s.season().teams();
        for (int i = 0; i < teams.size(); i++) {
            String id = teams.get(i).id();
            ids.put(id, id.matches("\\d+") ? id : Integer.toString(i));
        }
        return ids;
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value == null ? "" : value);
        w.writeEndElement();
    }
}
