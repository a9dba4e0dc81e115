package io.flextime.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Game;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.core.testing.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The canonical model goes into PostgreSQL and comes back identical, under the tenant's scope. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class SeasonRepositoryTest {
    @Inject
    TenantDb db;
    @Inject
    SeasonRepository seasons;
    @Inject
    ScheduleRepository schedules;
    @Inject
    ObjectMapper mapper;

    @Test
    void aSeasonRoundTripsAndVersionsCountUp() {
        String tenant = "coretest-" + UUID.randomUUID().toString().substring(0, 8);
        Season season = sample();
        var counts = mapper.createObjectNode().put("teams", 2);
        UUID v1 = UUID.randomUUID();
        UUID v2 = UUID.randomUUID();
        db.inTenantBlocking(tenant, c -> seasons.insert(c, new SeasonRepository.NewVersion(v1, tenant, "sha-1", "json",
                "uploads/x.json", "raw/x", counts, null, "corr"), season));
        var second = db.inTenantBlocking(tenant, c -> seasons.insert(c, new SeasonRepository.NewVersion(v2, tenant, "sha-2",
                "json", "uploads/x.json", "raw/y", counts, null, "corr"), season));
        assertEquals(2, second.versionNumber());

        Season loaded = db.inTenantBlocking(tenant, c -> seasons.loadSeason(c, v1)).orElseThrow();
        assertEquals(season, loaded);
        assertTrue(db.inTenantBlocking(tenant, c -> seasons.findByChecksum(c, tenant, "sha-2")).isPresent());
        assertTrue(db.inTenantBlocking("someone-else", c -> seasons.find(c, v1)).isEmpty(), "invisible to other tenants");

        UUID job = UUID.randomUUID();
        ScheduleVersion schedule = new ScheduleVersion(UUID.randomUUID(), tenant, v1, job, season.season(), "OPTIMAL", 10.0,
                10.0, 0.0, 1234.5, mapper.createObjectNode(), "corr", null,
                List.of(new Game(1, 0, LocalDate.of(2026, 1, 3), "ku", "isu", "allen"),
                        new Game(2, 1, LocalDate.of(2026, 1, 6), "isu", "ku", "hilton")));
        assertTrue((boolean) db.inTenantBlocking(tenant, c -> schedules.insert(c, schedule)));
        assertFalse((boolean) db.inTenantBlocking(tenant, c -> schedules.insert(c, schedule)), "one schedule per job");
        var back = db.inTenantBlocking(tenant, c -> schedules.findByJob(c, job)).orElseThrow();
        assertEquals(schedule.games(), back.games());
    }

    private Season sample() {
        ObjectNode params = mapper.createObjectNode();
        params.putArray("teams").add("ku");
        params.putArray("slots").add(0);
        params.put("max", 0).put("mode", "H");
        return new Season("coretest-season", "Core test season", "basketball", LocalDate.of(2026, 1, 2),
                LocalDate.of(2026, 3, 7), "America/Chicago",
                new SeasonFormat(SeasonFormat.RoundRobin.DOUBLE, false, true, true, null, null, 2, null),
                new ObjectiveWeights(1.0, 10.0), true,
                List.of(new Team("ku", "Kansas", "allen", "America/Chicago", Map.of("conference", "big12")),
                        new Team("isu", "Iowa State", "hilton", "America/Chicago", Map.of())),
                List.of(new Venue("allen", "Allen Fieldhouse", "Lawrence", 38.954, -95.252, 16300, "America/Chicago"),
                        new Venue("hilton", "Hilton Coliseum", "Ames", 42.021, -93.636, 14384, "America/Chicago")),
                List.of(new Slot(0, LocalDate.of(2026, 1, 3), null, null, "R1"),
                        new Slot(1, LocalDate.of(2026, 1, 6), null, null, "R2")),
                List.of(new SeasonConstraint("c1", ConstraintType.CA1, true, 0, params)),
                List.of(new Matchup("isu", "ku", 1), new Matchup("ku", "isu", 1)), // stored order: home, away
                List.of());
    }
}
