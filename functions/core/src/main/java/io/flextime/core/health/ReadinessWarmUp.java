package io.flextime.core.health;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the readiness checks once on a background thread as the function starts, so the dependency
 * clients (the S3 client and its HTTP client, the PostgreSQL and Redis pools' first connections) are
 * built while the main thread is still booting (Kafka clients, HTTP server) instead of inside the first
 * {@code /q/health/ready} call. Why: the S3 client alone loads ~1,900 classes (AWS SDK, Apache HTTP
 * client) on its first use, ~0.7 s of a start here; on two cores it overlaps with the boot. The result
 * is discarded: every readiness call still runs every check against the live dependencies.
 *
 * <p>Off in the {@code aws} profile: Lambda never polls readiness, and with SnapStart the start happens
 * before the snapshot, where connections opened now would be stale after the restore.
 */
@ApplicationScoped
public class ReadinessWarmUp {
    private static final Logger LOG = Logger.getLogger(ReadinessWarmUp.class);

    private final SmallRyeHealthReporter reporter;
    private final boolean enabled;
    private final CompletableFuture<String> outcome = new CompletableFuture<>();

    public ReadinessWarmUp(SmallRyeHealthReporter reporter,
                           @ConfigProperty(name = "flextime.health.warm-up", defaultValue = "true") boolean enabled) {
        this.reporter = reporter;
        this.enabled = enabled;
    }

    /** First among the start-up observers, so the most boot work is left to overlap with. */
    void onStart(@Observes @Priority(1) StartupEvent start) {
        if (!enabled) {
            outcome.complete("off");
            return;
        }
        Thread t = new Thread(this::run, "readiness-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The warm-up's overall readiness status ({@code UP} or {@code DOWN}: the messaging channels may still be
     * connecting), {@code failed: ...}, or {@code off}; completes when the warm-up is over.
     */
    public CompletableFuture<String> outcome() {
        return outcome;
    }

    private void run() {
        long begin = System.nanoTime();
        try {
            String status = reporter.getReadiness().getPayload().getString("status", "?");
            LOG.debugf("readiness warm-up: %s in %d ms", status, (System.nanoTime() - begin) / 1_000_000);
            outcome.complete(status);
        } catch (RuntimeException e) {
            // A dependency that is down now is reported by the readiness calls themselves.
            LOG.debugf("readiness warm-up failed after %d ms: %s", (System.nanoTime() - begin) / 1_000_000, e.toString());
            outcome.complete("failed: " + e);
        }
    }
}
