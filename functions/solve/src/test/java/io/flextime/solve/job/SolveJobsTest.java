package io.flextime.solve.job;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.security.Role;
import io.flextime.core.store.ScheduleRepository;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.core.trigger.MskEvent;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.DatasetValidated;
import io.flextime.events.data.SolveRequested;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Solve jobs through their real doors (HTTP, Kafka, the Lambda MSK function) on the real stack and solver. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class SolveJobsTest {
    private static final Duration SOLVE_WAIT = Duration.ofSeconds(90);

    @Inject
    TenantDb db;
    @Inject
    SeasonRepository seasons;
    @Inject
    ScheduleRepository schedules;
    @Inject
    EventPublisher publisher;
    @Inject
    ObjectMapper mapper;

    private final JobProbe jobs = new JobProbe(null);

    @Test
    void duplicateTriggersGiveOneJobAndOneScheduleVersion() throws Exception {
        String tenant = TestSeasons.tenant("solvetest");
        Season season = TestSeasons.compactDouble("dup", 6, false);
        UUID versionId = TestSeasons.store(db, seasons, mapper, tenant, season);
        Map<String, Object> request = JobProbe.request(tenant, versionId, 3, 11);

        String jobId = jobs.start(request).getString("jobId");
        assertEquals(jobId, jobs.start(request).getString("jobId"), "the same request names the same job");
        CloudEvent requested = publisher.create(EventType.SOLVE_REQUESTED, versionId.toString(), tenant, "corr-dup", null,
                new SolveRequested(null, versionId.toString(), 3, new SolveRequested.Weights(1.0, 1.0), 11L, 2, false, 0, null));
        KafkaProbe.send(EventType.SOLVE_REQUESTED.topic(), versionId.toString(), mapper.writeValueAsString(requested));

        JsonPath done = jobs.await(tenant, jobId, JobProbe.FINISHED, SOLVE_WAIT);
        assertEquals("SOLVED", done.getString("status"), done.prettify());
        assertEquals(1, JobProbe.count("SELECT count(*) FROM solve_job WHERE dataset_version_id = ?", versionId));
        assertEquals(1, JobProbe.count("SELECT count(*) FROM schedule_version WHERE dataset_version_id = ?", versionId));
        UUID scheduleId = UUID.fromString(done.getString("scheduleVersionId"));

        ScheduleVersion stored = db.inTenantBlocking(tenant, c -> schedules.find(c, scheduleId)).orElseThrow();
        assertEquals(6 * 5, stored.games().size(), "a double round robin of 6 teams has 30 games");
        for (Game g : stored.games()) {
            assertEquals(season.slots().get(g.slotIndex()).date(), g.date(), "the date is the slot's");
            assertEquals(g.homeTeam() + "-arena", g.venueId(), "the venue is the home team's");
        }
        assertEquals(done.getDouble("objective"), stored.objective(), 1e-9);
        assertTrue(stored.metrics().path("travelPerTeam").size() == 6, "travel per team is stored: " + stored.metrics());
        assertTrue(stored.metrics().has("breaksPerTeam") && stored.metrics().has("statistics"));

        // Triggers after the end: nothing is solved again; Kafka triggers re-emit the recorded result.
        int invocations = done.getInt("invocations");
        assertEquals("SOLVED", jobs.start(request).getString("status"));
        KafkaProbe.send(EventType.SOLVE_REQUESTED.topic(), versionId.toString(), mapper.writeValueAsString(requested));
        List<ConsumerRecord<String, String>> solved = KafkaProbe.read(EventType.SCHEDULE_SOLVED.topic(),
                r -> scheduleId.toString().equals(r.key()), found -> found.size() >= 2, SOLVE_WAIT);
        // Announced once, re-emitted for the late duplicate, and once more for the first Kafka duplicate
        // when the job (a second or less) had finished before that one was consumed.
        assertTrue(solved.size() >= 2 && solved.size() <= 3, "announced once, re-emitted for the late duplicates: " + solved);
        for (ConsumerRecord<String, String> r : solved) {
            assertEquals(id(solved.get(0)), id(r), "every re-emitted event is the recorded one");
        }
        assertEquals(invocations, jobs.status(tenant, jobId).getInt("invocations"), "no new invocation");
        assertEquals(1, JobProbe.count("SELECT count(*) FROM schedule_version WHERE dataset_version_id = ?", versionId));
    }

    @Test
    void cancelStopsARunningJobWithoutASchedule() throws Exception {
        String tenant = TestSeasons.tenant("solvetest");
        UUID versionId = TestSeasons.store(db, seasons, mapper, tenant, TestSeasons.compactDouble("cancel", 12, false));
        Map<String, Object> request = JobProbe.request(tenant, versionId, 120, 3);
        String jobId = jobs.start(request).getString("jobId");
        jobs.await(tenant, jobId, JobProbe.inStatus("RUNNING"), SOLVE_WAIT);

        Instant asked = Instant.now();
        jobs.cancel(tenant, jobId);
        JsonPath cancelled = jobs.await(tenant, jobId, JobProbe.FINISHED, Duration.ofSeconds(15));
        assertEquals("CANCELLED", cancelled.getString("status"), cancelled.prettify());
        assertTrue(Duration.between(asked, Instant.now()).toSeconds() < 10, "the search stopped within seconds");
        assertEquals(null, cancelled.getString("scheduleVersionId"));
        assertEquals(0, JobProbe.count("SELECT count(*) FROM schedule_version WHERE job_id = ?", UUID.fromString(jobId)));
        int invocations = cancelled.getInt("invocations");
        assertEquals("CANCELLED", jobs.start(request).getString("status"), "a cancelled job stays cancelled");
        Thread.sleep(1000);
        assertEquals(invocations, jobs.status(tenant, jobId).getInt("invocations"));
    }

    @Test
    void progressEventsComeAtMostOncePerSecond() throws Exception {
        String tenant = TestSeasons.tenant("solvetest");
        UUID versionId = TestSeasons.store(db, seasons, mapper, tenant, TestSeasons.compactDouble("progress", 10, false));
        String jobId = jobs.start(JobProbe.request(tenant, versionId, 7, 5)).getString("jobId");
        jobs.await(tenant, jobId, JobProbe.FINISHED, SOLVE_WAIT);

        List<Instant> times = KafkaProbe.read(EventType.SOLVE_PROGRESS.topic(), r -> jobId.equals(r.key()),
                found -> false, Duration.ofSeconds(4)).stream().map(r -> event(r).time()).sorted().toList();
        assertTrue(times.size() >= 3, "a 7 s solve reports progress several times: " + times);
        for (int i = 1; i < times.size(); i++) {
            long gap = Duration.between(times.get(i - 1), times.get(i)).toMillis();
            assertTrue(gap >= 990, "progress events " + (i - 1) + " and " + i + " are only " + gap + " ms apart");
        }
    }

    @Test
    void theLambdaFunctionSolvesInsideTheInvocation() throws Exception {
        String tenant = TestSeasons.tenant("solvetest");
        UUID versionId = TestSeasons.store(db, seasons, mapper, tenant, TestSeasons.compactDouble("lambda", 4, false));
        CloudEvent requested = publisher.create(EventType.SOLVE_REQUESTED, versionId.toString(), tenant, "corr-msk", null,
                new SolveRequested(null, versionId.toString(), 2, new SolveRequested.Weights(1.0, 1.0), 1L, 1, false, 0, null));
        MskEvent msk = MskEvent.of(EventType.SOLVE_REQUESTED.topic(), 0, 42, versionId.toString(),
                mapper.writeValueAsString(requested));

        given().header(TestTokens.operator()).contentType(ContentType.JSON).body(mapper.writeValueAsString(msk))
                .post("/solveFromKafka").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(204)));
        assertEquals(1, JobProbe.count("SELECT count(*) FROM solve_job WHERE dataset_version_id = ? AND status = 'SOLVED'",
                versionId), "the job was solved when the invocation returned");
    }

    @Test
    void aValidatedDatasetIsSolvedWhenItAsksForIt() throws Exception {
        String tenant = TestSeasons.tenant("solvetest");
        UUID auto = TestSeasons.store(db, seasons, mapper, tenant, TestSeasons.compactDouble("auto", 4, true));
        UUID manual = TestSeasons.store(db, seasons, mapper, tenant, TestSeasons.compactDouble("manual", 4, false));
        for (UUID version : List.of(manual, auto)) {
            CloudEvent validated = publisher.create(EventType.DATASET_VALIDATED, version.toString(), tenant, "corr-auto", null,
                    new DatasetValidated(version.toString(), UUID.randomUUID().toString(), 1.0, 0,
                            "reports/" + tenant + "/" + version + "/validation.json", version.equals(auto)));
            KafkaProbe.send(EventType.DATASET_VALIDATED.topic(), version.toString(), mapper.writeValueAsString(validated));
        }
        List<ConsumerRecord<String, String>> solved = KafkaProbe.read(EventType.SCHEDULE_SOLVED.topic(),
                r -> r.value().contains(auto.toString()), found -> !found.isEmpty(), SOLVE_WAIT);
        assertEquals(1, solved.size(), "the auto-solve dataset got its schedule");
        assertEquals(tenant, event(solved.get(0)).tenant());
        assertEquals(1, JobProbe.count("SELECT count(*) FROM solve_job WHERE dataset_version_id = ?", auto));
        assertEquals(0, JobProbe.count("SELECT count(*) FROM solve_job WHERE dataset_version_id = ?", manual),
                "autoSolve=false starts nothing");
    }

    @Test
    void aSeasonThatCannotBeModelledFailsTheJobOnceAndRaisesAnAlert() throws Exception {
        String tenant = TestSeasons.tenant("solvetest");
        Season good = TestSeasons.compactDouble("unmodellable", 4, false);
        ObjectNode params = mapper.createObjectNode().put("max", 1).put("mode", "H");
        params.putArray("teams").add("no-such-team");
        params.putArray("slots").add(0).add(1);
        Season bad = new Season(good.season(), good.name(), good.sport(), good.start(), good.end(), good.timeZone(),
                good.format(), good.weights(), false, good.teams(), good.venues(), good.slots(),
                List.of(new SeasonConstraint("CA1-ghost", ConstraintType.CA1, true, 0, params)), good.matchups(),
                good.distances());
        UUID versionId = TestSeasons.store(db, seasons, mapper, tenant, bad);
        JobProbe probe = new JobProbe(null);
        String jobId = probe.start(JobProbe.request(tenant, versionId, 5, 1)).getString("jobId");

        JsonPath failed = probe.await(tenant, jobId, JobProbe.FINISHED, Duration.ofSeconds(30));
        assertEquals("FAILED", failed.getString("status"), failed.prettify());
        assertTrue(failed.getString("error").contains("CA1-ghost") && failed.getString("error").contains("no-such-team"),
                "the error names the constraint and the team: " + failed.getString("error"));
        List<ConsumerRecord<String, String>> alerts = KafkaProbe.read("pipeline.alert.v1",
                r -> r.value().contains(jobId), found -> !found.isEmpty(), Duration.ofSeconds(20));
        assertEquals(1, alerts.size(), "one alert: no retries of a permanent failure");
        JsonNode alert = mapper.readTree(alerts.get(0).value()).path("data");
        assertEquals("ERROR", alert.path("severity").asText());
        assertEquals("solve", alert.path("stage").asText());
        assertTrue(alert.path("message").asText().contains("CA1-ghost"), alert.toString());
        Thread.sleep(1500); // a retry, if one were scheduled, would run within the test profile's retry delay
        assertTrue(probe.status(tenant, jobId).getInt("invocations") <= 1, "not retried");
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        var scheduler = TestTokens.auth("solvetest-none", Role.SCHEDULER);
        given().header(scheduler).contentType(ContentType.JSON)
                .body(Map.of("versionId", "nope", "timeBudgetSeconds", 0))
                .post("/startSolve").then().statusCode(422)
                .body("errors.column", hasItems("versionId", "timeBudgetSeconds"));
        given().header(scheduler).contentType(ContentType.JSON)
                .body(Map.of("tenant", "solvetest-none", "versionId", UUID.randomUUID().toString(), "timeBudgetSeconds", 5))
                .post("/startSolve").then().statusCode(404).body("code", equalTo("not-found"));
        given().header(scheduler).contentType(ContentType.JSON)
                .body(Map.of("tenant", "solvetest-none", "jobId", UUID.randomUUID().toString()))
                .post("/solveStatus").then().statusCode(404);
    }

    @Test
    void aTenantsJobsAndBudgetsAreCappedWithProblemsAndNothingLeftBehind() throws Exception {
        String tenant = TestSeasons.tenant("solvetest");
        UUID versionId = TestSeasons.store(db, seasons, mapper, tenant, TestSeasons.compactDouble("caps", 10, false));
        // flextime.solve.max-time-budget: PT2H; a day is refused before anything is recorded.
        given().header(TestTokens.auth(tenant, Role.SCHEDULER)).contentType(ContentType.JSON)
                .body(JobProbe.request(tenant, versionId, 24 * 3600, 1))
                .post("/startSolve").then().statusCode(422).body("errors.column", hasItems("timeBudgetSeconds"));
        assertEquals(0, JobProbe.count("SELECT count(*) FROM solve_job WHERE dataset_version_id = ?", versionId));

        // flextime.solve.max-active-jobs-per-tenant: 3. Each seed is a job of its own.
        List<String> started = new java.util.ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            started.add(jobs.start(JobProbe.request(tenant, versionId, 60, seed)).getString("jobId"));
        }
        given().header(TestTokens.auth(tenant, Role.SCHEDULER)).contentType(ContentType.JSON)
                .body(JobProbe.request(tenant, versionId, 60, 4)).post("/startSolve")
                .then().statusCode(429).contentType("application/problem+json").body("code", equalTo("too-many-solve-jobs"));
        assertEquals(3, JobProbe.count("SELECT count(*) FROM solve_job WHERE dataset_version_id = ?", versionId),
                "the refused job left no row");
        assertEquals(started.get(0), jobs.start(JobProbe.request(tenant, versionId, 60, 1)).getString("jobId"),
                "asking again for a job that exists is not a new job");

        for (String jobId : started) {
            jobs.cancel(tenant, jobId);
        }
        for (String jobId : started) {
            jobs.await(tenant, jobId, JobProbe.FINISHED, Duration.ofSeconds(30));
        }
        assertFalse(started.contains(jobs.start(JobProbe.request(tenant, versionId, 1, 4)).getString("jobId")),
                "with the others finished there is room again: a fourth job starts");
    }

    private CloudEvent event(ConsumerRecord<String, String> r) {
        try {
            return mapper.readValue(r.value(), CloudEvent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String id(ConsumerRecord<String, String> r) {
        return event(r).id();
    }

}
