package io.flextime.core.security;

import io.flextime.core.store.TenantDb;
import io.flextime.core.store.Tenants;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenants FlexTime serves (table {@code tenant}). A tenant once found is remembered for a while
 * (tenants are never removed); an unknown one is looked up again each time, so a tenant registered a
 * moment ago is accepted at once.
 */
@ApplicationScoped
public class KnownTenants {
    private static final Duration REMEMBER = Duration.ofMinutes(10);

    private final TenantDb db;
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    public KnownTenants(TenantDb db) {
        this.db = db;
    }

    public Uni<Boolean> isKnown(String tenant) {
        if (!Tenants.isValid(tenant)) {
            return Uni.createFrom().item(false);
        }
        Long until = known.get(tenant);
        if (until != null && until > System.nanoTime()) {
            return Uni.createFrom().item(true);
        }
        return db.pool().preparedQuery("SELECT 1 FROM tenant WHERE id = $1").execute(Tuple.of(tenant))
                .map(rows -> {
                    boolean found = rows.iterator().hasNext();
                    if (found) {
                        known.put(tenant, System.nanoTime() + REMEMBER.toNanos());
                    }
                    return found;
                });
    }

    /** Registers a tenant; true if it is new. */
    public Uni<Boolean> register(SqlConnection conn, String tenant, String name, String by) {
        Tenants.require(tenant);
        return conn.preparedQuery("INSERT INTO tenant (id, name, created_by) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING")
                .execute(Tuple.of(tenant, name, by)).map(r -> r.rowCount() == 1);
    }
}
