package io.flextime.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventJson;
import io.flextime.events.EventType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which events end a run, and what the alert says. */
class PipelineAlertsTest {
    final ObjectMapper mapper = EventJson.newMapper();
    final PipelineAlerts alerts = new PipelineAlerts(Optional.empty(), mapper);

    CloudEvent example(EventType type) throws Exception {
        return mapper.readValue(getClass().getClassLoader().getResourceAsStream(type.exampleResource()), CloudEvent.class);
    }

    @Test
    void aRejectedDatasetIsAnErrorNamingTheFirstFinding() throws Exception {
        CloudEvent rejected = example(EventType.DATASET_REJECTED);
        var alert = alerts.alertFor(rejected).orElseThrow();
        assertEquals("ERROR", alert.severity());
        assertEquals("validate", alert.stage());
        assertTrue(alert.message().contains(rejected.data().path("errors").get(0).path("message").asText()));
        assertEquals(rejected.correlationid(), alert.runCorrelationId());
    }

    @Test
    void aPublicationIsAlertedOnceAndProgressIsNotAlerted() throws Exception {
        var published = alerts.alertFor(example(EventType.SCHEDULE_PUBLISHED)).orElseThrow();
        assertEquals("SUCCEEDED", published.outcome());
        assertEquals("publish", published.stage());
        assertTrue(alerts.alertFor(example(EventType.EXPORT_COMPLETED)).isEmpty(),
                "a publication's files are announced by schedule.published, not a second time");
        assertTrue(alerts.alertFor(example(EventType.SOLVE_PROGRESS)).isEmpty());
        assertTrue(alerts.alertFor(example(EventType.PIPELINE_ALERT)).isEmpty(), "alerts never alert about themselves");
    }

    @Test
    void aBudgetEndedWithoutScheduleIsAWarningThatSaysItIsNoProof() throws Exception {
        CloudEvent unfinished = example(EventType.SOLVE_UNFINISHED);
        var alert = alerts.alertFor(unfinished).orElseThrow();
        assertEquals("WARNING", alert.severity());
        assertEquals("solve", alert.stage());
        assertEquals("UNFINISHED", alert.outcome());
        assertTrue(alert.message().contains("not mean none exists"), alert.message());
        assertTrue(alert.message().contains("continueSolve"), alert.message());
        assertTrue(alert.message().contains("breaks " + unfinished.data().path("fewestHardDeviations").asInt()), alert.message());
        var infeasible = alerts.alertFor(example(EventType.SCHEDULE_INFEASIBLE)).orElseThrow();
        assertEquals("FAILED", infeasible.outcome());
        assertTrue(infeasible.message().startsWith("No schedule exists"), infeasible.message());
    }
}
