package io.flextime.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.testing.LocalStack;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A run is read back from the event log with its stages in order, their durations and its outcome. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class PipelineRunsTest {
    @Inject
    PipelineLog log;
    @Inject
    PipelineRuns runs;
    @Inject
    ObjectMapper mapper;

    @Test
    void aSuccessfulRunHasItsStagesInOrderWithDurations() throws Exception {
        String tenant = "coretest-" + UUID.randomUUID().toString().substring(0, 8);
        String run = UUID.randomUUID().toString();
        Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
        record(EventType.DATASET_INGESTED, tenant, run, t0);
        record(EventType.DATASET_VALIDATED, tenant, run, t0.plusSeconds(2));
        record(EventType.SOLVE_PROGRESS, tenant, run, t0.plusSeconds(5));
        record(EventType.SCHEDULE_SOLVED, tenant, run, t0.plusSeconds(32));
        record(EventType.EXPORT_COMPLETED, tenant, run, t0.plusSeconds(33));
        record(EventType.SCHEDULE_SOLVED, tenant, run, t0.plusSeconds(40)); // a duplicate does not move the stage

        var result = runs.run(tenant, run).await().atMost(Duration.ofSeconds(30)).orElseThrow();
        assertEquals("SUCCEEDED", result.outcome());
        assertEquals(4, result.stages().size());
        assertEquals("ingest,validate,solve,export",
                String.join(",", result.stages().stream().map(PipelineRuns.Stage::name).toList()));
        assertEquals(30.0, result.stages().get(2).seconds(), 1e-9, "solve ran from validated to solved");
        assertTrue(runs.run("coretest-other", run).await().atMost(Duration.ofSeconds(30)).isEmpty(), "runs are per tenant");
        assertEquals(run, runs.recent(tenant, 5).await().atMost(Duration.ofSeconds(30)).get(0).correlationId());
    }

    @Test
    void aRejectedDatasetFailsTheRun() throws Exception {
        String tenant = "coretest-" + UUID.randomUUID().toString().substring(0, 8);
        String run = UUID.randomUUID().toString();
        record(EventType.DATASET_INGESTED, tenant, run, Instant.now());
        record(EventType.DATASET_REJECTED, tenant, run, Instant.now().plusSeconds(1));
        assertEquals("FAILED", runs.run(tenant, run).await().atMost(Duration.ofSeconds(30)).orElseThrow().outcome());
    }

    @Test
    void aDeadLetteredEventFailsItsStageWithTheReasonUntilARedriveEndsIt() throws Exception {
        String tenant = "coretest-" + UUID.randomUUID().toString().substring(0, 8);
        String run = UUID.randomUUID().toString();
        Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
        record(EventType.DATASET_INGESTED, tenant, run, t0);
        var alert = new io.flextime.events.data.PipelineAlert("ERROR", "validate", "DEAD_LETTERED",
                "flextime.dataset.ingested.v1 x dead-lettered to validate.dlq after 0 attempt(s): invalid CloudEvent", run);
        CloudEvent example = mapper.readValue(getClass().getClassLoader().getResourceAsStream(
                EventType.PIPELINE_ALERT.exampleResource()), CloudEvent.class);
        log.record(new CloudEvent(example.specversion(), UUID.randomUUID().toString(), example.source(), example.type(),
                example.datacontenttype(), "validate", t0.plusSeconds(3), run, null, tenant, mapper.valueToTree(alert)))
                .await().atMost(Duration.ofSeconds(30));

        var stalled = runs.run(tenant, run).await().atMost(Duration.ofSeconds(30)).orElseThrow();
        assertEquals("FAILED", stalled.outcome(), "a dead letter does not leave the run RUNNING forever");
        PipelineRuns.Stage validate = stalled.stages().get(1);
        assertEquals("validate", validate.name());
        assertEquals("FAILED", validate.outcome());
        assertTrue(validate.detail().contains("dead-lettered to validate.dlq"), validate.detail());
        assertTrue(validate.detail().contains("invalid CloudEvent"), "the reason: " + validate.detail());

        record(EventType.DATASET_VALIDATED, tenant, run, t0.plusSeconds(60)); // redriven and handled
        var redriven = runs.run(tenant, run).await().atMost(Duration.ofSeconds(30)).orElseThrow();
        assertEquals("RUNNING", redriven.outcome());
        assertEquals("SUCCEEDED", redriven.stages().get(1).outcome());
        assertEquals(1, redriven.errors().size(), "the dead letter stays in the run's errors: " + redriven.errors());
    }

    private void record(EventType type, String tenant, String run, Instant at) throws Exception {
        CloudEvent example = mapper.readValue(getClass().getClassLoader().getResourceAsStream(type.exampleResource()),
                CloudEvent.class);
        CloudEvent e = new CloudEvent(example.specversion(), UUID.randomUUID().toString(), example.source(), example.type(),
                example.datacontenttype(), example.subject(), at, run, example.aggregateversion(), tenant, example.data());
        log.record(e).await().atMost(Duration.ofSeconds(30));
    }
}
