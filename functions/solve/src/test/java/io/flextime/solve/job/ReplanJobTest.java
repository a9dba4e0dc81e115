package io.flextime.solve.job;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.security.Role;
import io.flextime.core.store.ScheduleLineage;
import io.flextime.core.store.ScheduleRepository;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.solve.replan.ReplanFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The replan door runs a solve job like any other (tests: 5 s invocations, so a 12 s re-plan goes on in a
 * continuation from its checkpoint) and stores a draft whose parent is the base: frozen and pinned games in
 * place, the pins carried over, the fewest moves (known by enumeration) listed in {@code metrics.replan}.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ReplanJobTest {
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
    void aReplanIsASolveJobWhoseDraftKeepsFrozenAndPinnedGamesWithTheFewestMoves() throws Exception {
        String tenant = TestSeasons.tenant("replan");
        TestTokens.register(tenant);
        Season season = ReplanFixtures.season();
        UUID dataset = TestSeasons.store(db, seasons, mapper, tenant, season);
        List<Game> baseGames = ReplanFixtures.base(season);
        UUID baseId = UUID.randomUUID();
        ScheduleVersion base = new ScheduleVersion(baseId, tenant, dataset, UUID.randomUUID(), season.season(), "FEASIBLE", 0.0, 0.0,
                0.0, 0.0, null, "corr-" + baseId, Instant.now(), baseGames);
        int pinned = ReplanFixtures.gameAt(baseGames, 5, "t1");
        int postponed = ReplanFixtures.gameAt(baseGames, 4, "t1");
        db.inTenantBlocking(tenant, c -> schedules.insert(c, base).chain(() -> lineage.pin(c, baseId, Set.of(pinned))));

        Map<String, Object> request = Map.of("tenant", tenant, "baseVersionId", baseId.toString(),
                "frozenBefore", ReplanFixtures.date(ReplanFixtures.FROZEN).toString(), "changeWeight", 1000,
                "changes", List.of(Map.of("type", "postpone", "game", postponed),
                        Map.of("type", "teamUnavailable", "team", "t0", "dates", List.of(ReplanFixtures.date(3).toString(),
                                ReplanFixtures.date(4).toString(), ReplanFixtures.date(5).toString()))),
                "timeBudgetSeconds", 12, "seed", 5, "workers", 2);
        String jobId = replan(tenant, request).then().statusCode(200).extract().path("jobId");
        assertEquals(jobId, replan(tenant, request).then().statusCode(200).extract().path("jobId"),
                "the same re-plan asked twice is one job");
        JsonPath done = new JobProbe(null).await(tenant, jobId, JobProbe.FINISHED, Duration.ofSeconds(120));
        assertEquals("SOLVED", done.getString("status"), done.prettify());
        assertTrue(done.getInt("invocations") >= 2, "the re-plan ran on in a continuation: " + done.prettify());

        UUID draftId = UUID.fromString(done.getString("scheduleVersionId"));
        ScheduleVersion draft = db.inTenantBlocking(tenant, c -> schedules.find(c, draftId)).orElseThrow();
        ScheduleLineage.Lineage where = db.inTenantBlocking(tenant, c -> lineage.find(c, draftId)).orElseThrow();
        assertEquals(List.of("DRAFT", "replan", baseId.toString()), List.of(where.lifecycle(), where.origin(),
                where.parentVersionId().toString()));
        Set<String> placed = new HashSet<>();
        draft.games().forEach(g -> placed.add(g.slotIndex() + ":" + g.homeTeam() + ":" + g.awayTeam()));
        for (Game g : baseGames) {
            if (g.slotIndex() < ReplanFixtures.FROZEN || g.number() == pinned) {
                assertTrue(placed.contains(g.slotIndex() + ":" + g.homeTeam() + ":" + g.awayTeam()), "kept in place: " + g);
            }
        }
        Game pinnedGame = baseGames.get(pinned - 1);
        Set<Integer> pins = db.inTenantBlocking(tenant, c -> lineage.pinned(c, draftId));
        assertEquals(1, pins.size(), "the pin is carried over");
        Game carried = draft.games().stream().filter(g -> pins.contains(g.number())).findFirst().orElseThrow();
        assertEquals(List.of(pinnedGame.slotIndex(), pinnedGame.homeTeam(), pinnedGame.awayTeam()),
                List.of(carried.slotIndex(), carried.homeTeam(), carried.awayTeam()));

        JsonNode replan = draft.metrics().path("replan");
        int fewest = ReplanFixtures.fewestMoves(baseGames, Set.of(pinned), postponed);
        assertEquals(fewest, replan.path("movedBesidesPostponed").asInt(), replan.toPrettyString());
        assertEquals(fewest + 1, replan.path("moved").size(), "the moved games listed, the postponed one too");
        assertTrue(replan.path("travelDeltaKm").isNumber(), replan.toPrettyString());
    }

    @Test
    void anInvalidReplanNamesEachFieldAndAnUnknownBaseIsNotFound() {
        String tenant = TestSeasons.tenant("replan");
        TestTokens.register(tenant);
        replan(tenant, Map.of("tenant", tenant, "baseVersionId", "nope", "frozenBefore", "soon",
                "changes", List.of(Map.of("type", "flood")))).then().statusCode(422)
                .body("errors.column", org.hamcrest.Matchers.hasItems("baseVersionId", "frozenBefore", "changes[0].type"));
        replan(tenant, Map.of("tenant", tenant, "baseVersionId", UUID.randomUUID().toString(), "frozenBefore", "2026-01-09"))
                .then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo("unknown-schedule-version"));
    }

    private static io.restassured.response.Response replan(String tenant, Map<String, Object> body) {
        return given().header(TestTokens.auth(tenant, Role.SCHEDULER)).contentType(ContentType.JSON).body(body).post("/replan");
    }
}
