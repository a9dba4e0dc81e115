package io.flextime.solve.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.Season;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.LocalStack;
import io.flextime.solve.engine.SeasonSolver;
import io.flextime.solve.engine.SolutionListener;
import io.flextime.solve.engine.SolveResult;
import io.flextime.solve.engine.SolveSettings;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Invocation deadlines chain through checkpoints: in tests an invocation lasts 5 s
 * ({@code %test.flextime.solve.invocation-deadline}), so a 15 s job runs as three invocations linked by
 * solve.requested continuations, each resuming from the last checkpoint (hint + objective cutoff).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ContinuationTest {
    private static final int BUDGET_SECONDS = 15;
    /** Ten teams: the exact search proves six-team seasons within one slice, and this test needs three. */
    private static final int TEAMS = 10;
    private static final double QUALITY_BAND = 0.10;

    @Inject
    TenantDb db;
    @Inject
    SeasonRepository seasons;
    @Inject
    ObjectMapper mapper;
    @Inject
    SeasonSolver solver;

    @Test
    void chainedShortInvocationsReachTheQualityOfOneUninterruptedRun() throws Exception {
        String tenant = TestSeasons.tenant("solvetest");
        Season season = TestSeasons.compactDouble("chain", TEAMS, false);
        UUID versionId = TestSeasons.store(db, seasons, mapper, tenant, season);
        JobProbe jobs = new JobProbe(null);

        String jobId = jobs.start(JobProbe.request(tenant, versionId, BUDGET_SECONDS, 17)).getString("jobId");
        JsonPath chained = jobs.await(tenant, jobId, JobProbe.FINISHED, Duration.ofSeconds(120));
        assertEquals("SOLVED", chained.getString("status"), chained.prettify());

        SolveResult uninterrupted = solver.solve(season, new SolveSettings(Duration.ofSeconds(BUDGET_SECONDS), 2, 17L, null,
                List.of(), null, null), SolutionListener.NONE);

        assertTrue(chained.getInt("continuations") >= 2, "the job ran in 5 s slices: " + chained.prettify());
        assertEquals(chained.getInt("continuations") + 1, chained.getInt("invocations"), chained.prettify());
        assertTrue(chained.getInt("checkpointLoads") >= 1, "continuations resumed from the checkpoint: " + chained.prettify());
        assertTrue(chained.getInt("checkpoints") >= 2, chained.prettify());
        assertTrue(chained.getDouble("elapsedSeconds") <= BUDGET_SECONDS + 2.0, "the budget holds over the chain");
        assertTrue(uninterrupted.hasSolution(), uninterrupted.status());
        // CP-SAT under a wall-clock limit is not reproducible, least of all on 2 cores shared with other
        // builds (measured on this season at load average 20: uninterrupted 19830 and 20292 in two runs,
        // chained 21749). The band absorbs that noise, and each slice must build on the checkpoint of
        // the one before (the checkpoints and loads asserted above).
        double chainedObjective = chained.getDouble("objective");
        assertTrue(chainedObjective <= uninterrupted.objective() * (1 + QUALITY_BAND),
                "chained " + chainedObjective + " vs uninterrupted " + uninterrupted.objective());
    }
}
