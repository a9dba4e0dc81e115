package io.flextime.backup.store;

import io.flextime.backup.config.BackupConfig;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.RedisLock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One backup writes at a time (an incremental must chain onto a finished parent, and two backups
 * of one window must not both run): a Redis lease, waited for up to {@code lock-wait}.
 */
@ApplicationScoped
public class WriterLock {
    static final String KEY = "flextime:backup:writer";

    private final RedisLock locks;
    private final BackupConfig config;

    public WriterLock(RedisLock locks, BackupConfig config) {
        this.locks = locks;
        this.config = config;
    }

    /** The held writer lock; renewed in the background every third of its TTL until closed. */
    public static final class Held implements AutoCloseable {
        private final RedisLock.Lease lease;
        private final java.util.concurrent.ScheduledExecutorService renewer;

        Held(RedisLock.Lease lease, Duration ttl) {
            this.lease = lease;
            this.renewer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "backup-lock-renewal");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(1000, ttl.toMillis() / 3);
            renewer.scheduleAtFixedRate(() -> {
                try {
                    lease.renew();
                } catch (RuntimeException ignored) {
                    // the next attempt, or the TTL, settles it
                }
            }, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        public boolean renew() {
            return lease.renew();
        }

        @Override
        public void close() {
            renewer.shutdownNow();
            lease.close();
        }
    }

    public Held acquire() {
        return new Held(acquireLease(), config.schedule().lockTtl());
    }

    private RedisLock.Lease acquireLease() {
        Instant deadline = Instant.now().plus(config.schedule().lockWait());
        while (true) {
            Optional<RedisLock.Lease> lease = locks.tryAcquire(KEY, config.schedule().lockTtl());
            if (lease.isPresent()) {
                return lease.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ProblemException(Problem.of(409, "backup-busy", "Another backup is running",
                        "another backup has held the writer lock for longer than " + config.schedule().lockWait()
                                + " (holder " + locks.holder(KEY).orElse("gone") + "); try again later"));
            }
            try {
                Thread.sleep(Duration.ofMillis(250).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
