package io.flextime.solve.job;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.Season;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.LocalStack;
import io.flextime.solve.bench.BenchInstances;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** continueSolve: a job that ended without a schedule runs again, once per new total budget. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ContinueSolveTest {
    @Inject
    TenantDb db;
    @Inject
    SeasonRepository seasons;
    @Inject
    ObjectMapper mapper;

    @Test
    void anUnfinishedJobContinuesWithALargerTotalBudget() throws Exception {
        String tenant = TestSeasons.tenant("solvetest");
        // ITC2021 Middle_1: CP-SAT needs tens of seconds for its first feasible schedule here (solve
        // README), so a one-second job ends UNFINISHED, and so does its two-second continuation.
        Season season = BenchInstances.itc(BenchInstances.repoData(), "Middle_1");
        UUID versionId = TestSeasons.store(db, seasons, mapper, tenant, season);
        JobProbe jobs = new JobProbe(null);
        String jobId = jobs.start(JobProbe.request(tenant, versionId, 1, 5)).getString("jobId");
        JsonPath first = jobs.await(tenant, jobId, JobProbe.FINISHED, Duration.ofSeconds(90));
        assertEquals("UNFINISHED", first.getString("status"), first.prettify());
        assertEquals(1, first.getInt("invocations"));

        jobs.continueSolve(tenant, jobId, 1).statusCode(409).body("code", equalTo("budget-spent"));
        jobs.continueSolve(tenant, jobId, 100_000).statusCode(422).body(containsString("timeBudgetSeconds"));
        jobs.continueSolve(tenant, jobId, 3).statusCode(200).body("parameters.timeBudgetSeconds", equalTo(3));
        // A repeat while it runs changes nothing.
        jobs.continueSolve(tenant, jobId, 3).statusCode(200).body("continuations", equalTo(1));

        JsonPath done = jobs.await(tenant, jobId, JobProbe.FINISHED, Duration.ofSeconds(90));
        assertEquals("UNFINISHED", done.getString("status"), done.prettify());
        assertEquals(2, done.getInt("invocations"), "the continuation ran: " + done.prettify());
        assertEquals(1, done.getInt("continuations"));
        assertTrue(done.getDouble("elapsedSeconds") > first.getDouble("elapsedSeconds"), done.prettify());
        // Its new budget is spent: the same request again is refused, a larger one would run it again.
        jobs.continueSolve(tenant, jobId, 3).statusCode(409).body("code", equalTo("budget-spent"));
        assertEquals(1, JobProbe.count("SELECT count(*) FROM audit_event WHERE action = 'continueSolve' AND outcome = 'ok' "
                + "AND target->>'jobId' = ?", jobId), "one audit record for the one continuation");
    }

    @Test
    void aSolvedJobDoesNotContinue() throws Exception {
        String tenant = TestSeasons.tenant("solvetest");
        UUID versionId = TestSeasons.store(db, seasons, mapper, tenant, TestSeasons.compactDouble("solved", 4, false));
        JobProbe jobs = new JobProbe(null);
        String jobId = jobs.start(JobProbe.request(tenant, versionId, 2, 7)).getString("jobId");
        assertEquals("SOLVED", jobs.await(tenant, jobId, JobProbe.FINISHED, Duration.ofSeconds(60)).getString("status"));
        jobs.continueSolve(tenant, jobId, 10).statusCode(409).body("code", equalTo("job-not-unfinished"));
    }
}
