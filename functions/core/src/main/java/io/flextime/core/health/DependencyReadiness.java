package io.flextime.core.health;

import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of the function's dependencies (PostgreSQL, Redis, S3: the readiness checks Quarkus and the
 * core register) are down right now. The Reactive Messaging checks are left out: they describe the
 * function's own channels, which a paused consumer holds back on purpose.
 */
@ApplicationScoped
public class DependencyReadiness {
    private static final String MESSAGING_CHECK = "Reactive Messaging";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SmallRyeHealthReporter reporter;

    public DependencyReadiness(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    /**
     * The names of the readiness checks that report DOWN; empty when all are up. Checks that do not answer
     * within {@link #TIMEOUT} count as down (a dependency that hangs is not ready).
     */
    public Uni<List<String>> down() {
        // On a worker thread: some checks block (S3's HEAD, the reactive clients' own checks wait for their
        // pool), and a consumer asks from the event loop those very clients need to answer.
        return Uni.createFrom().item(() -> downChecks(reporter.getReadiness().getPayload()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(TIMEOUT).recoverWithItem(() -> List.of("readiness checks (no answer within " + TIMEOUT.toSeconds() + " s)"))
                .onFailure().recoverWithItem(e -> List.of("readiness checks (" + e.getMessage() + ")"));
    }

    static List<String> downChecks(JsonObject payload) {
        List<String> down = new ArrayList<>();
        for (JsonValue v : payload.getJsonArray("checks")) {
            JsonObject check = v.asJsonObject();
            String name = check.getString("name", "?");
            if (!"DOWN".equals(check.getString("status", "UP")) || name.contains(MESSAGING_CHECK)) {
                continue;
            }
            down.add(name);
        }
        return down;
    }
}
