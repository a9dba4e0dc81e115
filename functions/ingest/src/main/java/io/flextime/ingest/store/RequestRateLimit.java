package io.flextime.ingest.store;

import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.ingest.config.IngestConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * HTTP requests per tenant per minute, counted in Redis (fixed one-minute windows: INCR + EXPIRE), so
 * every instance of the function shares one budget per tenant.
 */
@ApplicationScoped
public class RequestRateLimit {
    private final RedisDataSource redis;
    private final IngestConfig config;

    public RequestRateLimit(RedisDataSource redis, IngestConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** Counts one request; throws a 429 problem when the tenant is over its budget for this minute. */
    public void acquire(String tenant) {
        long minute = Instant.now().getEpochSecond() / 60;
        String key = "flextime:ingest:rate:" + tenant + ":" + minute;
        long count = redis.value(Long.class).incr(key);
        if (count == 1) {
            redis.key().expire(key, 120);
        }
        if (count > config.httpRequestsPerMinute()) {
            throw new ProblemException(Problem.of(429, "rate-limited", "Too many requests",
                    "tenant " + tenant + " made more than " + config.httpRequestsPerMinute()
                            + " ingest requests this minute; retry in " + (60 - Instant.now().getEpochSecond() % 60) + " s"));
        }
    }
}
