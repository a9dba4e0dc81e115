package io.flextime.validate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.audit.Actor;
import io.flextime.core.model.DatasetVersion;
import io.flextime.core.model.Season;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.flextime.validate.SeasonFixtures;
import io.flextime.core.model.SeasonIndex;
import io.flextime.validate.checks.SeasonValidator;
import io.flextime.validate.checks.ValidationSettings;
import io.flextime.validate.feasibility.FeasibilityPass;
import io.flextime.validate.findings.Category;
import io.flextime.validate.findings.Finding;
import io.flextime.validate.history.HistoryFindings;
import io.flextime.validate.report.ValidationReport;
import io.flextime.validate.store.HistoricalGameStats;
import io.flextime.validate.version.VersionValidator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code ./flextime bench validate} (not a test: surefire's default includes skip this name). Validates
 * the 1,000,000 historical-game rows of a dataset version end to end (checks in PostgreSQL, report,
 * quarantine, decision), generating and loading them first when no such version exists, then runs
 * the feasibility pass on every ITC2021 instance. Figures go to stdout and target/bench-validate.json.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ValidateBenchmark {
    static final String TENANT = "bench-validate";
    static final String CHECKSUM = "bench-validate-historical-1m";
    static final long ROWS = 1_000_000;

    @Inject
    TenantDb db;
    @Inject
    SeasonRepository seasons;
    @Inject
    VersionValidator validator;
    @Inject
    HistoricalGameStats history;
    @Inject
    ObjectMapper mapper;

    /** Figures, also written to target/bench-validate.txt (surefire keeps test output in its report files). */
    private final java.io.StringWriter text = new java.io.StringWriter();
    private final java.io.PrintWriter out = new java.io.PrintWriter(text, true);

    @Test
    void benchmark() throws Exception {
        try {
            run();
        } finally {
            Files.writeString(Path.of("target/bench-validate.txt"), text.toString());
        }
    }

    private void run() throws Exception {
        UUID version = millionRowVersion();
        // timed: the whole validation of the version, as the function does it (probe off, see BenchProfile)
        long t0 = System.nanoTime();
        VersionValidator.Outcome outcome = validator.revalidate(TENANT, version, "bench",
                Actor.function("validate", "bench", "bench"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        ValidationReport r = outcome.report();
        long t1 = System.nanoTime();
        HistoricalGameStats.Stats stats = history.compute(TENANT, version, LocalDate.of(2026, 3, 7), HistoryFindings.OUTLIER_Z)
                .await().indefinitely();
        double sqlSeconds = (System.nanoTime() - t1) / 1e9;
        out.printf(Locale.ROOT, "historical rows: %d, validated in %.2f s (row checks in PostgreSQL alone: %.2f s)%n",
                stats.rows(), seconds, sqlSeconds);
        out.printf(Locale.ROOT, "outcome %s, score %.4f, %d error(s), %d warning(s), %d quarantined%n", r.outcome(),
                r.quality().score(), r.counts().errors(), r.counts().warnings(), r.quarantined());
        r.findings().stream().filter(f -> f.category() == Category.HISTORY)
                .forEach(f -> out.printf("  %-24s %8d row(s)%n", f.code(), f.count()));
        assertEquals(ROWS, stats.rows());

        Double itcMax = null;
        String slowest = null;
        int instances = 0;
        int infeasible = 0;
        SeasonValidator checks = new SeasonValidator(ValidationSettings.defaults().withProbe(false));
        for (Path file : ItcInstances.files()) {
            Season season = ItcInstances.read(file);
            long started = System.nanoTime();
            boolean alarm = checks.validate(season).findings().stream().anyMatch(f -> f.isError());
            double took = (System.nanoTime() - started) / 1e9;
            instances++;
            infeasible += alarm ? 1 : 0;
            if (itcMax == null || took > itcMax) {
                itcMax = took;
                slowest = file.getFileName().toString().replace(".xml", "");
            }
        }
        if (itcMax != null) {
            out.printf(Locale.ROOT, "ITC2021: %d instances, %d with a feasibility finding, slowest %s %.3f s%n", instances,
                    infeasible, slowest, itcMax);
        }
        String json = String.format(Locale.ROOT, "{\"rows\":%d,\"seconds\":%.3f,\"sql_seconds\":%.3f,\"score\":%.4f,"
                + "\"quarantined\":%d,\"itc_instances\":%d,\"itc_infeasible\":%d,\"itc_max_seconds\":%s,\"itc_slowest\":%s}",
                stats.rows(), seconds, sqlSeconds, r.quality().score(), r.quarantined(), instances, infeasible,
                itcMax == null ? "null" : String.format(Locale.ROOT, "%.3f", itcMax), slowest == null ? "null" : "\"" + slowest + "\"");
        Files.writeString(Path.of("target/bench-validate.json"), json + "\n");
    }

    /** The version holding a million historical games: found, or created (Big 12 season + generated rows). */
    private UUID millionRowVersion() throws Exception {
        Optional<DatasetVersion> found = db.inTenantBlocking(TENANT, c -> seasons.findByChecksum(c, TENANT, CHECKSUM));
        UUID version = found.map(DatasetVersion::id).orElse(null);
        if (version == null) {
            UUID id = UUID.randomUUID();
            Season big12 = SeasonFixtures.big12();
            db.inTenantBlocking(TENANT, c -> seasons.insert(c, new SeasonRepository.NewVersion(id, TENANT, CHECKSUM, "csv-zip",
                    "bench", "bench", mapper.createObjectNode().put("historicalGames", ROWS), null, "bench"), big12));
            version = id;
        }
        try (Connection c = TestDatabase.owner(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM historical_game WHERE version_id = '" + version + "'");
            rs.next();
            if (rs.getLong(1) != ROWS) {
                long t = System.nanoTime();
                s.execute("DELETE FROM historical_game WHERE version_id = '" + version + "'");
                s.execute(generate(version));
                s.execute("ANALYZE historical_game");
                out.printf(Locale.ROOT, "generated and loaded %d historical games in %.1f s (set-up, not timed)%n", ROWS,
                        (System.nanoTime() - t) / 1e9);
            }
        }
        return version;
    }

    /**
     * 200 games a day among 400 teams (each team once a day: home k+d, away k+d+200, mod 400) from
     * 1990 on, so dates and pairings look real; one row in 2,000 names the same team twice, one in
     * 5,000 has a negative score (both quarantined), one in 400 has no score.
     */
    static String generate(UUID version) {
        return "INSERT INTO historical_game (version_id, tenant, row_number, season, game_date, home_team, away_team, home_score, "
                + "away_score, venue_id, neutral) SELECT '" + version + "', '" + TENANT + "', g, "
                + "extract(year FROM DATE '1990-11-01' + (g / 200)::int)::text, DATE '1990-11-01' + (g / 200)::int, "
                + "'team-' || ((g % 200 + g / 200) % 400), "
                + "'team-' || (CASE WHEN g % 2000 = 0 THEN (g % 200 + g / 200) % 400 ELSE (g % 200 + 200 + g / 200) % 400 END), "
                + "CASE WHEN g % 400 = 7 THEN NULL WHEN g % 5000 = 1 THEN -3 ELSE 55 + (g::bigint * 7919) % 40 END, "
                + "CASE WHEN g % 400 = 7 THEN NULL ELSE 50 + (g::bigint * 104729) % 40 END, "
                + "'arena-' || ((g % 200 + g / 200) % 400), false FROM generate_series(1, " + ROWS + ") g";
    }
}
