package io.flextime.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.events.EventJson;
import io.flextime.events.EventType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows one pipeline run on Kafka for the demo: the events of a tenant from the moment it starts,
 * one line per stage, a live progress bar fed by {@code solve.progress}, and the outcome. It writes
 * {@code ready} to the ready file once positioned at the end of every topic (the demo uploads only
 * then), and the run's events to the summary file when the run ends.
 *
 * Usage: PipelineWatch BOOTSTRAP TENANT SOLVE_BUDGET_SECONDS TIMEOUT_SECONDS READY_FILE SUMMARY_FILE [DRAFT_FILE]
 * DRAFT_FILE receives the schedule version id once the run's draft is ready (the demo then publishes it).
 * Exit: 0 when a partner webhook was delivered, 1 when the run failed, 2 on timeout.
 */
public class PipelineWatch {
    private final ObjectMapper mapper = EventJson.newMapper();
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final String tenant;
    private final double solveBudget;
    private final Map<String, JsonNode> lastOfType = new LinkedHashMap<>();
    private final List<JsonNode> runEvents = new ArrayList<>();
    private final long started = System.nanoTime();
    private String correlationId;
    private boolean progressShown;
    private Path draftFile;

    PipelineWatch(String tenant, double solveBudget) {
        this.tenant = tenant;
        this.solveBudget = solveBudget;
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        PipelineWatch watch = new PipelineWatch(args[1], Double.parseDouble(args[2]));
        watch.draftFile = args.length > 6 ? Path.of(args[6]) : null;
        int code = watch.run(bootstrap, Duration.ofSeconds(Long.parseLong(args[3])), Path.of(args[4]), Path.of(args[5]));
        System.exit(code);
    }

