package io.flextime.ingest.trigger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.security.Role;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.events.EventType;
import io.flextime.ingest.IngestFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Each class of bad input: a 422 problem with the location (file, row, column), the object copied to
 * quarantine with its problem report, a dataset.ingest-failed event, and nothing in the database.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class BadInputTest {
    @Inject
    ObjectStore store;
    @Inject
    ObjectMapper mapper;

    record Case(String name, String file, byte[] bytes, String code, String problemFile, Integer row, String column) {
    }

    static Map<String, byte[]> csv() throws Exception {
        return IngestFixtures.sampleCsvFiles();
    }

    static byte[] edit(String name, java.util.function.UnaryOperator<String> f) throws Exception {
        Map<String, byte[]> files = csv();
        files.put(name, f.apply(new String(files.get(name), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return IngestFixtures.zip(files);
    }

    static String replaceLine(String text, int line, java.util.function.UnaryOperator<String> f) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.set(line - 1, f.apply(lines.get(line - 1)));
        return String.join("\n", lines) + "\n";
    }

    List<Case> cases() throws Exception {
        List<Case> c = new ArrayList<>();
        c.add(new Case("unknown format", "notes.txt", "just some words".getBytes(), "UNKNOWN_FORMAT", "notes.txt", null, null));
        c.add(new Case("lone csv", "teams.csv", csv().get("teams.csv"), "UNKNOWN_FORMAT", "teams.csv", null, null));
        c.add(new Case("malformed csv row", "a.zip", edit("teams.csv", t -> replaceLine(t, 3, l -> l + ",extra")),
                "MALFORMED_CSV", "teams.csv", 3, null));
        c.add(new Case("unterminated quote", "b.zip", edit("venues.csv", t -> replaceLine(t, 4, l -> l.replaceFirst(",", ",\""))),
                "MALFORMED_CSV", "venues.csv", null, null));
        c.add(new Case("unknown column", "c.zip", edit("slots.csv", t -> t.replaceFirst("label", "label,colour")
                .replaceAll("(?m)^(\\d+,.*)$", "$1,red")), "UNKNOWN_COLUMN", "slots.csv", 1, "colour"));
        c.add(new Case("missing column", "d.zip", edit("constraints.csv", t -> t.replaceFirst("id,type,hard", "ident,type,hard")),
                "UNKNOWN_COLUMN", "constraints.csv", 1, "ident"));
        c.add(new Case("missing required column", "e.zip", edit("teams.csv", t -> t.lines()
                .map(l -> l.substring(l.indexOf(',') + 1)).reduce("", (a, b) -> a + b + "\n")), "MISSING_COLUMN", "teams.csv", 1, "id"));
        c.add(new Case("wrong type", "f.zip", edit("slots.csv", t -> replaceLine(t, 2, l -> "abc" + l.substring(l.indexOf(',')))),
                "WRONG_TYPE", "slots.csv", 2, "index"));
        c.add(new Case("unknown reference", "g.zip", edit("teams.csv", t -> t.replace("mckale-center", "nowhere-arena")),
                "UNKNOWN_REFERENCE", "teams.csv", 2, "venue_id"));
        ObjectNode dup = (ObjectNode) mapper.readTree(IngestFixtures.sampleJson());
        ((ObjectNode) dup.get("teams").get(1)).put("id", "arizona");
        c.add(new Case("duplicate id", "dup.json", mapper.writeValueAsBytes(dup), "DUPLICATE_ID", "dup.json", null, "$.teams[1].id"));
        ObjectNode typed = (ObjectNode) mapper.readTree(IngestFixtures.sampleJson());
        ((ObjectNode) typed.get("venues").get(0)).put("latitude", "north");
        c.add(new Case("schema violation", "typed.json", mapper.writeValueAsBytes(typed), "SCHEMA_VIOLATION", "typed.json", null,
                "$.venues[0].latitude"));
        // Ingested once and then refused by the event contract at validate, stalling the run: now the contract's rule, here.
        ObjectNode underscore = (ObjectNode) mapper.readTree(IngestFixtures.sampleJson());
        underscore.put("season", "big12-2025_26");
        c.add(new Case("season key the events cannot carry", "key.json", mapper.writeValueAsBytes(underscore), "WRONG_TYPE",
                "key.json", null, null));
        c.add(new Case("malformed json", "cut.json", "{\n\"season\": \"x\",\n\"teams\": [".getBytes(), "MALFORMED_JSON", "cut.json",
                3, null));
        Map<String, byte[]> latin = csv();
        latin.put("teams.csv", new String(latin.get("teams.csv"), StandardCharsets.UTF_8).replace("Tucson", "Tucs\u00f3n")
                .getBytes(StandardCharsets.ISO_8859_1));
        c.add(new Case("not utf-8", "h.zip", IngestFixtures.zip(latin), "NOT_UTF8", "teams.csv", null, null));
        c.add(new Case("too large", "big.json", new byte[2_100_000], "TOO_LARGE", null, null, null));
        c.add(new Case("zip bomb", "bomb.zip", bomb(), "ZIP_BOMB", "bomb.zip", null, null));
        c.add(new Case("entity expansion", "lolz.xml", ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><Instance>&lol2;</Instance>").getBytes(),
                "XML_DTD_FORBIDDEN", "lolz.xml", 1, null));
        c.add(new Case("external entity", "xxe.xml", ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "
                + "\"file:///etc/passwd\">]><Instance>&xxe;</Instance>").getBytes(), "XML_DTD_FORBIDDEN", "xxe.xml", 1, null));
        Map<String, byte[]> history = csv();
        history.put("historical_games.csv", ("season,date,home_team,away_team,home_score,away_score,venue_id,neutral\n"
                + "2024-25,2025-01-04,kansas,byu,80,70,allen-fieldhouse,false\n"
                + "2024-25,04/01/2025,byu,kansas,71,69,,false\n").getBytes());
        c.add(new Case("bad historical row", "i.zip", IngestFixtures.zip(history), "WRONG_TYPE", "historical_games.csv", 3, "date"));
        // The caps (functions/ingest README "Limits"; the test profile's values).
        ObjectNode manyTeams = (ObjectNode) mapper.readTree(IngestFixtures.sampleJson());
        for (int i = 0; i < 30; i++) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) manyTeams.get("teams")).addObject().put("id", "extra-" + i)
                    .put("name", "Extra " + i).put("venueId", "mckale-center");
        }
        c.add(new Case("more teams than max-teams", "teams.json", mapper.writeValueAsBytes(manyTeams), "TOO_MANY_TEAMS", "teams.json",
                null, "$.teams"));
        ObjectNode manySlots = (ObjectNode) mapper.readTree(IngestFixtures.sampleJson());
        for (int i = 40; i < 420; i++) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) manySlots.get("slots")).addObject().put("index", i)
                    .put("label", "round " + i);
        }
        c.add(new Case("more slots than max-slots", "slots.json", mapper.writeValueAsBytes(manySlots), "TOO_MANY_SLOTS", "slots.json",
                null, "$.slots"));
        byte[] padded = new String(IngestFixtures.sampleJson(), StandardCharsets.UTF_8).replaceFirst("\\{", "{" + " ".repeat(1_100_000))
                .getBytes(StandardCharsets.UTF_8);
        c.add(new Case("json over max-bytes.json", "padded.json", padded, "TOO_LARGE", "padded.json", null, null));
        c.add(new Case("table over max-table-rows", "rows.zip", edit("constraints.csv", t -> {
            String[] lines = t.split("\n");
            return t + (lines[1] + "\n").repeat(1000);
        }), "TOO_MANY_ROWS", "constraints.csv", 1002, null));
        Map<String, byte[]> longHistory = csv();
        longHistory.put("historical_games.csv", ("season,date,home_team,away_team,home_score,away_score,venue_id,neutral\n"
                + "2024-25,2025-01-04,kansas,byu,80,70,allen-fieldhouse,false\n".repeat(2001)).getBytes(StandardCharsets.UTF_8));
        c.add(new Case("history over max-historical-rows", "history.zip", IngestFixtures.zip(longHistory), "TOO_MANY_ROWS",
                "historical_games.csv", 2002, null));
        c.add(new Case("xlsx bomb", "bomb.xlsx", bomb("xl/worksheets/sheet1.xml"), "ZIP_BOMB", "bomb.xlsx", null, null));
        return c;
    }

    /** 40 MB of zeros deflate to ~40 KB. */
    static byte[] bomb() throws Exception {
        return bomb("teams.csv");
    }

    static byte[] bomb(String entry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void everyBadInputIsRejectedWithItsLocationQuarantinedAndReported() throws Exception {
        List<String> tenants = new ArrayList<>();
        for (Case c : cases()) {
            String tenant = IngestFixtures.tenant("bad");
            tenants.add(tenant);
            String key = "uploads/" + tenant + "/" + c.file();
            store.put(IngestFixtures.UPLOADS, key, c.bytes(), "application/octet-stream");
            String body = given().header(TestTokens.auth(tenant, Role.SCHEDULER)).contentType(ContentType.JSON)
                    .body(Map.of("tenant", tenant, "bucket", IngestFixtures.UPLOADS, "key", key))
                    .post("/ingest").then().extract().asString();
            assertTrue(body.contains("\"status\":422"), c.name() + ": " + body);
            JsonPath p = JsonPath.from(body);
            assertEquals("dataset-rejected", p.getString("code"), c.name() + ": " + body);
            assertFalse(body.contains("at io.") || body.contains("Exception"), c.name() + ": no stack trace: " + body);
            assertEquals(c.code(), p.getString("errors[0].code"), c.name() + ": " + body);
            if (c.problemFile() != null) {
                assertEquals(c.problemFile(), p.getString("errors[0].file"), c.name() + ": " + body);
            }
            if (c.row() != null) {
                assertEquals(c.row(), p.getInt("errors[0].row"), c.name() + ": " + body);
            }
            if (c.column() != null) {
                assertEquals(c.column(), p.getString("errors[0].column"), c.name() + ": " + body);
            }
            assertTrue(store.exists(IngestFixtures.UPLOADS, key), c.name() + ": the upload itself is left where it was");
            var quarantined = store.list(IngestFixtures.DATA, "quarantine/" + tenant + "/");
            assertTrue(quarantined.stream().anyMatch(o -> o.key().endsWith("/" + c.file())), c.name() + ": in quarantine");
            assertTrue(quarantined.stream().anyMatch(o -> o.key().endsWith("/problem.json")), c.name() + ": with its report");
            assertEquals(0, IngestFixtures.versions(tenant), c.name() + ": nothing in the database");
            assertEquals(0, IngestFixtures.count("SELECT count(*) FROM historical_game WHERE tenant = '" + tenant + "'"));

            // The same trigger again: the recorded failure, no second event.
            given().header(TestTokens.auth(tenant, Role.SCHEDULER)).contentType(ContentType.JSON)
                    .body(Map.of("tenant", tenant, "bucket", IngestFixtures.UPLOADS, "key", key)).post("/ingest")
                    .then().statusCode(422);
        }
        var events = io.flextime.core.testing.KafkaProbe.read(EventType.DATASET_INGEST_FAILED.topic(),
                r -> tenants.stream().anyMatch(t -> r.value().contains("\"tenant\":\"" + t + "\"")),
                found -> found.size() > tenants.size(), Duration.ofSeconds(8));
        for (String tenant : tenants) {
            assertEquals(1, events.stream().filter(r -> r.value().contains("\"tenant\":\"" + tenant + "\"")).count(),
                    tenant + ": one dataset.ingest-failed");
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsAcceptedAndHistoricalGamesAreStored() throws Exception {
        Map<String, byte[]> files = csv();
        files.replaceAll((name, b) -> name.endsWith(".csv") ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b) : b);
        files.put("historical_games.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ("season,date,home_team,away_team,home_score,away_score,venue_id,neutral\n"
                        + "2024-25,2025-01-04,kansas,byu,80,70,allen-fieldhouse,false\n"
                        + "2024-25,2025-02-01,byu,kansas,71,69,,\n"
                        + "2024-25,2025-03-13,kansas,byu,,,t-mobile-center,true\n").getBytes()));
        String tenant = IngestFixtures.tenant("bom");
        String key = "uploads/" + tenant + "/bom.zip";
        store.put(IngestFixtures.UPLOADS, key, IngestFixtures.zip(files), "application/zip");
        given().header(TestTokens.auth(tenant, Role.SCHEDULER)).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "bucket", IngestFixtures.UPLOADS, "key", key)).post("/ingest").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("INGESTED"));
        assertEquals(3, IngestFixtures.count("SELECT count(*) FROM historical_game WHERE tenant = '" + tenant + "'"));
        assertEquals(1, IngestFixtures.count("SELECT count(*) FROM historical_game WHERE tenant = '" + tenant
                + "' AND neutral AND home_score IS NULL AND row_number = 4"));
        assertEquals(16, IngestFixtures.count("SELECT count(*) FROM team WHERE tenant = '" + tenant + "'"));
        assertEquals(1, IngestFixtures.count("SELECT count(*) FROM team WHERE tenant = '" + tenant + "' AND team_id = 'arizona'"),
                "the BOM is not part of the first header");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
