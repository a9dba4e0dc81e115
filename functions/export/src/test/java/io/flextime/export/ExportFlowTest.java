package io.flextime.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.model.DatasetVersion;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.export.publish.ExportFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * schedule.solved → files in S3 with a manifest, one signed webhook with the changes; a duplicate
 * event adds nothing; later versions keep game UIDs, bump SEQUENCE of moved games and cancel removed ones,
 * and carry the analytics report and the comparison with the version before.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ExportFlowTest {
    @Inject
    StoredSchedules stored;
    @Inject
    ObjectStore objects;
    @Inject
    FlexTimeConfig config;
    @Inject
    ObjectMapper mapper;

    @Test
    void publishesEveryFormatOnceSignsTheWebhookAndTracksGamesAcrossVersions() throws Exception {
        String tenant = "exptest-" + UUID.randomUUID().toString().substring(0, 8);
        Season season = Fixtures.small("flow", 6);
        try (Receiver partner = new Receiver()) {
            String secret = given().header(Partners.publisher(tenant)).contentType("application/json")
                    .body(Map.of("tenant", tenant, "url", partner.url("/hook"), "eventTypes", List.of("flextime.schedule.published.v1")))
                    .post("/subscribe").then().statusCode(200).extract().path("secret");
            assertTrue(secret.startsWith("whsec_"));

            DatasetVersion dataset = stored.dataset(tenant, season, "json");
            List<Game> v1Games = Fixtures.roundRobin(season, 10, 1);
            ScheduleVersion v1 = stored.schedule(tenant, dataset, season, v1Games);
            CloudEvent solved = stored.solvedEvent(v1);
            stored.send(solved);
            stored.send(solved);

            // a solved version is a draft: review files under the drafts prefix, nothing partner-facing
            var drafted = KafkaProbe.read(EventType.EXPORT_COMPLETED.topic(), r -> v1.id().toString().equals(r.key()),
                    found -> !found.isEmpty(), Duration.ofSeconds(60));
            JsonNode draftEvent = mapper.readTree(drafted.get(0).value());
            assertEquals("draft", draftEvent.at("/data/stage").asText());
            String draftFolder = ExportFiles.draftFolder(tenant, season.season(), v1.id());
            assertEquals(draftFolder + "manifest.json", draftEvent.at("/data/manifestKey").asText());
            JsonNode draftManifest = mapper.readTree(objects.getBytes(config.buckets().exports(), draftFolder + "manifest.json"));
            assertEquals(Set.of("report.html", "report.pdf", "grid.pdf"), fileNames(draftManifest, draftFolder));
            Await.sleep(Duration.ofSeconds(2));
            assertEquals(0, partner.requests("/hook").size(), "no webhook before publishSchedule");
            assertEquals(0, count("SELECT count(*) FROM export_set WHERE tenant = '" + tenant + "'"), "no publication");
            assertEquals(0, count("SELECT count(*) FROM webhook_message WHERE tenant = '" + tenant + "'"), "no message queued");
            assertTrue(objects.list(config.buckets().exports(), ExportFiles.folder(tenant, season.season(), v1.id())).isEmpty(),
                    "no public feed (calendar, formats) before publishSchedule");
            assertEquals("DRAFT", given().header(Partners.viewer(tenant)).contentType("application/json")
                    .body(Map.of("tenant", tenant, "season", season.season())).post("/scheduleVersions").then().statusCode(200)
                    .extract().path("versions[0].lifecycle"));

            // publishSchedule: asked twice (a retried request), published once
            var first = Partners.publish(tenant, v1.id());
            assertEquals(1, first.getInt("publicationNumber"));
            assertTrue(!first.getBoolean("alreadyPublished"));
            var again = Partners.publish(tenant, v1.id());
            assertTrue(again.getBoolean("alreadyPublished"), "the second request answers the same publication");
            assertEquals(1, again.getInt("publicationNumber"));
            Await.until("the first webhook", Duration.ofSeconds(60), () -> partner.requests("/hook").size() >= 1);
            Await.sleep(Duration.ofSeconds(2));

            // one set, one webhook, whatever the duplicates
            assertEquals(1, partner.requests("/hook").size(), "a repeated publishSchedule sends no second webhook");
            assertEquals(1, count("SELECT count(*) FROM export_set WHERE tenant = '" + tenant + "'"));
            assertEquals(1, count("SELECT count(*) FROM webhook_delivery WHERE tenant = '" + tenant + "' AND status = 'DELIVERED'"));
            assertEquals(1, count("SELECT count(*) FROM webhook_attempt WHERE tenant = '" + tenant + "'"), "every attempt is logged");
            var publishedEvents = KafkaProbe.read(EventType.SCHEDULE_PUBLISHED.topic(), r -> v1.id().toString().equals(r.key()),
                    found -> found.size() >= 2, Duration.ofSeconds(30));
            assertEquals(1, publishedEvents.stream().map(r -> CloudEvent.parse(r.value().getBytes(StandardCharsets.UTF_8), mapper).id())
                    .distinct().count(), "schedule.published once (the repeated request re-emits the recorded event)");
            assertEquals(v1.correlationId(), mapper.readTree(publishedEvents.get(0).value()).path("correlationid").asText(),
                    "the publication continues the version's pipeline run");

            Receiver.Request hook = partner.requests("/hook").get(0);
            Map<String, List<String>> headers = new HashMap<>(hook.headers());
            new Webhook(secret).verify(hook.body(), headers); // the Standard Webhooks reference verifier
            assertTrue(hook.header("webhook-id").startsWith("msg_"));
            JsonNode payload = mapper.readTree(hook.body());
            assertEquals("flextime.schedule.published.v1", payload.get("type").asText());
            assertEquals(v1Games.size(), payload.at("/data/counts/added").asInt(), "the first version adds every game");
            assertEquals(v1Games.size(), payload.at("/data/changes").size());

            // the manifest matches the files
            String folder = ExportFiles.folder(tenant, season.season(), v1.id());
            JsonNode manifest = mapper.readTree(objects.getBytes(config.buckets().exports(), folder + "manifest.json"));
            Set<String> formats = new java.util.HashSet<>();
            for (JsonNode f : manifest.get("files")) {
                byte[] bytes = objects.getBytes(config.buckets().exports(), f.get("file").asText());
                assertEquals(f.get("bytes").asLong(), bytes.length, f.get("file").asText());
                assertEquals(f.get("sha256").asText(), ExportFiles.sha256(bytes), f.get("file").asText());
                formats.add(f.get("format").asText());
            }
            assertEquals(Set.of("csv", "json", "xlsx", "pdf", "ics", "xml", "html"), formats);
            Set<String> v1Files = fileNames(manifest, folder);
            assertTrue(v1Files.containsAll(Set.of("report.html", "report.pdf")), v1Files.toString());
            assertTrue(!v1Files.contains("comparison.html"), "the first version of a season has nothing to compare with");
            var completed = KafkaProbe.read(EventType.EXPORT_COMPLETED.topic(), r -> v1.id().toString().equals(r.key()),
                    found -> found.size() >= 3, Duration.ofSeconds(30));
            assertEquals(2, completed.stream().map(r -> CloudEvent.parse(r.value().getBytes(StandardCharsets.UTF_8), mapper).id())
                    .distinct().count(), "export.completed once for the draft, once for the publication (duplicates re-emit)");

            // the HTTP listing hands out working pre-signed URLs
            String url = given().header(Partners.viewer(tenant)).contentType("application/json")
                    .body(Map.of("tenant", tenant, "scheduleVersionId", v1.id().toString()))
                    .post("/exports").then().statusCode(200).extract().path("[0].manifestUrl");
            byte[] viaUrl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            assertArrayEquals(objects.getBytes(config.buckets().exports(), folder + "manifest.json"), viaUrl);
            List<String> teamFiles = given().header(Partners.viewer(tenant)).contentType("application/json")
                    .body(Map.of("tenant", tenant, "scheduleVersionId", v1.id().toString(), "team", "t3"))
                    .post("/teamFiles").then().statusCode(200).extract().path("file");
            assertTrue(teamFiles.contains(folder + "calendar/t3.ics") && teamFiles.contains(folder + "teams/t3/schedule.pdf"),
                    teamFiles.toString());

            Map<String, Integer> v1Sequences = sequences(icsOf(tenant, season, v1));
            assertEquals(v1Games.size(), v1Sequences.size());

            // version 2: game 1 moves -> same UID, SEQUENCE 1, game.moved in the webhook
            List<Game> v2Games = Fixtures.moveGame(season, v1Games, 1, 10);
            ScheduleVersion v2 = stored.schedule(tenant, dataset, season, v2Games);
            ScheduleVersion v2b = stored.schedule(tenant, dataset, season, Fixtures.moveGame(season, v1Games, 3, 11));
            stored.send(stored.solvedEvent(v2));
            KafkaProbe.read(EventType.EXPORT_COMPLETED.topic(), r -> v2.id().toString().equals(r.key()),
                    found -> !found.isEmpty(), Duration.ofSeconds(60));
            JsonNode draft2 = mapper.readTree(objects.getBytes(config.buckets().exports(),
                    ExportFiles.draftFolder(tenant, season.season(), v2.id()) + "manifest.json"));
            assertEquals(v1.id().toString(), draft2.path("comparedWithScheduleVersionId").asText(),
                    "a draft is compared with the published version");
            assertTrue(fileNames(draft2, ExportFiles.draftFolder(tenant, season.season(), v2.id())).contains("comparison.html"));
            Await.sleep(Duration.ofSeconds(1));
            assertEquals(1, partner.requests("/hook").size(), "a second draft sends nothing either");
            Partners.publish(tenant, v2.id());
            Await.until("the second webhook", Duration.ofSeconds(60), () -> partner.requests("/hook").size() >= 2);
            JsonNode p2 = mapper.readTree(partner.requests("/hook").get(1).body());
            assertEquals(0, p2.at("/data/counts/added").asInt());
            assertEquals(1, p2.at("/data/counts/moved").asInt());
            assertEquals(0, p2.at("/data/counts/removed").asInt());
            JsonNode moved = p2.at("/data/changes/0");
            assertEquals("game.moved", moved.get("type").asText());
            assertEquals(10, moved.get("slot").asInt());
            assertEquals(0, moved.at("/previous/slot").asInt());
            // the analytics comparison with v1 is part of v2's export set and names the moved game
            String folder2 = ExportFiles.folder(tenant, season.season(), v2.id());
            JsonNode manifest2 = mapper.readTree(objects.getBytes(config.buckets().exports(), folder2 + "manifest.json"));
            assertTrue(fileNames(manifest2, folder2).containsAll(Set.of("report.html", "report.pdf", "comparison.html",
                    "comparison.pdf")), manifest2.toString());
            org.jsoup.nodes.Document comparison = org.jsoup.Jsoup.parse(new String(objects.getBytes(config.buckets().exports(),
                    folder2 + "comparison.html"), StandardCharsets.UTF_8), "");
            assertEquals(List.of("moved"), comparison.select("section.table").last().select("tbody tr td:first-child").eachText());
            ICalendar ics2 = icsOf(tenant, season, v2);
            Map<String, Integer> v2Sequences = sequences(ics2);
            assertEquals(v1Sequences.keySet(), v2Sequences.keySet(), "UIDs are stable across versions");
            String movedUid = moved.get("uid").asText();
            assertEquals(1, v2Sequences.get(movedUid), "SEQUENCE bumped for the moved game");
            assertEquals(v2Sequences.size() - 1, v2Sequences.values().stream().filter(s -> s == 0).count(), "the others keep 0");
            VEvent movedEvent = ics2.getEvents().stream().filter(e -> e.getUid().getValue().equals(movedUid)).findFirst().orElseThrow();
            assertEquals(season.slots().get(10).date(), movedEvent.getDateStart().getValue().toInstant()
                    .atZone(java.time.ZoneId.of(movedEvent.getDateStart().getParameters().getTimezoneId() == null ? "UTC"
                            : movedEvent.getDateStart().getParameters().getTimezoneId())).toLocalDate());

            // version 3: game 2 is dropped -> STATUS:CANCELLED with a bumped SEQUENCE, game.removed
            List<Game> v3Games = v2Games.stream().filter(g -> g.number() != 2).toList();
            ScheduleVersion v3 = stored.schedule(tenant, dataset, season, v3Games);
            Partners.publish(tenant, v3.id());
            Await.until("the third webhook", Duration.ofSeconds(60), () -> partner.requests("/hook").size() >= 3);
            JsonNode p3 = mapper.readTree(partner.requests("/hook").get(2).body());
            assertEquals(1, p3.at("/data/counts/removed").asInt());
            String removedUid = p3.at("/data/changes/0/uid").asText();
            VEvent cancelled = icsOf(tenant, season, v3).getEvents().stream()
                    .filter(e -> e.getUid().getValue().equals(removedUid)).findFirst().orElseThrow();
            assertEquals("CANCELLED", cancelled.getStatus().getValue());
            assertEquals(1, cancelled.getSequence().getValue());
            Set<String> messageIds = partner.requests("/hook").stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
            assertEquals(3, messageIds.size(), "one message per published version");

            // v2b was made before v3: publishing it over v3 is refused unless the request says supersede
            given().header(Partners.publisher(tenant)).contentType("application/json")
                    .body(Map.of("tenant", tenant, "scheduleVersionId", v2b.id().toString()))
                    .post("/publishSchedule").then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("older-than-published"));
            Await.sleep(Duration.ofSeconds(1));
            assertEquals(3, partner.requests("/hook").size(), "a refused publication sends nothing");
            int number = given().header(Partners.publisher(tenant)).contentType("application/json")
                    .body(Map.of("tenant", tenant, "scheduleVersionId", v2b.id().toString(), "supersede", true))
                    .post("/publishSchedule").then().statusCode(200).body("superseded", org.hamcrest.Matchers.equalTo(true))
                    .extract().path("publicationNumber");
            assertEquals(4, number);
            Await.until("the fourth webhook", Duration.ofSeconds(60), () -> partner.requests("/hook").size() >= 4);
            JsonNode p4 = mapper.readTree(partner.requests("/hook").get(3).body());
            assertEquals(v3.id().toString(), p4.at("/data/previousScheduleVersionId").asText(), "changes against what partners had");
            assertEquals(1, p4.at("/data/counts/added").asInt(), "game 2 comes back");
            assertEquals(2, p4.at("/data/counts/moved").asInt(), "game 1 back to its slot, game 3 to slot 11");
        }
    }

    private ICalendar icsOf(String tenant, Season season, ScheduleVersion v) {
        String key = ExportFiles.folder(tenant, season.season(), v.id()) + "calendar/" + season.season() + ".ics";
        ICalendar cal = Biweekly.parse(new String(objects.getBytes(config.buckets().exports(), key), StandardCharsets.UTF_8)).first();
        assertNotNull(cal, key);
        return cal;
    }

    private static Map<String, Integer> sequences(ICalendar cal) {
        return cal.getEvents().stream().collect(Collectors.toMap(e -> e.getUid().getValue(), e -> e.getSequence().getValue()));
    }

    private static Set<String> fileNames(JsonNode manifest, String folder) {
        Set<String> names = new java.util.HashSet<>();
        manifest.get("files").forEach(f -> names.add(f.get("file").asText().substring(folder.length())));
        return names;
    }

    static long count(String sql) throws Exception {
        try (Connection c = TestDatabase.owner(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
