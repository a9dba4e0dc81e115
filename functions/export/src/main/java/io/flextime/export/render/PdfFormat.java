package io.flextime.export.render;

import io.flextime.core.model.Team;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Printable PDF (PDFBox): the season grid (teams × dates, "v XXX" at home, "@ XXX" away) on landscape
 * pages, then one page per team with its games and travel total, in Liberation Sans ({@link PdfPen}).
 */
public final class PdfFormat implements ScheduleFormat {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);
    private static final DateTimeFormatter COLUMN = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final float MARGIN = 36;
    private static final int GRID_COLUMNS = 12;
    private static final int TEAM_ROWS_PER_PAGE = 38;

    @Override
    public List<RenderedFile> render(PublishedSchedule s) {
        return List.of(new RenderedFile("schedule.pdf", "pdf", "application/pdf", write(s, s.season().teams(), true)));
    }

    @Override
    public List<RenderedFile> renderTeam(PublishedSchedule s, String team) {
        Team t = s.season().team(team).orElseThrow(() -> new IllegalArgumentException("unknown team " + team));
        return List.of(new RenderedFile("teams/" + FileNames.slug(team) + "/schedule.pdf", "pdf", "application/pdf",
                write(s, List.of(t), false)));
    }

    private byte[] write(PublishedSchedule s, List<Team> teams, boolean grid) {
        try (PDDocument doc = new PDDocument()) {
            PdfPen pen = PdfPen.embed(doc);
            info(doc, s);
            if (grid) {
                seasonGrid(doc, pen, s);
            }
            Map<String, Double> travel = s.travelKm();
            for (Team t : teams) {
                teamPages(doc, pen, s, t, travel.get(t.id()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void info(PDDocument doc, PublishedSchedule s) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(s.season().name() + " schedule");
        info.setCreator("FlexTime export");
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        when.setTimeInMillis(s.publishedAt().toEpochMilli());
        info.setCreationDate(when);
        // PDFBox derives the trailer /ID from this, else from the clock: a re-render would differ.
        doc.setDocumentId(when.getTimeInMillis());
    }

    /** Columns are the distinct dates (or rounds when a season has no dates), GRID_COLUMNS per page. */
    private void seasonGrid(PDDocument doc, PdfPen pen, PublishedSchedule s) throws IOException {
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, Map<String, String>> cells = new LinkedHashMap<>();
        for (PublishedGame g : s.confirmedGames()) {
            String key = g.date() != null ? g.date().toString() : "R" + g.slotIndex();
            columns.putIfAbsent(key, g.date() != null ? COLUMN.format(g.date()) : "Round " + g.slotIndex());
            cells.computeIfAbsent(g.homeTeam(), k -> new LinkedHashMap<>()).put(key, "v " + code(g.awayTeam()));
            cells.computeIfAbsent(g.awayTeam(), k -> new LinkedHashMap<>()).put(key, "@ " + code(g.homeTeam()));
        }
        List<String> keys = new ArrayList<>(columns.keySet());
        PDRectangle size = new PDRectangle(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth());
        int pages = Math.max(1, (keys.size() + GRID_COLUMNS - 1) / GRID_COLUMNS);
        for (int p = 0; p < pages; p++) {
            List<String> part = keys.subList(p * GRID_COLUMNS, Math.min(keys.size(), (p + 1) * GRID_COLUMNS));
            PDPage page = new PDPage(size);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = size.getHeight() - MARGIN;
                pen.text(cs, pen.bold, 14, MARGIN, y, s.season().name() + " - season grid (" + (p + 1) + "/" + pages + ")");
                y -= 14;
                pen.text(cs, pen.regular, 8, MARGIN, y, "v = home game against, @ = away game at");
                y -= 18;
                float nameWidth = 110;
                float colWidth = Math.min(52, (size.getWidth() - 2 * MARGIN - nameWidth) / Math.max(1, part.size()));
                for (int c = 0; c < part.size(); c++) {
                    pen.text(cs, pen.bold, 7, MARGIN + nameWidth + c * colWidth, y, columns.get(part.get(c)));
                }
                y -= 4;
                PdfPen.line(cs, MARGIN, y, MARGIN + nameWidth + part.size() * colWidth);
                for (Team t : s.season().teams()) {
                    y -= 13;
                    pen.text(cs, pen.bold, 7, MARGIN, y, fit(t.name(), 28));
                    Map<String, String> row = cells.getOrDefault(t.id(), Map.of());
                    for (int c = 0; c < part.size(); c++) {
                        String cell = row.get(part.get(c));
                        if (cell != null) {
                            pen.text(cs, pen.regular, 7, MARGIN + nameWidth + c * colWidth, y, cell);
                        }
                    }
                }
            }
        }
    }

    private void teamPages(PDDocument doc, PdfPen pen, PublishedSchedule s, Team team, Double travelKm) throws IOException {
        List<PublishedGame> games = s.confirmedGamesOf(team.id());
        int pages = Math.max(1, (games.size() + TEAM_ROWS_PER_PAGE - 1) / TEAM_ROWS_PER_PAGE);
        long home = games.stream().filter(g -> g.homeTeam().equals(team.id())).count();
        for (int p = 0; p < pages; p++) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            float width = PDRectangle.LETTER.getWidth();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = PDRectangle.LETTER.getHeight() - MARGIN;
                pen.text(cs, pen.bold, 16, MARGIN, y, team.name());
                y -= 16;
                pen.text(cs, pen.regular, 9, MARGIN, y, s.season().name() + (pages > 1 ? " (" + (p + 1) + "/" + pages + ")" : ""));
                y -= 22;
                float[] x = { MARGIN, MARGIN + 110, MARGIN + 150, MARGIN + 180, MARGIN + 330 };
                String[] head = { "Date", "Time", "H/A", "Opponent", "Venue" };
                for (int i = 0; i < head.length; i++) {
                    pen.text(cs, pen.bold, 9, x[i], y, head[i]);
                }
                y -= 4;
                PdfPen.line(cs, MARGIN, y, width - MARGIN);
                for (PublishedGame g : games.subList(p * TEAM_ROWS_PER_PAGE, Math.min(games.size(), (p + 1) * TEAM_ROWS_PER_PAGE))) {
                    y -= 14;
                    boolean atHome = g.homeTeam().equals(team.id());
                    pen.text(cs, pen.regular, 9, x[0], y, g.date() == null ? "Round " + g.slotIndex() : DAY.format(g.date()));
                    pen.text(cs, pen.regular, 9, x[1], y, s.startTime(g) == null ? "TBA" : s.startTime(g).toString());
                    pen.text(cs, pen.regular, 9, x[2], y, atHome ? "Home" : "Away");
                    pen.text(cs, pen.regular, 9, x[3], y, fit(s.teamName(g.opponentOf(team.id())), 30));
                    pen.text(cs, pen.regular, 9, x[4], y, fit(s.venueName(g), 40));
                }
                if (p == pages - 1) {
                    y -= 24;
                    String km = travelKm == null || travelKm.isNaN() ? "n/a" : String.format(Locale.ROOT, "%,.0f km", travelKm);
                    pen.text(cs, pen.bold, 10, MARGIN, y, "Games: " + games.size() + " (home " + home + ", away "
                            + (games.size() - home) + ")    Travel total: " + km);
                }
            }
        }
    }

    /** The short label of a team in the grid: its id, upper case, at most 8 characters. */
    static String code(String teamId) {
        String c = teamId.toUpperCase(Locale.ROOT);
        return c.length() <= 8 ? c : c.substring(0, 8);
    }

    private static String fit(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
