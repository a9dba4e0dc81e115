package io.flextime.export.render;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 CSV (CRLF, quoted as needed, UTF-8), one row per confirmed game; text cells formula-safe. */
public final class CsvFormat implements ScheduleFormat {
    public static final String[] HEADER = { "game", "uid", "sequence", "slot", "date", "start_time", "time_zone",
            "home_id", "home", "away_id", "away", "venue_id", "venue", "city" };

    @Override
    public List<RenderedFile> render(PublishedSchedule s) {
        return List.of(new RenderedFile("schedule.csv", "csv", "text/csv; charset=utf-8", write(s, s.confirmedGames())));
    }

    @Override
    public List<RenderedFile> renderTeam(PublishedSchedule s, String team) {
        return List.of(new RenderedFile("teams/" + FileNames.slug(team) + "/schedule.csv", "csv", "text/csv; charset=utf-8",
                write(s, s.confirmedGamesOf(team))));
    }

    private static byte[] write(PublishedSchedule s, List<PublishedGame> games) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (PublishedGame g : games) {
                String venue = s.venueOf(g);
                csv.printRecord(g.number(), g.uid(), g.sequence(), g.slotIndex(), g.date() == null ? "" : g.date(),
                        s.startTime(g) == null ? "" : s.startTime(g), s.zoneOf(g).getId(),
                        text(g.homeTeam()), text(s.teamName(g.homeTeam())), text(g.awayTeam()), text(s.teamName(g.awayTeam())),
                        text(venue), text(s.venueName(g)),
                        text(s.venue(venue).map(v -> v.city()).orElse("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(String value) {
        return SpreadsheetText.safe(value);
    }
}
