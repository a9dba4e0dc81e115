package io.flextime.core.store;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A Redis lease: {@code SET key token NX PX ttl}. Only the holder's token can renew or release it
 * (compare-and-act in a Lua script), so a process that lost its lease (paused, killed) cannot
 * release someone else's. A holder that dies is replaced once the TTL runs out.
 */
@ApplicationScoped
public class RedisLock {
    private static final String RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
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

        /** Extends the lease; false means it was lost (expired and maybe taken by another owner). */
        public boolean renew() {
            Response r = redis.execute("EVAL", RENEW, "1", key, token, Long.toString(ttl.toMillis()));
            return r != null && r.toLong() == 1L;
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
