package io.flextime.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.testing.LocalStack;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class RedisLockTest {
    @Inject
    RedisDataSource redis;
    @Inject
    RedisLock locks;

    @Test
    void valuesRoundTrip() {
        String key = "coretest:" + UUID.randomUUID();
        redis.value(String.class).setex(key, 60, "checkpoint");
        assertEquals("checkpoint", redis.value(String.class).get(key));
    }

    @Test
    void oneHolderAtATimeAndOnlyTheHolderReleases() throws Exception {
        String key = "coretest:lock:" + UUID.randomUUID();
        var first = locks.tryAcquire(key, Duration.ofSeconds(30)).orElseThrow();
        assertTrue(locks.tryAcquire(key, Duration.ofSeconds(30)).isEmpty(), "a second owner is refused");
        assertTrue(first.renew());
        first.close();
        var second = locks.tryAcquire(key, Duration.ofSeconds(30)).orElseThrow();
        first.close(); // a stale owner's release must not free the new owner's lease
        assertTrue(second.stillHeld());
        assertFalse(first.renew(), "a lost lease cannot be renewed");
        second.close();
    }

    @Test
    void anAbandonedLeaseExpires() throws Exception {
        String key = "coretest:lock:" + UUID.randomUUID();
        locks.tryAcquire(key, Duration.ofMillis(300)).orElseThrow();
        Thread.sleep(600);
        assertTrue(locks.tryAcquire(key, Duration.ofSeconds(5)).isPresent(), "the TTL frees a dead holder's lock");
    }

    @Test
    void aLeaseThatLapsedUnclaimedIsTakenBackOnRenewal() {
        String key = "coretest:lock:" + UUID.randomUUID();
        var holder = locks.tryAcquire(key, Duration.ofSeconds(30)).orElseThrow();
        redis.key().del(key); // what a Redis restart without the key (or a long outage past the TTL) leaves
        assertTrue(holder.renew(), "nobody else claimed it: the holder keeps the lease");
        assertTrue(holder.stillHeld());
        assertTrue(redis.key().pttl(key) > 0, "taken back with a TTL, so a dead holder still frees it");
        assertTrue(locks.tryAcquire(key, Duration.ofSeconds(30)).isEmpty(), "and it excludes others again");
        holder.close();
    }
}
