package io.flextime.core.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.time.Duration;
import java.util.function.Function;

/**
 * PostgreSQL transactions scoped to one tenant. Every table is under row-level security keyed on
 * {@code flextime.tenant}; this sets it for the transaction only ({@code set_config(..., true)}), so a
 * pooled connection never leaks a tenant into the next transaction.
 */
@ApplicationScoped
public class TenantDb {
    private static final int CONNECT_ATTEMPTS = 6;

    private final Pool pool;

    public TenantDb(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code work} in one transaction as {@code tenant}. A failure to reach the database (e.g. while
     * it restarts) is retried with jittered exponential backoff; the transaction itself is all or nothing.
     */
    public <T> Uni<T> inTenant(String tenant, Function<SqlConnection, Uni<T>> work) {
        Tenants.require(tenant);
        return Uni.createFrom().deferred(() -> pool.withTransaction(conn -> conn
                        .preparedQuery("SELECT set_config('flextime.tenant', $1, true)")
                        .execute(Tuple.of(tenant))
                        .chain(() -> work.apply(conn))))
                .onFailure(TenantDb::isConnectionFailure)
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).withJitter(0.3)
                .atMost(CONNECT_ATTEMPTS);
    }

    /** The same, blocking: for worker threads (Funqy functions, blocking consumers). */
    public <T> T inTenantBlocking(String tenant, Function<SqlConnection, Uni<T>> work) {
        return inTenant(tenant, work).await().atMost(Duration.ofMinutes(10));
    }

    public Pool pool() {
        return pool;
    }

    static boolean isConnectionFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException
                    || c instanceof io.vertx.core.VertxException && String.valueOf(c.getMessage()).contains("closed")
                    || c.getClass().getSimpleName().equals("ClosedConnectionException")) {
                return true;
            }
        }
        return false;
    }
}