    int run(String bootstrap, Duration timeout, Path readyFile, Path summaryFile) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        int code = 2;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (EventType type : EventType.values()) {
                consumer.partitionsFor(type.topic(), Duration.ofSeconds(30))
                        .forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets now, before the upload
            Files.writeString(readyFile, "ready\n");
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && code == 2) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    code = onRecord(r.value());
                    if (code != 2) {
                        break;
                    }
                }
            }
        }
        endProgressLine();
        if (code == 2) {
            out.println("  timed out after " + timeout.toSeconds() + " s waiting for the run to finish");
        }
        Files.writeString(summaryFile, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(lastOfType));
        return code;
    }

    /** Handles one event; returns 0 (delivered), 1 (failed) or 2 (keep watching). */
    int onRecord(String value) {
        JsonNode e;
        try {
            e = mapper.readTree(value);
        } catch (Exception ex) {
            return 2;
        }
        if (!tenant.equals(e.path("tenant").asText()) || e.path("type").asText().isEmpty()) {
            return 2;
        }
        String corr = e.path("correlationid").asText();
        if (correlationId == null) {
            correlationId = corr;
            out.println("  run " + corr);
        } else if (!correlationId.equals(corr)) {
            return 2;
        }
        String type = e.path("type").asText().replaceFirst("^flextime\\.", "").replaceFirst("\\.v1$", "");
        lastOfType.put(type, e);
        runEvents.add(e);
        JsonNode d = e.path("data");
        switch (type) {
            case "dataset.ingested" -> stage("ingest", true, "dataset version " + d.path("versionNumber").asText()
                    + " (" + d.path("counts").path("teams").asText() + " teams, " + d.path("counts").path("slots").asText()
                    + " dates, " + d.path("counts").path("constraints").asText() + " constraints)");
            case "dataset.ingest-failed" -> {
                stage("ingest", false, d.path("problems").size() + " problem(s): " + d.path("problems").path(0).path("reason").asText());
                return 1;
            }
            case "dataset.validated" -> stage("validate", true, String.format(Locale.ROOT, "quality score %.2f, %d warning(s)",
                    d.path("score").asDouble(), d.path("warnings").asInt()));
            case "dataset.rejected" -> {
                stage("validate", false, d.path("errors").size() + " error(s): " + d.path("errors").path(0).path("message").asText());
                return 1;
            }
            case "solve.progress" -> progress(d);
            case "schedule.solved" -> stage("solve", true, String.format(Locale.ROOT,
                    "%s, %d games, objective %.0f, bound %.0f, gap %.1f%%, %.1f s", d.path("status").asText(),
                    d.path("games").asInt(), d.path("objective").asDouble(), d.path("bestBound").asDouble(),
                    100 * d.path("gap").asDouble(), d.path("elapsedSeconds").asDouble()));
            case "schedule.infeasible" -> {
                stage("solve", false, d.path("status").asText() + "; conflicting constraints: " + d.path("conflicts"));
                return 1;
            }
            case "solve.unfinished" -> {
                stage("solve", false, String.format(Locale.ROOT, "no schedule found within the budget (%.0f s; not a proof that "
                        + "none exists%s): give the job more time with continueSolve", d.path("elapsedSeconds").asDouble(),
                        d.hasNonNull("fewestHardDeviations") ? ", nearest schedule " + d.path("fewestHardDeviations").asInt()
                                + " hard deviation(s)" : ""));
                return 1;
            }
            case "export.completed" -> {
                if ("draft".equals(d.path("stage").asText())) {
                    stage("draft", true, "review files (report, grid, comparison): " + d.path("manifestKey").asText());
                    announceDraft(d.path("scheduleVersionId").asText());
                } else {
                    stage("export", true, d.path("files").size() + " files, manifest " + d.path("manifestKey").asText());
                }
            }
            case "schedule.published" -> stage("publish", true, String.format(Locale.ROOT,
                    "publication %d by %s: %d added, %d moved, %d removed", d.path("publicationNumber").asInt(),
                    d.path("publishedBy").asText(), d.path("counts").path("added").asInt(), d.path("counts").path("moved").asInt(),
                    d.path("counts").path("removed").asInt()));
            case "webhook.delivered" -> {
                stage("webhook", true, "delivered to partner endpoint " + d.path("endpointId").asText() + " (HTTP "
                        + d.path("statusCode").asText() + ", attempt " + d.path("attempts").asText() + ")");
                return 0;
            }
            case "webhook.dead-lettered" -> {
                stage("webhook", false, "dead-lettered: " + d.path("lastError").asText());
                return 1;
            }
            default -> {
            }
        }
        return 2;
    }

    /** Tells the demo which draft to publish (it publishes it as a publisher; nothing reaches partners before). */
    private void announceDraft(String scheduleVersionId) {
        if (draftFile == null) {
            return;
        }
        try {
            Path tmp = draftFile.resolveSibling(draftFile.getFileName() + ".tmp");
            Files.writeString(tmp, scheduleVersionId + "\n");
            Files.move(tmp, draftFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void progress(JsonNode d) {
        double elapsed = d.path("elapsedSeconds").asDouble();
        double fraction = solveBudget > 0 ? Math.min(1.0, elapsed / solveBudget) : 0;
        int filled = (int) Math.round(fraction * 30);
        String bar = "#".repeat(filled) + ".".repeat(30 - filled);
        String objective = d.hasNonNull("objective") ? String.format(Locale.ROOT, "%.0f", d.path("objective").asDouble()) : "-";
        String bound = d.hasNonNull("bestBound") ? String.format(Locale.ROOT, "%.0f", d.path("bestBound").asDouble()) : "-";
        String gap = d.hasNonNull("gap") ? String.format(Locale.ROOT, "%.1f%%", 100 * d.path("gap").asDouble()) : "-";
        out.printf(Locale.ROOT, "\r  solve      [%s] objective %s  bound %s  gap %s  %.0f s ", bar, objective, bound, gap, elapsed);
        progressShown = true;
    }

    private void stage(String name, boolean ok, String detail) {
        endProgressLine();
        double t = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "  %s %-9s %s  (+%.1f s)%n", ok ? "✓" : "✗", name, detail, t);
    }

    private void endProgressLine() {
        if (progressShown) {
            out.println();
            progressShown = false;
        }
    }
}
