package io.flextime.core.store;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A Redis lease: {@code SET key token NX PX ttl}. Only the holder's token can renew or release it
 * (compare-and-act in a Lua script), so a process that lost its lease (paused, killed) cannot
 * release someone else's. A holder that dies is replaced once the TTL runs out.
 * <p>
 * A renewal that finds the key gone takes it back: the lease lapsed while Redis was unreachable or
 * restarted without it, and nobody else claimed it in between, so the live holder is still the only
 * owner. Losing the lease only to a lapse would otherwise leave the work ownerless until someone
 * re-triggers it. Callers keep their final writes idempotent (a lapse is a window in which a second
 * owner could have started and finished).
 */
@ApplicationScoped
public class RedisLock {
    private static final Logger LOG = Logger.getLogger(RedisLock.class);
    /** 1 renewed, 2 taken back after a lapse, 0 held by another owner. */
    private static final String RENEW = "local v = redis.call('get', KEYS[1]) "
            + "if v == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) "
            + "elseif not v then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 "
            + "else return 0 end";
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;

    public RedisLock(RedisDataSource redis) {
        this.redis = redis;
        this.values = redis.value(String.class);
    }

    /** A held lease. */
    public final class Lease implements AutoCloseable {
        private final String key;
        private final String token;
        private final Duration ttl;

        private Lease(String key, String token, Duration ttl) {
            this.key = key;
            this.token = token;
            this.ttl = ttl;
        }

        public String key() {
            return key;
        }

        public String token() {
            return token;
        }

        /** Extends the lease (taking it back if it lapsed unclaimed); false means another owner holds it now. */
        public boolean renew() {
            Response r = redis.execute("EVAL", RENEW, "1", key, token, Long.toString(ttl.toMillis()));
            long outcome = r == null ? 0L : r.toLong();
            if (outcome == 2L) {
                LOG.warnf("lock %s lapsed unclaimed (Redis unreachable or restarted); taken back", key);
            }
            return outcome == 1L || outcome == 2L;
        }

        public boolean stillHeld() {
            return token.equals(values.get(key));
        }

        @Override
        public void close() {
            redis.execute("EVAL", RELEASE, "1", key, token);
        }
    }

    public Optional<Lease> tryAcquire(String key, Duration ttl) {
        String token = UUID.randomUUID().toString();
        Response r = redis.execute("SET", key, token, "NX", "PX", Long.toString(ttl.toMillis()));
        return r != null && "OK".equals(r.toString()) ? Optional.of(new Lease(key, token, ttl)) : Optional.empty();
    }

    /** Who holds a lock, if anyone (diagnostics). */
    public Optional<String> holder(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
