package io.flextime.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.DatasetVersion;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.model.Team;
import io.flextime.core.security.Role;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.export.publish.ExportFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * scheduleReport and compareSchedules over HTTP against the real stack: versions stored as the solve
 * function stores them, files read back through their pre-signed URLs with an HTML parser (jsoup)
 * and PDFBox's text extraction.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ScheduleAnalyticsApiTest {
    @Inject
    StoredSchedules stored;
    @Inject
    ObjectMapper mapper;

    static String tenant() {
        return "anatest-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aVersionReportDrawsEveryTeamsHomeAwayRowAndTravelInHtmlAndPdf() throws Exception {
        String tenant = tenant();
        Season season = Fixtures.small("report", 6);
        List<Game> games = Fixtures.roundRobin(season, 10, 1);
        ScheduleVersion v = stored.schedule(tenant, stored.dataset(tenant, season, "json"), season, games);

        JsonNode answer = post("/scheduleReport", Map.of("tenant", tenant, "scheduleVersionId", v.id().toString()), 200);
        Map<String, JsonNode> files = byName(answer.get("files"));
        String folder = ExportFiles.folder(tenant, season.season(), v.id());
        assertEquals(List.of(folder + "report.html", folder + "report.pdf"), List.copyOf(files.keySet()));
        JsonNode figures = answer.get("figures");
        assertEquals(games.size(), figures.get("games").asInt());

        Document html = Jsoup.parse(download(files.get(folder + "report.html")), "");
        assertTrue(html.select("script, link, iframe, img, [src]").isEmpty(), "self-contained: no script, no external resource");
        List<Element> svgs = html.select("svg");
        assertEquals(2, svgs.size(), "the home/away grid and the travel chart");
        Element grid = svgs.get(0);
        Element travel = svgs.get(1);
        for (Team t : season.teams()) {
            StringBuilder expected = new StringBuilder();
            StringBuilder drawn = new StringBuilder();
            for (int slot = 0; slot < season.slots().size(); slot++) {
                final int s = slot;
                expected.append(games.stream().filter(g -> g.slotIndex() == s && g.homeTeam().equals(t.id())).count() > 0 ? "H"
                        : games.stream().filter(g -> g.slotIndex() == s && g.awayTeam().equals(t.id())).count() > 0 ? "A" : "-");
            }
            for (Element rect : grid.select("rect")) {
                String title = rect.selectFirst("title").text();
                if (title.startsWith(t.name() + " v ")) {
                    drawn.append('H');
                } else if (title.startsWith(t.name() + " @ ")) {
                    drawn.append('A');
                } else if (title.startsWith(t.name() + ": bye")) {
                    drawn.append('-');
                }
            }
            assertEquals(expected.toString(), drawn.toString(), "grid row of " + t.name());
            JsonNode teamFigures = team(figures, t.id());
            String km = String.format(java.util.Locale.ROOT, "%,.0f km", teamFigures.get("travelKm").asDouble());
            assertTrue(travel.select("rect > title").stream().anyMatch(x -> x.text().equals(t.name() + " (travel): " + km)),
                    "travel bar of " + t.name() + " (" + km + ")");
        }
        assertEquals(season.teams().size(), html.select("section.table").first().select("tbody tr").size());

        byte[] pdfBytes = downloadBytes(files.get(folder + "report.pdf"));
        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            String text = new PDFTextStripper().getText(pdf);
            for (Team t : season.teams()) {
                assertTrue(text.contains(t.name()), "the PDF names " + t.name());
            }
            assertTrue(text.contains("Home/away grid") && text.contains("Travel per team"), text);
            assertEquals(5, pdf.getNumberOfPages(), "summary, grid, travel chart, teams, penalties");
        }

        JsonNode again = post("/scheduleReport", Map.of("tenant", tenant, "scheduleVersionId", v.id().toString()), 200);
        for (JsonNode f : again.get("files")) {
            assertEquals(files.get(f.get("file").asText()).get("sha256").asText(), f.get("sha256").asText(),
                    "a repeated request writes the same bytes: " + f.get("file").asText());
        }
    }

    @Test
    void comparingTwoVersionsNamesExactlyTheMovedAndFlippedGamesAndTheDeltas() throws Exception {
        String tenant = tenant();
        Season season = Fixtures.small("compare", 6);
        DatasetVersion dataset = stored.dataset(tenant, season, "json");
        List<Game> baseGames = Fixtures.roundRobin(season, 10, 1);
        Game flipped = baseGames.get(4);
        List<Game> candidateGames = new ArrayList<>();
        for (Game g : Fixtures.moveGame(season, baseGames, 1, 10)) {
            candidateGames.add(g.number() == flipped.number()
                    ? new Game(g.number(), g.slotIndex(), g.date(), g.awayTeam(), g.homeTeam(), g.venueId()) : g);
        }
        ScheduleVersion base = stored.schedule(tenant, dataset, season, baseGames, violations(Map.of("BR1-breaks", 6.0)));
        ScheduleVersion candidate = stored.schedule(tenant, dataset, season, candidateGames,
                violations(Map.of("BR1-breaks", 2.0, "CA1-home", 5.0)));

        JsonNode answer = post("/compareSchedules", Map.of("tenant", tenant, "base", base.id().toString(), "candidate",
                candidate.id().toString()), 200);
        JsonNode c = answer.get("comparison");
        Game moved = baseGames.get(0);
        List<String> changes = new ArrayList<>();
        c.get("games").forEach(g -> changes.add(g.get("change").asText() + " " + g.get("home").asText() + "-" + g.get("away").asText()
                + " " + g.get("previousSlot").asInt() + "→" + g.get("slot").asInt()));
        List<String> expected = new ArrayList<>(List.of(
                "flipped " + flipped.awayTeam() + "-" + flipped.homeTeam() + " " + flipped.slotIndex() + "→" + flipped.slotIndex(),
                "moved " + moved.homeTeam() + "-" + moved.awayTeam() + " 0→10"));
        assertEquals(expected, changes);
        JsonNode totals = c.get("totals");
        assertEquals(1, totals.get("moved").asInt());
        assertEquals(1, totals.get("flipped").asInt());
        assertEquals(0, totals.get("added").asInt() + totals.get("removed").asInt());
        assertEquals(baseGames.size() - 2, totals.get("unchanged").asInt());
        assertEquals(1.0, totals.get("penaltyDelta").asDouble(), 1e-9);
        assertEquals(-4.0, violation(c, "BR1-breaks").get("delta").asDouble(), 1e-9);
        assertEquals(5.0, violation(c, "CA1-home").get("delta").asDouble(), 1e-9);
        double sum = 0;
        for (JsonNode t : c.get("teams")) {
            assertEquals(t.get("candidateTravelKm").asDouble() - t.get("baseTravelKm").asDouble(), t.get("travelDeltaKm").asDouble(), 1e-6);
            assertEquals(t.get("candidateBreaks").asInt() - t.get("baseBreaks").asInt(), t.get("breaksDelta").asInt());
            sum += t.get("travelDeltaKm").asDouble();
        }
        assertEquals(sum, totals.get("travelDeltaKm").asDouble(), 1e-6);

        Map<String, JsonNode> files = byName(answer.get("files"));
        String folder = ExportFiles.folder(tenant, season.season(), candidate.id()) + "comparisons/" + base.id() + "/";
        assertEquals(List.of(folder + "comparison.html", folder + "comparison.pdf"), List.copyOf(files.keySet()));
        Document html = Jsoup.parse(download(files.get(folder + "comparison.html")), "");
        List<String> rows = html.select("section.table").last().select("tbody tr td:first-child").eachText();
        assertEquals(List.of("flipped", "moved"), rows);
        assertEquals(1, html.select("svg").size(), "travel per team, base and candidate");
        try (PDDocument pdf = Loader.loadPDF(downloadBytes(files.get(folder + "comparison.pdf")))) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Changed games") && text.contains("moved") && text.contains("flipped"), text);
            season.teams().forEach(t -> assertTrue(text.contains(t.name()), t.name()));
        }
    }

    @Test
    void unknownVersionsAndVersionsOfDifferentSeasonsAreProblems() {
        String tenant = tenant();
        Season one = Fixtures.small("one", 4);
        Season other = Fixtures.small("other", 4);
        ScheduleVersion a = stored.schedule(tenant, stored.dataset(tenant, one, "json"), one, Fixtures.roundRobin(one, 3, 1));
        ScheduleVersion b = stored.schedule(tenant, stored.dataset(tenant, other, "json"), other, Fixtures.roundRobin(other, 3, 1));
        String unknown = UUID.randomUUID().toString();

        problem(post("/scheduleReport", Map.of("tenant", tenant, "scheduleVersionId", unknown)), 404, "unknown-schedule-version", unknown);
        problem(post("/compareSchedules", Map.of("tenant", tenant, "base", unknown, "candidate", a.id().toString())), 404,
                "unknown-schedule-version", unknown);
        problem(post("/compareSchedules", Map.of("tenant", tenant, "base", a.id().toString(), "candidate", b.id().toString())), 422,
                "different-seasons", "other");
        problem(post("/scheduleReport", Map.of("tenant", tenant, "scheduleVersionId", "not-a-uuid")), 400, "invalid-id", "not-a-uuid");
        // another tenant's version does not exist for this one (row-level security)
        problem(post("/scheduleReport", Map.of("tenant", tenant(), "scheduleVersionId", a.id().toString())), 404,
                "unknown-schedule-version", a.id().toString());
    }

    private ObjectNode violations(Map<String, Double> penalties) {
        ObjectNode metrics = mapper.createObjectNode();
        ObjectNode v = metrics.putObject("violations");
        penalties.forEach(v::put);
        return metrics;
    }

    /** As a viewer of the tenant the body names. */
    private static Response post(String path, Map<String, String> body) {
        return given().header(TestTokens.auth(body.get("tenant"), Role.VIEWER)).contentType("application/json").body(body)
                .post(path);
    }

    private JsonNode post(String path, Map<String, String> body, int status) throws Exception {
        Response r = post(path, body);
        assertEquals(status, r.statusCode(), r.asString());
        return mapper.readTree(r.asString());
    }

    private void problem(Response r, int status, String code, String mentioned) {
        assertEquals(status, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("https://flextime.io/problems/" + code, r.path("type"));
        assertTrue(r.<String>path("detail").contains(mentioned), r.asString());
    }

    private static Map<String, JsonNode> byName(JsonNode files) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        files.forEach(f -> out.put(f.get("file").asText(), f));
        return out;
    }

    private static JsonNode team(JsonNode figures, String id) {
        for (JsonNode t : figures.get("teams")) {
            if (t.get("team").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no figures for team " + id);
    }

    private static JsonNode violation(JsonNode comparison, String id) {
        for (JsonNode v : comparison.get("violations")) {
            if (v.get("constraint").asText().equals(id)) {
                return v;
            }
        }
        throw new AssertionError("no violation delta for " + id);
    }

    private static String download(JsonNode file) throws Exception {
        return new String(downloadBytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] downloadBytes(JsonNode file) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(file.get("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), file.get("file").asText());
        return r.body();
    }
}
