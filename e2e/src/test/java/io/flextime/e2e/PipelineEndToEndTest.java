package io.flextime.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.security.Role;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.AuditRows;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.core.trigger.S3EventNotification;
import io.flextime.events.EventJson;
import io.flextime.events.EventType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pipeline as a whole (issue 9), with the five functions as separate processes: an upload of the
 * Big 12 sample ends in a signed webhook at a partner whose contents match the schedule stored in
 * PostgreSQL; every trigger of that run delivered twice has no second effect; a solve process killed
 * with SIGKILL mid-search is replaced and the run still completes once; Redis, PostgreSQL and Kafka
 * each restarted mid-solve ({@code ./flextime stack restart}) and the run still completes once.
 * Each run has its own tenant, so the runs do not see each other's rows.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {
    /** The solve budget of these runs (auto-solve, {@code flextime.solve.default-time-budget}). */
    static final Duration SOLVE_BUDGET = Duration.parse(System.getProperty("e2e.solve-budget", "PT60S"));
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(300);
    static final String PUBLISHED = "flextime.schedule.published.v1";
    static final Set<String> FAILURES = Set.of(EventType.DATASET_INGEST_FAILED.type(), EventType.DATASET_REJECTED.type(),
            EventType.SCHEDULE_INFEASIBLE.type(), EventType.SOLVE_UNFINISHED.type(), EventType.WEBHOOK_DEAD_LETTERED.type());

    static FunctionProcesses functions;
    static PartnerEndpoint partner;
    /** The run of the first test; the duplicates test replays its triggers. */
    static Run firstRun;

    record Run(String tenant, String endpointId, S3EventNotification s3Event, UUID versionId, String correlationId,
            UUID scheduleVersionId, String partnerPath) {
    }

    @Inject
    ObjectStore store;
    @Inject
    TenantDb db;
    @Inject
    ObjectMapper mapper;
    @Inject
    FlexTimeConfig config;

    @RegisterExtension
    static final TestWatcher LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (functions != null) {
                System.out.println("FAILED " + context.getDisplayName() + "; function logs:" + functions.tails(40));
            }
        }
    };

    @BeforeAll
    static void startFunctions() {
        LocalStack.ensureRunning();
        partner = new PartnerEndpoint(EventJson.newMapper());
        functions = new FunctionProcesses(Map.of(
                "FLEXTIME_SOLVE_DEFAULT_BUDGET", SOLVE_BUDGET.toString(),
                // A killed solve process frees its job after this lease (default 15 s): keeps the crash test short.
                "FLEXTIME_SOLVE_LOCK_TTL", "PT8S",
                "FLEXTIME_ALERTS_SLACK_WEBHOOK_URL", partner.url("/slack")));
        try {
            functions.startAll(Duration.ofSeconds(150));
        } catch (RuntimeException e) {
            functions.close();
            throw e;
        }
    }

    @AfterAll
    static void stopFunctions() {
        if (functions != null) {
            functions.close();
        }
        if (partner != null) {
            partner.close();
        }
    }

    @Test
    @Order(1)
    void anUploadEndsInAVerifiedWebhookThatMatchesTheStoredSchedule() throws Exception {
        Run run = startRun();
        PartnerEndpoint.Delivery delivery = awaitPublication(run);
        assertNull(delivery.problem(), "the partner could not verify the webhook: " + delivery.problem());
        assertTrue(delivery.webhookId().startsWith("msg_"), delivery.webhookId());
        JsonNode data = delivery.json().path("data");
        assertEquals(PUBLISHED, delivery.json().path("type").asText());

        Stored stored = new Stored(db, run.tenant());
        List<Stored.Schedule> schedules = stored.schedules();
        assertEquals(1, schedules.size(), "schedule versions of " + run.tenant());
        Stored.Schedule schedule = schedules.get(0);
        assertEquals(schedule.id().toString(), data.path("scheduleVersionId").asText());
        assertEquals(run.versionId().toString(), data.path("datasetVersionId").asText());
        assertEquals(run.versionId(), schedule.datasetVersionId());
        assertEquals(run.correlationId(), schedule.correlationId(), "one correlation id from upload to schedule");
        assertEquals(schedule.season(), data.path("season").asText());
        assertEquals(schedule.status(), data.path("status").asText());
        assertTrue(data.path("previousScheduleVersionId").isNull(), "first publication of the season");
        assertEquals(uploads().expectedGames(Uploads.SAMPLE), schedule.games().size(), "games of " + Uploads.SAMPLE);
        assertEquals(schedule.games().size(), data.path("games").asInt());

        // The first publication lists every stored game as added, placed where the schedule puts it.
        assertEquals(schedule.games().size(), data.path("counts").path("added").asInt());
        assertEquals(0, data.path("counts").path("moved").asInt());
        assertEquals(0, data.path("counts").path("removed").asInt());
        Set<Stored.GameRow> published = new HashSet<>();
        for (JsonNode c : data.path("changes")) {
            assertEquals("game.added", c.path("type").asText());
            assertEquals("CONFIRMED", c.path("status").asText());
            published.add(new Stored.GameRow(c.path("number").asInt(), c.path("slot").asInt(),
                    java.time.LocalDate.parse(c.path("date").asText()), c.path("home").asText(), c.path("away").asText(),
                    c.path("venue").asText()));
        }
        assertEquals(Set.copyOf(schedule.games()), published, "webhook games vs the game table");

        // The files it announces are in S3, byte for byte (sha256), next to the manifest.
        String manifestKey = data.path("manifestKey").asText();
        assertEquals(stored.exportManifestKey(schedule.id()).orElseThrow(), manifestKey);
        assertTrue(manifestKey.startsWith("exports/" + run.tenant() + "/"), manifestKey);
        JsonNode manifest = mapper.readTree(store.getBytes(config.buckets().exports(), manifestKey));
        assertEquals(schedule.id().toString(), manifest.path("scheduleVersionId").asText());
        String folder = manifestKey.substring(0, manifestKey.length() - "manifest.json".length());
        Set<String> formats = new HashSet<>();
        assertTrue(data.path("files").size() >= 6, "files: " + data.path("files"));
        for (JsonNode f : data.path("files")) {
            String key = f.path("file").asText(); // the object key
            assertTrue(key.startsWith(folder), key + " is next to " + manifestKey);
            byte[] bytes = store.getBytes(config.buckets().exports(), key);
            assertEquals(f.path("bytes").asLong(), bytes.length, f.path("file").asText());
            assertEquals(f.path("sha256").asText(), sha256(bytes), f.path("file").asText());
            formats.add(f.path("format").asText());
        }
        assertTrue(formats.containsAll(Set.of("csv", "json", "xlsx", "pdf", "ics", "xml")), "formats: " + formats);

        // Recorded as delivered once, and the run's success was announced (Slack-compatible message).
        assertEquals(1, stored.count("SELECT count(*) FROM webhook_delivery WHERE endpoint_id = $1 AND status = 'DELIVERED'",
                run.endpointId()));
        List<JsonNode> slack = awaitSlack(run, "export succeeded");
        assertEquals(1, slack.size(), "success notifications: " + slack);

        firstRun = new Run(run.tenant(), run.endpointId(), run.s3Event(), run.versionId(), run.correlationId(), schedule.id(),
                run.partnerPath());
        assertEquals(RUN_MUTATIONS, auditedActions(run), "one audit record per mutation of the run, by who made it");
    }

    /**
     * The run's mutations, each recorded once in the tenant's audit trail under the run's correlation id:
     * the upload (the uploader's token, HTTP), then each function acting on the event of the one before.
     */
    static final List<String> RUN_MUTATIONS = List.of("http ingestUpload ok", "kafka " + EventType.DATASET_INGESTED.type() + " ok",
            "kafka " + EventType.DATASET_VALIDATED.type() + " ok", "kafka " + EventType.SCHEDULE_SOLVED.type() + " ok",
            "http publishSchedule ok");

    private static List<String> auditedActions(Run run) {
        return AuditRows.byCorrelation(run.correlationId()).stream().filter(r -> r.tenant().equals(run.tenant()))
                .map(r -> r.via() + " " + r.action() + " " + r.outcome()).toList();
    }

    @Test
    @Order(2)
    void everyTriggerDeliveredTwiceHasOneEffect() {
        Run run = firstRun;
        assertNotNull(run, "needs the completed run of the first test");
        Stored stored = new Stored(db, run.tenant());
        List<RunRecords.RunRecord> records = RunRecords.of(run.correlationId(), mapper);
        Map<String, Long> idsBefore = distinctIdsPerType(records);
        for (String type : List.of(EventType.DATASET_INGESTED.type(), EventType.DATASET_VALIDATED.type(),
                EventType.SCHEDULE_SOLVED.type(), EventType.SCHEDULE_PUBLISHED.type(), EventType.WEBHOOK_DELIVERED.type())) {
            assertEquals(1L, idsBefore.getOrDefault(type, 0L), type + " events of the run: " + idsBefore);
        }
        assertEquals(2L, idsBefore.getOrDefault(EventType.EXPORT_COMPLETED.type(), 0L), "the draft's review files, then the "
                + "publication's: " + idsBefore);

        // The S3 event again: the same upload is recognised.
        JsonNode again = uploads().deliver(functions.url("ingest"), run.s3Event());
        assertEquals("UNCHANGED", again.path(0).path("status").asText(), again.toString());
        assertEquals(run.versionId().toString(), again.path(0).path("versionId").asText());

        // Every Kafka record of the run again, as an at-least-once broker may deliver it.
        for (RunRecords.RunRecord r : records) {
            KafkaProbe.send(r.topic(), r.key(), r.value());
        }
        Duration wait = Duration.ofSeconds(60);
        ConsumerGroups.awaitCaughtUp(FunctionProcesses.consumerGroup("validate"), List.of(EventType.DATASET_INGESTED.topic()), wait);
        ConsumerGroups.awaitCaughtUp(FunctionProcesses.consumerGroup("solve"),
                List.of(EventType.DATASET_VALIDATED.topic(), EventType.SOLVE_REQUESTED.topic()), wait);
        // after solve: a duplicate trigger of a finished job re-emits its schedule.solved (same event id)
        ConsumerGroups.awaitCaughtUp(FunctionProcesses.consumerGroup("export"), List.of(EventType.SCHEDULE_SOLVED.topic()), wait);
        FunctionProcesses.sleep(2000); // a webhook sweep started by a (wrongly) new delivery would have sent it by now

        assertEquals(1, stored.count("SELECT count(*) FROM dataset_version"), "dataset versions");
        assertEquals(1, stored.count("SELECT count(*) FROM solve_job"), "solve jobs");
        assertEquals(1, stored.count("SELECT count(*) FROM schedule_version"), "schedule versions");
        assertEquals(1, stored.count("SELECT count(*) FROM export_set"), "export sets");
        assertEquals(1, stored.count("SELECT count(*) FROM webhook_message"), "webhook messages");
        assertEquals(1, stored.count("SELECT count(*) FROM webhook_delivery"), "webhook deliveries");
        List<String> manifests = store.list(config.buckets().exports(), "exports/" + run.tenant() + "/").stream()
                .map(o -> o.key()).filter(k -> k.endsWith("/manifest.json")).toList();
        assertEquals(2, manifests.size(), "the draft's manifest and the publication's: " + manifests);
        assertEquals(1, manifests.stream().filter(k -> k.contains("/drafts/")).count(), "manifests: " + manifests);
        List<PartnerEndpoint.Delivery> received = partner.deliveries(d -> d.path().equals(run.partnerPath()));
        assertEquals(1, received.size(), "deliveries received by the partner: " + received.stream()
                .map(d -> d.webhookId() + " " + d.json().path("type").asText()).toList());

        // Re-emissions carry the recorded event ids: no new pipeline event of any kind.
        Map<String, Long> idsAfter = distinctIdsPerType(RunRecords.of(run.correlationId(), mapper));
        for (String notCounted : List.of(EventType.SOLVE_PROGRESS.type(), EventType.PIPELINE_ALERT.type())) {
            idsBefore.remove(notCounted); // progress of a finished job: none expected; alerts: asserted below
        }
        Long alertsAfter = idsAfter.remove(EventType.PIPELINE_ALERT.type());
        idsAfter.remove(EventType.SOLVE_PROGRESS.type());
        assertEquals(idsBefore, idsAfter, "distinct event ids per type before and after the duplicates");

        assertEquals(RUN_MUTATIONS, auditedActions(run), "duplicates leave no audit record: they change nothing");

        // Notifications: the draft and the publication, each announced once (alert event and Slack message).
        assertEquals(2L, alertsAfter, "pipeline.alert events of the run");
        assertEquals(1, partner.slackMessages(m -> m.path("text").asText().contains(run.correlationId())
                && m.path("text").asText().contains("export succeeded")).size(), "success notifications");
    }

    @Test
    @Order(3)
    void aSolveProcessKilledMidSearchIsReplacedAndTheRunCompletesOnce() throws Exception {
        Run run = startRun();
        Stored stored = new Stored(db, run.tenant());
        // Kill once the search is under way and has written a checkpoint (every 2 s while it improves).
        Stored.SolveJobRow job = awaitJob(stored, j -> "RUNNING".equals(j.status()) && j.checkpoints() >= 1,
                Duration.ofSeconds(120), "a running solve job with a checkpoint");
        int exit = functions.kill("solve");
        assertEquals(137, exit, "SIGKILL");
        Stored.SolveJobRow atKill = stored.solveJobs().get(0);
        assertEquals("RUNNING", atKill.status(), "the job was mid-search when the process died");
        assertEquals(0, stored.count("SELECT count(*) FROM schedule_version"));

        functions.start("solve", "solve-restarted", Duration.ofSeconds(150));
        // Re-deliver the trigger until a new invocation picks the job up (the dead owner's lock must expire first).
        RunRecords.RunRecord validated = RunRecords.of(run.correlationId(), mapper).stream()
                .filter(r -> r.type().equals(EventType.DATASET_VALIDATED.type())).findFirst().orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (stored.solveJobs().get(0).invocations() <= job.invocations()) {
            if (System.nanoTime() > deadline) {
                fail("the restarted solve function did not resume job " + job.id() + functions.tail("solve", 40));
            }
            KafkaProbe.send(validated.topic(), validated.key(), validated.value());
            FunctionProcesses.sleep(4000);
        }

        PartnerEndpoint.Delivery delivery = awaitPublication(run);
        assertNull(delivery.problem(), delivery.problem());
        Stored.SolveJobRow done = stored.solveJobs().get(0);
        assertEquals("SOLVED", done.status());
        assertTrue(done.checkpointLoads() >= 1, "the new process resumed from the checkpoint: " + done);
        List<Stored.Schedule> schedules = stored.schedules();
        assertEquals(1, schedules.size(), "schedule versions");
        assertEquals(done.scheduleVersionId(), schedules.get(0).id());
        assertEquals(uploads().expectedGames(Uploads.SAMPLE), schedules.get(0).games().size());
        assertEquals(schedules.get(0).id().toString(), delivery.json().path("data").path("scheduleVersionId").asText());
        assertEquals(1, stored.count("SELECT count(*) FROM export_set"), "export sets");
        assertEquals(1, partner.deliveries(d -> d.path().equals(run.partnerPath())).size(), "deliveries received");
    }

    /**
     * A service of the stack goes away for a few seconds while the solver searches (the longest
     * stage, with checkpoints to Redis, progress to Kafka and the job row in PostgreSQL), then comes
     * back: the run still ends in one schedule version, one export set and one verified delivery.
     */
    @ParameterizedTest(name = "{0} down {1} s mid-solve")
    // Redis stays down longer than the solve lock's lease (8 s here): the lease lapses and the solver must take it back.
    @CsvSource({"redis, 10", "postgres, 3", "kafka, 3"})
    @Order(4)
    void aRunRidesThroughARestartOf(String service, int downSeconds) throws Exception {
        Run run = startRun();
        Stored stored = new Stored(db, run.tenant());
        awaitJob(stored, j -> "RUNNING".equals(j.status()) && j.checkpoints() >= 1, Duration.ofSeconds(120),
                "a running solve job with a checkpoint");
        Process restart = new ProcessBuilder(LocalStack.repoRoot().resolve("flextime").toString(), "stack", "restart", service,
                "--down", Integer.toString(downSeconds)).directory(LocalStack.repoRoot().toFile()).redirectErrorStream(true).start();
        String output = new String(restart.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, restart.waitFor(), "./flextime stack restart " + service + ": " + output);

        PartnerEndpoint.Delivery delivery = awaitPublication(run);
        assertNull(delivery.problem(), delivery.problem());
        List<Stored.SolveJobRow> jobs = stored.solveJobs();
        assertEquals(1, jobs.size(), "solve jobs: " + jobs);
        assertEquals("SOLVED", jobs.get(0).status(), jobs.get(0).toString());
        List<Stored.Schedule> schedules = stored.schedules();
        assertEquals(1, schedules.size(), "schedule versions");
        assertEquals(uploads().expectedGames(Uploads.SAMPLE), schedules.get(0).games().size());
        assertEquals(schedules.get(0).id().toString(), delivery.json().path("data").path("scheduleVersionId").asText());
        assertEquals(1, stored.count("SELECT count(*) FROM export_set"), "export sets");
        FunctionProcesses.sleep(2000); // a second delivery, if any, would come right after the first
        assertEquals(1, partner.deliveries(d -> d.path().equals(run.partnerPath())).size(), "deliveries received");
    }

    /**
     * PostgreSQL goes away for 90 s (a failover) right after the upload is ingested, while validate,
     * then solve, work on the run: consumers hold their record and wait for the database's readiness
     * instead of spending their retry budget, and the run completes once, with nothing in any DLQ.
     */
    @Test
    @Order(5)
    void aNinetySecondPostgresOutageMidRunEndsInACompletedRunWithNothingDeadLettered() throws Exception {
        Run run = startRun();
        Process stop = new ProcessBuilder(LocalStack.repoRoot().resolve("flextime").toString(), "stack", "restart", "postgres",
                "--down", "90").directory(LocalStack.repoRoot().toFile()).redirectErrorStream(true).start();
        String output = new String(stop.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, stop.waitFor(), "./flextime stack restart postgres --down 90: " + output);

        PartnerEndpoint.Delivery delivery = awaitPublication(run);
        assertNull(delivery.problem(), delivery.problem());
        Stored stored = new Stored(db, run.tenant());
        assertEquals(1, stored.schedules().size(), "schedule versions");
        assertEquals("SOLVED", stored.solveJobs().get(0).status());
        assertEquals(1, stored.count("SELECT count(*) FROM export_set"), "export sets");
        assertEquals(1, partner.deliveries(d -> d.path().equals(run.partnerPath())).size(), "deliveries received");
        for (String dlq : io.flextime.events.Topics.dlqTopics()) {
            List<io.flextime.tools.DeadLetters.Letter> ours = io.flextime.tools.DeadLetters.read(LocalStack.kafkaBootstrap(), dlq)
                    .stream().filter(l -> run.tenant().equals(l.tenant())).toList();
            assertEquals(List.of(), ours.stream().map(l -> l.where() + ": " + l.header("dead-letter-reason")).toList(),
                    "dead letters of the run in " + dlq);
        }
        Map<String, Double> paused = new java.util.TreeMap<>();
        for (String fn : List.of("validate", "solve", "export")) {
            paused.put(fn, pausedSeconds(fn));
        }
        System.out.println("e2e outage: seconds each consumer held a record while PostgreSQL was down: " + paused);
        assertTrue(paused.values().stream().mapToDouble(Double::doubleValue).sum() > 30 || solveRetriedAfterTheOutage(),
                "someone waited the outage out: consumers " + paused + functions.tails(30));
    }

    /** flextime_consumer_paused_seconds_sum of a function, from its /metrics (0 when it never paused). */
    private double pausedSeconds(String fn) {
        String metrics = given().baseUri(functions.url(fn)).when().get("/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("flextime_consumer_paused_seconds_sum{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The solve job hit the outage itself (not its consumer): its launcher waited and ran it again. */
    private boolean solveRetriedAfterTheOutage() {
        return functions.tail("solve", 400).contains("waiting for its dependencies");
    }

    // ------------------------------------------------------------------------------------------

    /** A fresh tenant, a partner subscribed to it, the Big 12 sample uploaded and its S3 event delivered. */
    private Run startRun() {
        String tenant = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/partners/" + tenant;
        JsonNode subscription = postJson(functions.url("export"), "/subscribe", TestTokens.auth(tenant, Role.PUBLISHER),
                Map.of("url", partner.url(path), "description", "e2e partner"));
        String secret = subscription.path("secret").asText();
        assertTrue(secret.startsWith("whsec_"), "subscribe answered " + subscription);
        partner.trust(path, secret);
        String endpointId = subscription.path("endpoint").path("id").asText();

        Uploads uploads = uploads();
        S3EventNotification event = uploads.upload(tenant, Uploads.SAMPLE);
        JsonNode outcome = uploads.deliver(functions.url("ingest"), event);
        assertEquals("INGESTED", outcome.path(0).path("status").asText(), outcome.toString());
        UUID versionId = UUID.fromString(outcome.path(0).path("versionId").asText());
        String correlationId = new Stored(db, tenant).correlationIdOfVersion(versionId).orElseThrow();
        return new Run(tenant, endpointId, event, versionId, correlationId, null, path);
    }

    /**
     * Waits for the run's draft (its review files written), checks that no partner heard of it, publishes it as
     * the tenant's publisher (in the run's correlation), then waits for the partner's schedule.published
     * webhook; fails early when a stage fails.
     */
    private PartnerEndpoint.Delivery awaitPublication(Run run) {
        Stored stored = new Stored(db, run.tenant());
        long draftDeadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (stored.stages(run.correlationId()).stream().noneMatch(s -> s.type().equals(EventType.EXPORT_COMPLETED.type()))) {
            List<Stored.Stage> stages = stored.stages(run.correlationId());
            if (stages.stream().anyMatch(s -> FAILURES.contains(s.type())) || System.nanoTime() > draftDeadline) {
                fail("run " + run.correlationId() + " has no draft: " + describe(stages) + "; solve jobs: " + stored.solveJobs()
                        + functions.tails(30));
            }
            FunctionProcesses.sleep(500);
        }
        assertEquals(List.of(), partner.deliveries(d -> d.path().equals(run.partnerPath())), "no webhook before publishSchedule");
        assertEquals(0, stored.count("SELECT count(*) FROM export_set"), "no publication before publishSchedule");
        UUID draft = stored.schedules().get(0).id();
        JsonNode published = postJson(functions.url("export"), "/publishSchedule", TestTokens.auth(run.tenant(), Role.PUBLISHER),
                Map.of("scheduleVersionId", draft.toString()), run.correlationId());
        assertEquals(1, published.path("publicationNumber").asInt(), published.toString());
        long[] lastCheck = {0};
        PartnerEndpoint.Delivery d = partner.await(x -> x.path().equals(run.partnerPath())
                && PUBLISHED.equals(x.json().path("type").asText()), RUN_TIMEOUT, () -> {
                    if (System.nanoTime() - lastCheck[0] > 2_000_000_000L) {
                        lastCheck[0] = System.nanoTime();
                        List<Stored.Stage> stages = stored.stages(run.correlationId());
                        if (stages.stream().anyMatch(s -> FAILURES.contains(s.type()))) {
                            fail("run " + run.correlationId() + " failed: " + describe(stages) + "; solve jobs: "
                                    + stored.solveJobs() + functions.tails(30));
                        }
                    }
                });
        if (d == null) {
            fail("no webhook for " + run.tenant() + " within " + RUN_TIMEOUT.toSeconds() + " s; events: "
                    + describe(stored.stages(run.correlationId())) + "; solve jobs: " + stored.solveJobs() + functions.tails(30));
        }
        return d;
    }

    private List<JsonNode> awaitSlack(Run run, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<JsonNode> found;
        do {
            found = partner.slackMessages(m -> m.path("text").asText().contains(run.correlationId())
                    && m.path("text").asText().contains(what));
            FunctionProcesses.sleep(200);
        } while (found.isEmpty() && System.nanoTime() < deadline);
        return found;
    }

    private static Stored.SolveJobRow awaitJob(Stored stored, java.util.function.Predicate<Stored.SolveJobRow> condition,
            Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Stored.SolveJobRow> jobs = stored.solveJobs();
            if (jobs.size() == 1 && condition.test(jobs.get(0))) {
                return jobs.get(0);
            }
            if (jobs.size() == 1 && !"RUNNING".equals(jobs.get(0).status()) && !"QUEUED".equals(jobs.get(0).status())) {
                fail("waiting for " + what + ", the job became " + jobs.get(0));
            }
            FunctionProcesses.sleep(200);
        }
        fail("no " + what + " within " + timeout.toSeconds() + " s: " + stored.solveJobs() + functions.tails(30));
        return null;
    }

    private Uploads uploads() {
        return new Uploads(store, mapper, config.buckets().uploads());
    }

    private JsonNode postJson(String baseUrl, String path, Header token, Object body) {
        return postJson(baseUrl, path, token, body, UUID.randomUUID().toString());
    }

    private JsonNode postJson(String baseUrl, String path, Header token, Object body, String correlationId) {
        try {
            String answer = given().baseUri(baseUrl).header(token).header("X-Correlation-Id", correlationId)
                    .contentType(ContentType.JSON).body(mapper.writeValueAsString(body))
                    .when().post(path).then().statusCode(200).extract().asString();
            return mapper.readTree(answer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The run's events in order, progress events folded into a count. */
    private static String describe(List<Stored.Stage> stages) {
        long progress = stages.stream().filter(s -> s.type().equals(EventType.SOLVE_PROGRESS.type())).count();
        return stages.stream().filter(s -> !s.type().equals(EventType.SOLVE_PROGRESS.type()))
                .map(s -> s.type().replaceFirst("^flextime\\.", "")).toList() + " + " + progress + " solve.progress";
    }

    private static Map<String, Long> distinctIdsPerType(List<RunRecords.RunRecord> records) {
        return records.stream().collect(Collectors.groupingBy(RunRecords.RunRecord::type,
                Collectors.collectingAndThen(Collectors.mapping(RunRecords.RunRecord::id, Collectors.toSet()), s -> (long) s.size())));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
