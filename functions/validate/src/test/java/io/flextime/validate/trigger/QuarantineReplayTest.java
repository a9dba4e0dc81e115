package io.flextime.validate.trigger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.flextime.core.model.Season;
import io.flextime.core.model.Venue;
import io.flextime.core.security.Role;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.flextime.core.testing.TestTokens;
import io.flextime.validate.SeasonFixtures;
import io.flextime.validate.VersionFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A rejected version over HTTP: its failing records are quarantined, corrected, and replayed into a valid version. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class QuarantineReplayTest {
    @Inject
    VersionFixtures versions;

    @Test
    void failingRecordsAreQuarantinedCorrectedAndReplayed() throws Exception {
        String tenant = VersionFixtures.tenant();
        Header scheduler = TestTokens.auth(tenant, Role.SCHEDULER);
        Header viewer = TestTokens.auth(tenant, Role.VIEWER);
        Season season = SeasonFixtures.with(SeasonFixtures.valid(), b -> {
            b.venues.set(1, new Venue("hilton", "Hilton Coliseum", "Ames", 142.022694, -93.635083, 14384, "America/Chicago"));
            return b;
        });
        UUID version = versions.store(tenant, season);
        try (Connection c = TestDatabase.owner()) {
            c.createStatement().execute("INSERT INTO historical_game (version_id, tenant, row_number, season, game_date, home_team, "
                    + "away_team, home_score, away_score) SELECT '" + version + "', '" + tenant + "', g, '2024-25', "
                    + "DATE '2025-01-01' + g, 'kansas', CASE WHEN g = 3 THEN 'kansas' ELSE 'baylor' END, 70 + g, 60 FROM "
                    + "generate_series(1, 5) g");
        }
        Map<String, String> request = Map.of("tenant", tenant, "versionId", version.toString());

        JsonPath first = post(scheduler, "/revalidate", request).then().statusCode(200).extract().jsonPath();
        assertEquals("REJECTED", first.getString("report.outcome"));
        assertEquals("flextime.dataset.rejected.v1", first.getString("decisionType"));
        assertEquals(true, first.getBoolean("decidedNow"));

        List<Map<String, Object>> quarantined = given().header(viewer).queryParam("tenant", tenant).queryParam("versionId", version.toString())
                .get("/quarantined").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(List.of("historical_game:3", "venue:hilton"),
                quarantined.stream().map(q -> q.get("entity") + ":" + q.get("entityId")).toList());
        String gameId = (String) quarantined.get(0).get("id");
        String venueId = (String) quarantined.get(1).get("id");
        assertEquals("HIST_SAME_TEAM", ((List<Map<String, Object>>) quarantined.get(0).get("reasons")).get(0).get("code"));
        assertEquals("RANGE_LATITUDE", ((List<Map<String, Object>>) quarantined.get(1).get("reasons")).get(0).get("code"));

        post(scheduler, "/correctQuarantined", Map.of("tenant", tenant, "id", venueId, "record", Map.of("latitude", "north")))
                .then().statusCode(422).body("code", equalTo("invalid-correction"));
        post(scheduler, "/correctQuarantined", Map.of("tenant", tenant, "id", venueId, "record", Map.of("id", "hilton", "name",
                "Hilton Coliseum", "city", "Ames", "latitude", 42.022694, "longitude", -93.635083, "capacity", 14384,
                "timeZone", "America/Chicago"))).then().statusCode(200).body("status", equalTo("CORRECTED"));
        post(scheduler, "/correctQuarantined", Map.of("tenant", tenant, "id", gameId, "record", Map.of("rowNumber", 3, "season", "2024-25",
                "date", "2025-01-04", "homeTeam", "kansas", "awayTeam", "iowa-state", "homeScore", 73, "awayScore", 60,
                "neutral", false))).then().statusCode(200).body("status", equalTo("CORRECTED"));

        JsonPath replay = post(scheduler, "/replayQuarantine", request).then().statusCode(200).extract().jsonPath();
        String corrected = replay.getString("versionId");
        assertNotEquals(version.toString(), corrected);
        assertEquals("VALIDATED", replay.getString("validation.report.outcome"));
        assertEquals("flextime.dataset.validated.v1", replay.getString("validation.decisionType"));
        assertEquals(List.of("VALIDATED"), DatasetIngestedTriggerTest.strings(
                "SELECT status FROM dataset_version WHERE id = '" + corrected + "'"));
        assertEquals(List.of("baylor", "baylor", "iowa-state", "baylor", "baylor"), DatasetIngestedTriggerTest.strings(
                "SELECT away_team FROM historical_game WHERE version_id = '" + corrected + "' ORDER BY row_number"));
        assertEquals(List.of("REPLAYED", "REPLAYED"), DatasetIngestedTriggerTest.strings(
                "SELECT status FROM quarantine_record WHERE version_id = '" + version + "'"));
        post(scheduler, "/replayQuarantine", request).then().statusCode(409).body("code", equalTo("nothing-to-replay"));

        JsonPath again = post(scheduler, "/revalidate", request).then().statusCode(200).extract().jsonPath();
        assertEquals(false, again.getBoolean("decidedNow"), "the version was decided once; no second event");
        assertEquals(first.getString("decisionEventId"), again.getString("decisionEventId"));
        assertEquals(2, again.getInt("report.revision"));
        given().header(viewer).queryParam("tenant", tenant).queryParam("versionId", version.toString()).get("/validationReport")
                .then().statusCode(200).body("revision", equalTo(2)).body("outcome", equalTo("REJECTED"));
        given().header(viewer).queryParam("tenant", tenant).queryParam("versionId", UUID.randomUUID().toString()).get("/validationReport")
                .then().statusCode(404);
    }

    private static io.restassured.response.Response post(Header token, String path, Object body) {
        return given().header(token).contentType(ContentType.JSON).body(body).when().post(path);
    }
}
