package io.flextime.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.PipelineAlert;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Notifications on a run's success or failure: decides which published events end a run (or a stage
 * of it) and what to say, as a {@code pipeline.alert} event, and, when
 * {@code flextime.alerts.slack-webhook-url} is set, as a Slack-compatible incoming-webhook message.
 */
@ApplicationScoped
public class PipelineAlerts {
    private static final Logger LOG = Logger.getLogger(PipelineAlerts.class);

    private final Optional<String> slackUrl;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PipelineAlerts(@ConfigProperty(name = "flextime.alerts.slack-webhook-url") Optional<String> slackUrl,
            ObjectMapper mapper) {
        this.slackUrl = slackUrl.filter(s -> !s.isBlank());
        this.mapper = mapper;
    }

    /** The alert an event calls for, if any. */
    public Optional<PipelineAlert> alertFor(CloudEvent e) {
        EventType type;
        try {
            type = EventType.fromType(e.type());
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        JsonNode d = e.data();
        String run = e.correlationid();
        return Optional.ofNullable(switch (type) {
            case EXPORT_COMPLETED -> "draft".equals(d.path("stage").asText())
                    ? new PipelineAlert(PipelineAlert.INFO, "export", "SUCCEEDED", "Draft schedule of " + d.path("season").asText()
                            + " ready for review: " + d.path("files").size() + " files", run)
                    : null;
            case SCHEDULE_PUBLISHED -> new PipelineAlert(PipelineAlert.INFO, "publish", "SUCCEEDED",
                    "Schedule of " + d.path("season").asText() + " published (publication " + d.path("publicationNumber").asInt()
                            + ", " + d.path("counts").path("moved").asInt() + " game(s) moved)", run);
            case DATASET_INGEST_FAILED -> new PipelineAlert(PipelineAlert.ERROR, "ingest", "FAILED",
                    "Upload " + d.path("sourceKey").asText() + " rejected: " + first(d.path("problems"), "reason"), run);
            case DATASET_REJECTED -> new PipelineAlert(PipelineAlert.ERROR, "validate", "FAILED",
                    "Dataset version " + d.path("versionId").asText() + " rejected: " + first(d.path("errors"), "message"), run);
            case SCHEDULE_INFEASIBLE -> new PipelineAlert(PipelineAlert.ERROR, "solve", "FAILED",
                    "INFEASIBLE".equals(d.path("status").asText())
                            ? "No schedule exists: conflicting constraints " + d.path("conflicts").findValuesAsText("constraintId")
                            : "No schedule: " + d.path("status").asText(), run);
            case SOLVE_UNFINISHED -> new PipelineAlert(PipelineAlert.WARNING, "solve", "UNFINISHED",
                    "No schedule found within the time budget (" + Math.round(d.path("elapsedSeconds").asDouble()) + " s), which does "
                            + "not mean none exists" + (d.hasNonNull("fewestHardDeviations")
                                    ? "; the nearest schedule breaks " + d.path("fewestHardDeviations").asInt() + " hard rule(s)" : "")
                            + ". Give the job more time with continueSolve.", run);
            case WEBHOOK_DEAD_LETTERED -> new PipelineAlert(PipelineAlert.WARNING, "webhook", "FAILED",
                    "Delivery " + d.path("deliveryId").asText() + " to endpoint " + d.path("endpointId").asText()
                            + " dead-lettered: " + d.path("lastError").asText(), run);
            default -> null;
        });
    }

    /** Posts a Slack-compatible message ({@code {"text": ...}}) when a URL is configured; never throws. */
    public void notifySlack(String tenant, PipelineAlert alert) {
        if (slackUrl.isEmpty()) {
            return;
        }
        String icon = switch (alert.severity()) {
            case PipelineAlert.ERROR -> ":red_circle:";
            case PipelineAlert.WARNING -> ":warning:";
            default -> ":white_check_mark:";
        };
        try {
            String body = mapper.writeValueAsString(java.util.Map.of("text", icon + " FlexTime [" + tenant + "] " + alert.stage()
                    + " " + alert.outcome().toLowerCase(java.util.Locale.ROOT) + ": " + alert.message()
                    + " (run " + alert.runCorrelationId() + ")"));
            http.sendAsync(HttpRequest.newBuilder(URI.create(slackUrl.get())).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, t) -> {
                        if (t != null || r.statusCode() / 100 != 2) {
                            LOG.warnf("Slack notification failed: %s", t != null ? t.getMessage() : "HTTP " + r.statusCode());
                        }
                    });
        } catch (Exception e) {
            LOG.warnf("Slack notification failed: %s", e.getMessage());
        }
    }

    private static String first(JsonNode array, String field) {
        return array.isArray() && array.size() > 0 ? array.get(0).path(field).asText() : "(no detail)";
    }
}
