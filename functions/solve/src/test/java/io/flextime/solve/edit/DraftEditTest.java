package io.flextime.solve.edit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.security.Role;
import io.flextime.core.store.ScheduleLineage;
import io.flextime.core.store.ScheduleRepository;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.events.EventType;
import io.flextime.solve.job.TestSeasons;
import io.flextime.solve.replan.ReplanFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * editDraft on a small dated season: a check saves nothing; a saved edit is a new draft whose parent is the
 * edited version (the same edits again: the same draft); a pinned game does not move; an edit that breaks a
 * hard rule is refused with the rule named; marked unavailability is checked.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class DraftEditTest {
    @Inject
    TenantDb db;
    @Inject
    SeasonRepository seasons;
    @Inject
    ScheduleRepository schedules;
    @Inject
    ScheduleLineage lineage;
    @Inject
    ObjectMapper mapper;

    @Test
    void editsAreCheckedAtOnceAndSavedAsDraftsWithTheirParent() {
        String tenant = TestSeasons.tenant("edittest");
        TestTokens.register(tenant);
        Season season = ReplanFixtures.season();
        UUID dataset = UUID.randomUUID();
        db.inTenantBlocking(tenant, c -> seasons.insert(c, new SeasonRepository.NewVersion(dataset, tenant, "sha-" + dataset, "json",
                "uploads/" + tenant + "/season.json", null, mapper.createObjectNode(), null, "corr-" + dataset), season));
        List<Game> games = ReplanFixtures.base(season);
        UUID baseId = UUID.randomUUID();
        db.inTenantBlocking(tenant, c -> schedules.insert(c, new ScheduleVersion(baseId, tenant, dataset, UUID.randomUUID(),
                season.season(), "FEASIBLE", 1.0, 0.5, 0.5, 0.0, null, "corr-" + baseId, Instant.now(), games)));
        int first = games.get(0).number(); // t0 hosts t1 in slot 0

        Map<String, Object> move = Map.of("type", "move", "game", first, "slot", 6);
        JsonPath checked = edit(tenant, baseId, List.of(move), true).then().statusCode(200).extract().jsonPath();
        assertFalse(checked.getBoolean("saved"));
        assertTrue(checked.getDouble("travelDeltaKm") != 0 || checked.getDouble("objectiveDelta") != 0, checked.prettify());
        assertEquals(1, count(tenant), "a check saves nothing");

        JsonPath saved = edit(tenant, baseId, List.of(move, Map.of("type", "pin", "games", List.of(first))), false)
                .then().statusCode(200).extract().jsonPath();
        assertTrue(saved.getBoolean("saved"));
        String draftId = saved.getString("scheduleVersionId");
        assertEquals(draftId, edit(tenant, baseId, List.of(move, Map.of("type", "pin", "games", List.of(first))), false)
                .then().statusCode(200).extract().path("scheduleVersionId"), "the same edits again: the same draft");
        assertEquals(2, count(tenant));
        UUID draft = UUID.fromString(draftId);
        ScheduleLineage.Lineage where = db.inTenantBlocking(tenant, c -> lineage.find(c, draft)).orElseThrow();
        assertEquals(List.of("DRAFT", "edit", baseId.toString()), List.of(where.lifecycle(), where.origin(),
                where.parentVersionId().toString()));
        ScheduleVersion edited = db.inTenantBlocking(tenant, c -> schedules.find(c, draft)).orElseThrow();
        assertEquals(6, edited.games().stream().filter(g -> g.number() == first).findFirst().orElseThrow().slotIndex());
        assertEquals(Set.of(first), db.inTenantBlocking(tenant, c -> lineage.pinned(c, draft)));
        assertFalse(KafkaProbe.read(EventType.SCHEDULE_SOLVED.topic(), r -> draftId.equals(r.key()), found -> !found.isEmpty(),
                Duration.ofSeconds(30)).isEmpty(), "the draft is announced, for its review files");

        // a pinned game stays; an edit breaking a hard rule is refused, naming it
        edit(tenant, draft, List.of(Map.of("type", "move", "game", first, "slot", 7)), false).then().statusCode(422)
                .body("errors.reason", hasItem(org.hamcrest.Matchers.containsString("pinned")));
        edit(tenant, draft, List.of(Map.of("type", "teamUnavailable", "team", "t2", "dates",
                List.of(ReplanFixtures.date(1).toString()))), false).then().statusCode(422)
                .body("code", equalTo("edit-breaks-hard-rules"))
                .body("errors.column", hasItem("edit-team-t2-unavailable-1"));
        edit(tenant, draft, List.of(Map.of("type", "move", "game", games.get(2).number(), "slot", 0)), false).then().statusCode(422)
                .body("code", equalTo("edit-breaks-hard-rules"));
        edit(tenant, draft, List.of(Map.of("type", "move", "game", 99, "slot", 1), Map.of("type", "flood")), false)
                .then().statusCode(422).body("errors.column", org.hamcrest.Matchers.hasItems("edits[0].game", "edits[1].type"));
        assertEquals(2, count(tenant), "nothing refused was saved");
    }

    private static Response edit(String tenant, UUID version, List<Map<String, Object>> edits, boolean check) {
        return given().header(TestTokens.auth(tenant, Role.SCHEDULER)).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "scheduleVersionId", version.toString(), "edits", edits, "check", check))
                .post("/editDraft");
    }

    private int count(String tenant) {
        return db.inTenantBlocking(tenant, c -> c.query("SELECT count(*) FROM schedule_version").execute()
                .map(rows -> rows.iterator().next().getInteger(0)));
    }
}
