package io.flextime.solve.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.model.Season;
import io.flextime.core.security.Door;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.DoorMatrix;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.core.trigger.MskEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.SolveRequested;
import io.flextime.solve.bench.BenchInstances;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** solve's doors × roles × own/other tenant, from the Door table (DoorMatrix). */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class SolveDoorMatrixTest {
    private static final String TENANT = TestSeasons.tenant("matrix");

    @Inject
    TenantDb db;
    @Inject
    SeasonRepository seasons;
    @Inject
    ObjectMapper mapper;
    @Inject
    EventPublisher publisher;

    @Test
    void everyFunqIsARowOfTheDoorTable() {
        DoorMatrix.assertEveryFunqGuarded("solve");
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        TestTokens.register(TENANT);
        UUID version = TestSeasons.store(db, seasons, mapper, TENANT, TestSeasons.compactDouble("matrix", 4, false));
        JobProbe probe = new JobProbe(null);
        String finished = probe.start(JobProbe.request(TENANT, version, 1, 1)).getString("jobId");
        // A job that ends without a schedule (see ContinueSolveTest), for the one allowed continueSolve.
        UUID hard = TestSeasons.store(db, seasons, mapper, TENANT, itc("Middle_1"));
        String unfinished = probe.start(JobProbe.request(TENANT, hard, 1, 3)).getString("jobId");
        awaitUnfinished(probe, unfinished);
        // Long enough to be still running (or waiting for the pool) when the matrix cancels it.
        UUID large = TestSeasons.store(db, seasons, mapper, TENANT, TestSeasons.compactDouble("matrix-large", 12, false));
        String running = probe.start(JobProbe.request(TENANT, large, 600, 2)).getString("jobId");
        String base = awaitSolved(probe, finished);
        return DoorMatrix.of("solve", TENANT, Map.of(
                Door.START_SOLVE, (tenant, id) -> JobProbe.request(tenant, version, 1, ThreadLocalRandom.current().nextLong(1000, 1_000_000)),
                Door.SOLVE_STATUS, (tenant, id) -> Map.of("tenant", tenant, "jobId", finished),
                Door.CANCEL_SOLVE, (tenant, id) -> Map.of("tenant", tenant, "jobId", running),
                Door.CONTINUE_SOLVE, (tenant, id) -> Map.of("tenant", tenant, "jobId", unfinished, "timeBudgetSeconds", 2),
                Door.SOLVE_FROM_KAFKA, (tenant, id) -> requested(version, id),
                Door.REPLAN, (tenant, id) -> Map.of("tenant", tenant, "baseVersionId", base, "frozenBefore", "2026-01-01",
                        "changes", List.of(), "timeBudgetSeconds", 1, "seed", ThreadLocalRandom.current().nextLong(1000, 1_000_000)),
                Door.EDIT_DRAFT, (tenant, id) -> Map.of("tenant", tenant, "scheduleVersionId", base, "edits",
                        List.of(Map.of("type", "pin", "games", List.of(ThreadLocalRandom.current().nextInt(1, 13)))))));
    }

    private static Season itc(String name) {
        try {
            return BenchInstances.itc(BenchInstances.repoData(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schedule version of a job that must end SOLVED (a re-plan's base). */
    private static String awaitSolved(JobProbe probe, String jobId) {
        try {
            var done = probe.await(TENANT, jobId, JobProbe.FINISHED, Duration.ofSeconds(90));
            if (!"SOLVED".equals(done.getString("status"))) {
                throw new AssertionError("the re-plan's base job ended " + done.prettify());
            }
            return done.getString("scheduleVersionId");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitUnfinished(JobProbe probe, String jobId) {
        try {
            String status = probe.await(TENANT, jobId, JobProbe.FINISHED, Duration.ofSeconds(90)).getString("status");
            if (!"UNFINISHED".equals(status)) {
                throw new AssertionError("the continueSolve fixture ended " + status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An MSK batch asking for a one-second solve of the own tenant's version, in run {@code correlationId}. */
    private MskEvent requested(UUID version, String correlationId) {
        long seed = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
        try {
            String event = mapper.writeValueAsString(publisher.create(EventType.SOLVE_REQUESTED, version.toString(), TENANT,
                    correlationId, null, new SolveRequested(null, version.toString(), 1, new SolveRequested.Weights(1.0, 1.0),
                            seed, 1, false, 0, null)));
            return MskEvent.of(EventType.SOLVE_REQUESTED.topic(), 0, 1, version.toString(), event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
