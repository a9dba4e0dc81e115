package io.flextime.export.webhook;

import io.flextime.core.store.TenantDb;
import io.flextime.export.ExportConfig;
import io.flextime.export.store.DueQueue;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sweeps from inside a running process: right after new deliveries were queued, at start-up (what an
 * earlier process left pending), and again when the next retry is due within the follow-up horizon.
 * The EventBridge schedule (every minute) stays the durable trigger: this only makes short retries
 * (0 s, 5 s) happen on time while the process lives. One sweep at a time per process.
 */
@ApplicationScoped
public class FollowUpSweeps {
    private static final Logger LOG = Logger.getLogger(FollowUpSweeps.class);
    private static final Duration MIN_GAP = Duration.ofMillis(50);

    private final WebhookDispatcher dispatcher;
    private final TenantDb db;
    private final DueQueue queue;
    private final Duration horizon;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhook-follow-up");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> next;
    private Instant nextAt;

    public FollowUpSweeps(WebhookDispatcher dispatcher, TenantDb db, DueQueue queue, ExportConfig config) {
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.db = db;
        this.horizon = config.webhooks().followUpHorizon();
    }

    void onStart(@Observes StartupEvent e) {
        if (enabled()) {
            at(Instant.now().plusSeconds(1));
        }
    }

    void onStop(@Observes ShutdownEvent e) {
        timer.shutdownNow();
    }

    /** Sweep as soon as possible (new deliveries were queued, or one was replayed). */
    public void kick() {
        if (enabled()) {
            at(Instant.now());
        }
    }

    private boolean enabled() {
        return !horizon.isZero() && !horizon.isNegative();
    }

    private synchronized void at(Instant when) {
        if (next != null && !next.isDone() && nextAt != null && !nextAt.isAfter(when)) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        nextAt = when;
        next = timer.schedule(this::sweep, Math.max(0, Duration.between(Instant.now(), when).toMillis()), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        synchronized (this) {
            nextAt = null;
        }
        try {
            dispatcher.deliverDue();
            Instant due = queue.nextWake(db.pool()).await().atMost(Duration.ofSeconds(30));
            Instant now = Instant.now();
            if (due != null && due.isBefore(now.plus(horizon))) {
                at(due.isBefore(now.plus(MIN_GAP)) ? now.plus(MIN_GAP) : due);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "webhook follow-up sweep failed; the scheduled sweep will pick the work up");
            at(Instant.now().plusSeconds(5));
        }
    }
}
