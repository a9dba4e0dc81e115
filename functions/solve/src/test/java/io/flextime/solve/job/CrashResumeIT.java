package io.flextime.solve.job;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.store.RedisLock;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.solve.store.CheckpointStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A solver process stopped with SIGTERM suspends its job (checkpoint, continuation, lock released);
 * one killed with SIGKILL loses at most one checkpoint interval: the packaged solve
 * function runs as its own JVM, is killed mid-search, and the job, triggered again in this test's
 * app once the dead process' lock has expired, resumes from the checkpoint in Redis. An integration
 * test (failsafe, after {@code package}) because it needs the packaged application.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class CrashResumeIT {
    private static final int BUDGET_SECONDS = 24;

    @Inject
    TenantDb db;
    @Inject
    SeasonRepository seasons;
    @Inject
    ObjectMapper mapper;
    @Inject
    RedisLock locks;

    @Test
    void aKilledSolverResumesFromItsCheckpointWhenTriggeredAgain() throws Exception {
        String tenant = TestSeasons.tenant("solvetest");
        UUID versionId = TestSeasons.store(db, seasons, mapper, tenant, TestSeasons.compactDouble("crash", 10, false));
        var request = JobProbe.request(tenant, versionId, BUDGET_SECONDS, 23);

        int port = freePort();
        Process child = startSolveProcess(port);
        JsonPath beforeKill;
        String jobId;
        try {
            awaitReady(child, port);
            JobProbe remote = new JobProbe(port);
            jobId = remote.start(request).getString("jobId");
            remote.await(tenant, jobId, j -> j.getInt("checkpoints") >= 2, Duration.ofSeconds(60));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no final checkpoint, the lock stays until its TTL
            child.waitFor(30, TimeUnit.SECONDS);
        }
        JobProbe local = new JobProbe(null);
        beforeKill = local.status(tenant, jobId);
        assertEquals("RUNNING", beforeKill.getString("status"), "killed mid-search: " + beforeKill.prettify());
        assertEquals(0, beforeKill.getInt("checkpointLoads"));
        double objectiveAtKill = beforeKill.getDouble("objective");

        awaitLockExpiry(UUID.fromString(jobId));
        assertEquals(jobId, local.start(request).getString("jobId"), "the re-trigger names the same job");
        JsonPath done = local.await(tenant, jobId, JobProbe.FINISHED, Duration.ofSeconds(90));
        assertEquals("SOLVED", done.getString("status"), done.prettify());

        assertTrue(done.getInt("checkpointLoads") >= 1, "resumed from the checkpoint: " + done.prettify());
        assertTrue(done.getDouble("objective") <= objectiveAtKill + 1e-6,
                "not worse than the checkpoint: " + done.getDouble("objective") + " vs " + objectiveAtKill);
        assertTrue(done.getDouble("elapsedSeconds") >= beforeKill.getDouble("elapsedSeconds"),
                "the time solved before the kill counts against the budget");
        assertTrue(done.getInt("invocations") >= 2, done.prettify());
        assertEquals(1, JobProbe.count("SELECT count(*) FROM schedule_version WHERE job_id = ?", UUID.fromString(jobId)));
    }

    @Test
    void aSolverStoppedWithSigtermSuspendsTheJobWithACheckpointAndAContinuation() throws Exception {
        String tenant = TestSeasons.tenant("solvetest");
        UUID versionId = TestSeasons.store(db, seasons, mapper, tenant, TestSeasons.compactDouble("sigterm", 10, false));
        var request = JobProbe.request(tenant, versionId, BUDGET_SECONDS, 29);

        int port = freePort();
        Process child = startSolveProcess(port);
        String jobId;
        try {
            awaitReady(child, port);
            JobProbe remote = new JobProbe(port);
            jobId = remote.start(request).getString("jobId");
            remote.await(tenant, jobId, j -> j.getInt("checkpoints") >= 1, Duration.ofSeconds(60));
            child.destroy(); // SIGTERM: Quarkus shuts down, the running search stops as at a deadline
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the solve process did not stop after SIGTERM");
        } finally {
            child.destroyForcibly();
        }
        JobProbe local = new JobProbe(null);
        JsonPath suspended = local.status(tenant, jobId);
        // This test's own app consumes solve.requested too and may already have taken the continuation up.
        assertTrue("SUSPENDED".equals(suspended.getString("status")) || suspended.getInt("invocations") >= 2,
                "stopped cleanly, not left RUNNING under a lock: " + suspended.prettify());
        List<ConsumerRecord<String, String>> continuations = KafkaProbe.read("solve.requested.v1",
                r -> r.value().contains(jobId) && r.value().contains("\"continuation\":true"), found -> !found.isEmpty(),
                Duration.ofSeconds(20));
        assertEquals(1, continuations.size(), "one continuation emitted on the way out");

        assertEquals(jobId, local.start(request).getString("jobId"), "the continuation's job");
        JsonPath done = local.await(tenant, jobId, JobProbe.FINISHED, Duration.ofSeconds(90));
        assertEquals("SOLVED", done.getString("status"), done.prettify());
        assertTrue(done.getInt("checkpointLoads") >= 1, "resumed from the shutdown checkpoint: " + done.prettify());
        assertTrue(done.getDouble("objective") <= suspended.getDouble("objective") + 1e-6, done.prettify());
    }

    /** The packaged solve function on its own port and the test database, without Kafka consumers. */
    private static Process startSolveProcess(int port) throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is missing: this test runs after `package`");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.reactive.url=postgresql://" + LocalStack.HOST + ":" + LocalStack.PG_PORT + "/"
                        + LocalStack.TEST_DB,
                "-Dquarkus.redis.hosts=redis://" + LocalStack.HOST + ":" + LocalStack.REDIS_PORT,
                "-Dkafka.bootstrap.servers=" + LocalStack.kafkaBootstrap(),
                "-Dmp.messaging.incoming.dataset-validated.enabled=false",
                "-Dmp.messaging.incoming.solve-requested.enabled=false",
                "-Dflextime.solve.lock-ttl=PT3S",
                "-Dmp.jwt.verify.publickey.location=" + TestTokens.identity().jwks().toUri(),
                "-Dquarkus.log.console.json.enabled=false",
                "-jar", jar.toString()));
        File log = Path.of("target/crash-resume-child.log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitReady(Process child, int port) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            assertTrue(child.isAlive(), "the solve process died at start; see target/crash-resume-child.log");
            try {
                if (given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // connection refused while it boots
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the solve process was not ready within 90 s; see target/crash-resume-child.log");
    }

    private void awaitLockExpiry(UUID jobId) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (locks.holder(CheckpointStore.lockKey(jobId)).isPresent()) {
            assertTrue(System.nanoTime() < end, "the dead process' lock did not expire");
            Thread.sleep(200);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
