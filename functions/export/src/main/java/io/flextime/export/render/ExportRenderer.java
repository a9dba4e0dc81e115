package io.flextime.export.render;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Renders a published schedule in every format (or one team's files), in memory. */
@ApplicationScoped
public class ExportRenderer {
    private final List<ScheduleFormat> formats = List.of(new CsvFormat(), new JsonFormat(), new XlsxFormat(),
            new PdfFormat(), new IcsFormat(), new XmlFormat(), new RobinxSolutionFormat());

    public List<RenderedFile> renderAll(PublishedSchedule schedule) {
        List<RenderedFile> files = new ArrayList<>();
        for (ScheduleFormat f : formats) {
            files.addAll(f.render(schedule));
        }
        return files;
    }

    /** A draft's printable season grid (teams × dates, then a page per team): {@code grid.pdf}. */
    public RenderedFile renderGrid(PublishedSchedule schedule) {
        RenderedFile pdf = new PdfFormat().render(schedule).get(0);
        return new RenderedFile("grid.pdf", pdf.format(), pdf.contentType(), pdf.bytes());
    }

    public List<RenderedFile> renderTeam(PublishedSchedule schedule, String team) {
        if (schedule.season().team(team).isEmpty()) {
            throw new IllegalArgumentException("team '" + team + "' is not in season " + schedule.season().season());
        }
        List<RenderedFile> files = new ArrayList<>();
        for (ScheduleFormat f : formats) {
            files.addAll(f.renderTeam(schedule, team));
        }
        return files;
    }
}
