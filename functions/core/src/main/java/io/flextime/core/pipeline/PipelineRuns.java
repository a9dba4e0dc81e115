package io.flextime.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.store.TenantDb;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pipeline runs read from the event log: one run per correlation id (upload to webhook), its stages
 * in order with when they ended, how long each took since the previous one, and the errors.
 */
@ApplicationScoped
public class PipelineRuns {
    /** The stage each event type ends, and whether it ends it in failure. */
    static final Map<String, String[]> STAGE_OF = Map.ofEntries(
            Map.entry("flextime.dataset.ingested.v1", new String[] { "ingest", "SUCCEEDED" }),
            Map.entry("flextime.dataset.ingest-failed.v1", new String[] { "ingest", "FAILED" }),
            Map.entry("flextime.dataset.validated.v1", new String[] { "validate", "SUCCEEDED" }),
            Map.entry("flextime.dataset.rejected.v1", new String[] { "validate", "FAILED" }),
            Map.entry("flextime.solve.progress.v1", new String[] { "solve", "RUNNING" }),
            Map.entry("flextime.schedule.solved.v1", new String[] { "solve", "SUCCEEDED" }),
            Map.entry("flextime.schedule.infeasible.v1", new String[] { "solve", "FAILED" }),
            Map.entry("flextime.solve.unfinished.v1", new String[] { "solve", "UNFINISHED" }),
            Map.entry("flextime.export.completed.v1", new String[] { "export", "SUCCEEDED" }),
            Map.entry("flextime.schedule.published.v1", new String[] { "publish", "SUCCEEDED" }),
            Map.entry("flextime.webhook.delivered.v1", new String[] { "webhook", "SUCCEEDED" }),
            Map.entry("flextime.webhook.dead-lettered.v1", new String[] { "webhook", "FAILED" }));

    /** The alert outcome of an event a stage's consumer dead-lettered (core messaging's DeadLetterQueue). */
    static final String DEAD_LETTERED = "DEAD_LETTERED";

    private final TenantDb db;
    private final ObjectMapper mapper;

    public PipelineRuns(TenantDb db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @RegisterForReflection
    public record Stage(String name, String outcome, Instant endedAt, Double seconds, String detail) {
    }

    @RegisterForReflection
    public record Run(String correlationId, String tenant, String outcome, Instant startedAt, Instant lastEventAt,
            List<Stage> stages, List<String> errors) {
    }

    /**
     * The newest runs of a tenant, newest first: their events in one query of one transaction (a status
     * door is read far more often than runs change; one round trip per run made it slow under load).
     */
    public Uni<List<Run>> recent(String tenant, int limit) {
        return db.inTenant(tenant, conn -> conn.preparedQuery("WITH newest AS (SELECT correlation_id, max(event_time) AS last "
                        + "FROM pipeline_event GROUP BY correlation_id ORDER BY last DESC LIMIT $1) "
                        + "SELECT e.correlation_id, e.type, e.event_time, e.summary::text FROM newest n "
                        + "JOIN pipeline_event e ON e.correlation_id = n.correlation_id "
                        + "ORDER BY n.last DESC, e.correlation_id, e.event_time, e.event_id")
                .execute(Tuple.of(Math.max(1, Math.min(limit, 200))))
                .map(rows -> {
                    Map<String, List<Row>> byRun = new LinkedHashMap<>();
                    rows.forEach(r -> byRun.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r));
                    List<Run> runs = new ArrayList<>(byRun.size());
                    byRun.forEach((id, events) -> runs.add(toRun(tenant, id, events, 1)));
                    return runs;
                }));
    }

    public Uni<Optional<Run>> run(String tenant, String correlationId) {
        return db.inTenant(tenant, conn -> conn.preparedQuery("SELECT type, event_time, summary::text FROM pipeline_event "
                        + "WHERE correlation_id = $1 ORDER BY event_time, event_id")
                .execute(Tuple.of(correlationId))
                .map(rows -> {
                    List<Row> events = new ArrayList<>();
                    rows.forEach(events::add);
                    return events.isEmpty() ? Optional.<Run>empty() : Optional.of(toRun(tenant, correlationId, events, 0));
                }));
    }

    /** @param from the column of the event type (then its time, then its summary) */
    private Run toRun(String tenant, String correlationId, List<Row> events, int from) {
        Map<String, Stage> stages = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        Instant started = events.get(0).getOffsetDateTime(from + 1).toInstant();
        Instant last = started;
        Instant previousEnd = null;
        Set<String> deadLettered = new HashSet<>();
        for (Row e : events) {
            String type = e.getString(from);
            Instant at = e.getOffsetDateTime(from + 1).toInstant();
            last = at;
            JsonNode summary = tree(e.getString(from + 2));
            if ("flextime.pipeline.alert.v1".equals(type) && !"INFO".equals(summary.path("severity").asText())) {
                errors.add(summary.path("stage").asText() + ": " + summary.path("message").asText());
            }
            String[] stage = STAGE_OF.get(type);
            if (stage == null && DEAD_LETTERED.equals(summary.path("outcome").asText()) && "flextime.pipeline.alert.v1".equals(type)) {
                // The stage's input went to its DLQ: the stage failed, with the reason, until a redrive ends it.
                String name = summary.path("stage").asText();
                Stage before = stages.get(name);
                if (before == null || "RUNNING".equals(before.outcome())) {
                    Double seconds = previousEnd == null ? null : Duration.between(previousEnd, at).toMillis() / 1000.0;
                    stages.put(name, new Stage(name, "FAILED", at, seconds, summary.path("message").asText()));
                    deadLettered.add(name);
                }
                continue;
            }
            if (stage == null) {
                continue;
            }
            Stage before = stages.get(stage[0]);
            if (before != null && !"RUNNING".equals(before.outcome()) && !deadLettered.remove(stage[0])) {
                continue; // the first ending of a stage counts (later ones are duplicates or other partners)
            }
            Double seconds = previousEnd == null ? null : Duration.between(previousEnd, at).toMillis() / 1000.0;
            stages.put(stage[0], new Stage(stage[0], stage[1], at, seconds, detail(type, summary)));
            if (!"RUNNING".equals(stage[1])) {
                previousEnd = at;
            }
        }
        String outcome = stages.values().stream().anyMatch(s -> "FAILED".equals(s.outcome())) ? "FAILED"
                : stages.containsKey("export") && "SUCCEEDED".equals(stages.get("export").outcome()) ? "SUCCEEDED" : "RUNNING";
        return new Run(correlationId, tenant, outcome, started, last, List.copyOf(stages.values()), errors);
    }

    private static String detail(String type, JsonNode s) {
        return switch (type) {
            case "flextime.dataset.ingested.v1" -> "version " + s.path("versionNumber").asText() + " of " + s.path("season").asText();
            case "flextime.dataset.validated.v1", "flextime.dataset.rejected.v1" -> "score " + s.path("score").asText();
            case "flextime.solve.progress.v1" -> "objective " + s.path("objective").asText() + ", gap " + s.path("gap").asText();
            case "flextime.schedule.solved.v1" -> s.path("status").asText() + ", objective " + s.path("objective").asText()
                    + ", gap " + s.path("gap").asText();
            case "flextime.export.completed.v1" -> s.path("filesCount").asText() + " files";
            case "flextime.schedule.published.v1" -> "publication " + s.path("publicationNumber").asText();
            case "flextime.webhook.delivered.v1", "flextime.webhook.dead-lettered.v1" -> "endpoint " + s.path("endpointId").asText();
            default -> "";
        };
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            return mapper.createObjectNode();
        }
    }
}
