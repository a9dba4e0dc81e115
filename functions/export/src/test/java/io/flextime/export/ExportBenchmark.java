package io.flextime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.LocalStack;
import io.flextime.export.analytics.ScheduleFigures;
import io.flextime.export.analytics.VersionComparer;
import io.flextime.export.analytics.VersionComparison;
import io.flextime.export.analytics.VersionFigures;
import io.flextime.export.publish.CalendarIdentity;
import io.flextime.export.render.ExportRenderer;
import io.flextime.export.render.PublishedSchedule;
import io.flextime.export.render.RenderedFile;
import io.flextime.export.report.ReportFiles;
import io.flextime.export.store.WebhookDeliveries;
import io.flextime.export.store.WebhookEndpoints;
import io.flextime.export.webhook.WebhookDispatcher;
import io.flextime.export.webhook.WebhookFanout;
import io.flextime.export.webhook.WebhookSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The export benchmark (not a test: surefire's default includes skip it; bench/export.sh runs it):
 * every format of the Big 12 sample, its analytics report and a comparison (written to
 * target/bench-reports/ for a look), and one message fanned out to 1,000 endpoints on a local
 * receiver. Writes its figures to target/bench-export.json.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ExportBenchmark {
    static final int ENDPOINTS = 1000;

    @Inject
    ExportRenderer renderer;
    @Inject
    WebhookEndpoints endpoints;
    @Inject
    WebhookFanout fanout;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    TenantDb db;
    @Inject
    ReportFiles reportFiles;

    @Test
    void run() throws Exception {
        Season season = Fixtures.big12();
        // 18 rounds of the circle method = 144 games, 18 per team; a fixture, not a solved schedule
        List<Game> games = Fixtures.roundRobin(season, 18, 2);
        ScheduleVersion schedule = Fixtures.schedule("big12", UUID.randomUUID(), season, games);
        PublishedSchedule published = new PublishedSchedule("big12", season, schedule, "json", Instant.now(),
                CalendarIdentity.publish("big12", season.season(), games, List.of()).games());
        StringBuilder report = new StringBuilder();
        long t0 = System.nanoTime();
        List<RenderedFile> files = renderer.renderAll(published);
        double cold = seconds(t0);
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t = System.nanoTime();
            files = renderer.renderAll(published);
            runs.add(seconds(t));
        }
        Collections.sort(runs);
        double allFormats = runs.get(runs.size() / 2);
        long bytes = files.stream().mapToLong(f -> f.bytes().length).sum();
        report.append(String.format(Locale.ROOT, "all formats, Big 12 sample (%d teams, %d games): %d files, %d bytes; first run %.3f s, "
                + "median of 7 warm runs %.3f s (min %.3f, max %.3f)%n", season.teams().size(), games.size(), files.size(), bytes,
                cold, allFormats, runs.get(0), runs.get(runs.size() - 1)));

        // analytics: the version's report and its comparison with a version where one game moved
        ScheduleVersion moved = Fixtures.schedule("big12", schedule.datasetVersionId(), season, Fixtures.moveGame(season, games, 1, 1));
        List<Double> reportRuns = new ArrayList<>();
        List<RenderedFile> reports = List.of();
        for (int i = 0; i < 8; i++) {
            long t = System.nanoTime();
            VersionFigures figures = ScheduleFigures.of(season, moved);
            VersionComparison comparison = VersionComparer.compare(ScheduleFigures.of(season, schedule), schedule, figures, moved);
            reports = new ArrayList<>(reportFiles.versionReport(figures));
            reports.addAll(reportFiles.comparisonReport("", comparison, moved.createdAt()));
            reportRuns.add(seconds(t));
        }
        double reportsCold = reportRuns.remove(0);
        Collections.sort(reportRuns);
        double reportsWarm = reportRuns.get(reportRuns.size() / 2);
        Path reportDir = LocalStack.repoRoot().resolve("functions/export/target/bench-reports");
        Files.createDirectories(reportDir);
        for (RenderedFile f : reports) {
            Files.write(reportDir.resolve(f.name()), f.bytes());
        }
        report.append(String.format(Locale.ROOT, "analytics (figures, comparison, report + comparison in HTML and PDF): %d bytes; "
                + "first run %.3f s, median of 7 warm runs %.3f s; files in %s%n", reports.stream().mapToLong(f -> f.bytes().length).sum(),
                reportsCold, reportsWarm, reportDir));

        String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        double fanoutSeconds;
        try (Receiver partner = new Receiver()) {
            // Straight into the store: a tenant may subscribe at most max-endpoints-per-tenant through the door.
            for (int i = 0; i < ENDPOINTS; i++) {
                WebhookEndpoints.Endpoint e = new WebhookEndpoints.Endpoint("ep_bench_" + i, tenant, partner.url("/p" + i),
                        "bench partner " + i, List.of(), List.of(), true, null, java.time.Instant.now());
                db.inTenantBlocking(tenant, conn -> endpoints.insert(conn, e, WebhookSignature.newSecret()));
            }
            String body = "{\"type\":\"flextime.schedule.published.v1\",\"data\":{\"bench\":true}}";
            String messageId = WebhookDeliveries.messageId(tenant, "bench");
            long t = System.nanoTime();
            db.inTenantBlocking(tenant, conn -> fanout.queue(conn, tenant, messageId, "flextime.schedule.published.v1",
                    season.season(), body, "bench"));
            dispatcher.deliverDue();
            Await.until("all delivered", Duration.ofSeconds(120), () -> {
                try {
                    return ExportFlowTest.count("SELECT count(*) FROM webhook_delivery WHERE tenant = '" + tenant
                            + "' AND status = 'DELIVERED'") == ENDPOINTS;
                } catch (Exception e) {
                    return false;
                }
            });
            fanoutSeconds = seconds(t);
            assertEquals(ENDPOINTS, partner.requests().stream().map(Receiver.Request::path).distinct().count());
            report.append(String.format(Locale.ROOT, "fan-out: 1 message to %d endpoints on 127.0.0.1, all accepted and recorded in %.3f s "
                    + "(%d requests)%n", ENDPOINTS, fanoutSeconds, partner.requests().size()));
        }
        String json = String.format(Locale.ROOT, "{\"all_formats_s\": %.3f, \"all_formats_cold_s\": %.3f, \"files\": %d, "
                + "\"reports_s\": %.3f, \"reports_cold_s\": %.3f, \"fanout_endpoints\": %d, \"fanout_s\": %.3f}", allFormats, cold,
                files.size(), reportsWarm, reportsCold, ENDPOINTS, fanoutSeconds);
        Path out = LocalStack.repoRoot().resolve("functions/export/target/bench-export.json");
        Files.writeString(out, report + json + "\n");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
