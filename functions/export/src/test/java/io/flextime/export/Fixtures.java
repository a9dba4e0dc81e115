package io.flextime.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.core.testing.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test seasons and schedules. The schedule is a plain circle-method round robin: a fixture to export,
 * not a solver (it ignores every constraint but "one game per team per slot").
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** The Big 12 men's basketball 2025-26 sample (samples/big12-mbb-2025-26/season.json). */
    public static Season big12() {
        Path file = LocalStack.repoRoot().resolve("samples/big12-mbb-2025-26/season.json");
        try {
            return mapper().readValue(file.toFile(), Season.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A small season in three time zones with evening tip-offs, one team whose name starts with "="
     * and one venue starting with "@" (formula injection), on consecutive Saturdays.
     */
    public static Season small(String key, int teams) {
        String[][] places = { { "America/Chicago", "Lawrence" }, { "America/New_York", "Morgantown" },
                { "America/Denver", "Provo" }, { "America/Phoenix", "Tucson" } };
        List<Team> ts = new ArrayList<>();
        List<Venue> vs = new ArrayList<>();
        for (int i = 0; i < teams; i++) {
            String[] place = places[i % places.length];
            String name = i == 0 ? "=HYPERLINK(\"http://evil\",\"x\")" : i == 1 ? "Café Ünïversity" : "Team " + (char) ('A' + i);
            String venueName = i == 2 ? "@Arena SUM(A1)" : "Arena " + i;
            vs.add(new Venue("v" + i, venueName, place[1], 35.0 + i, -100.0 + i, 10000, place[0]));
            ts.add(new Team("t" + i, name, "v" + i, place[0], Map.of()));
        }
        List<Slot> slots = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 1, 3);
        for (int s = 0; s < 2 * teams; s++) {
            slots.add(new Slot(s, first.plusWeeks(s), LocalTime.of(19, 0), LocalTime.of(21, 0), "Week " + (s + 1)));
        }
        return new Season(key, "Fixture League " + key, "mens-basketball", first, first.plusWeeks(slots.size()),
                "America/Chicago", SeasonFormat.compactDouble(), null, false, ts, vs, slots, List.of(), List.of(), List.of());
    }

    /**
     * Circle-method round robin: {@code rounds} rounds (n-1 make a single round robin; more repeat the
     * first ones with venues swapped), round r in slot r × slotStride.
     */
    public static List<Game> roundRobin(Season season, int rounds, int slotStride) {
        List<String> ids = season.teams().stream().map(Team::id).toList();
        int n = ids.size();
        List<Game> games = new ArrayList<>();
        int number = 1;
        for (int r = 0; r < rounds; r++) {
            int base = r % (n - 1);
            boolean swap = r >= n - 1;
            for (int i = 0; i < n / 2; i++) {
                int a = i == 0 ? n - 1 : (base + i) % (n - 1);
                int b = (base + n - 1 - i) % (n - 1);
                boolean aHome = (i == 0 ? base % 2 == 0 : i % 2 == 1) ^ swap;
                String home = ids.get(aHome ? a : b);
                String away = ids.get(aHome ? b : a);
                int slot = r * slotStride;
                LocalDate date = season.slots().stream().filter(s -> s.index() == slot).findFirst().map(Slot::date).orElse(null);
                games.add(new Game(number++, slot, date, home, away, null));
            }
        }
        return games;
    }

    public static ScheduleVersion schedule(String tenant, UUID datasetVersion, Season season, List<Game> games) {
        return new ScheduleVersion(UUID.randomUUID(), tenant, datasetVersion, UUID.randomUUID(), season.season(), "FEASIBLE",
                12345.0, 12000.0, 0.02, 54321.0, null, "corr-" + UUID.randomUUID(), Instant.now(), games);
    }

    /** The same schedule with one game moved to another slot (and date). */
    public static List<Game> moveGame(Season season, List<Game> games, int gameNumber, int toSlot) {
        LocalDate date = season.slots().stream().filter(s -> s.index() == toSlot).findFirst().map(Slot::date).orElse(null);
        return games.stream().map(g -> g.number() == gameNumber
                ? new Game(g.number(), toSlot, date, g.homeTeam(), g.awayTeam(), g.venueId()) : g).toList();
    }
}
