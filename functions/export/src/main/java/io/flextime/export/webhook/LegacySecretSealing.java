package io.flextime.export.webhook;

import io.flextime.core.store.TenantDb;
import io.flextime.export.store.WebhookEndpoints;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At start-up, seals the signing secrets stored in plaintext before secrets were sealed at rest, tenant by
 * tenant (the app role sees one tenant at a time). Idempotent; a run on a database with none does one
 * query per tenant. Reading still accepts an unsealed value meanwhile.
 */
@ApplicationScoped
public class LegacySecretSealing {
    private static final Logger LOG = Logger.getLogger(LegacySecretSealing.class);

    private final TenantDb db;
    private final WebhookEndpoints endpoints;

    public LegacySecretSealing(TenantDb db, WebhookEndpoints endpoints) {
        this.db = db;
        this.endpoints = endpoints;
    }

    void onStart(@Observes StartupEvent start) {
        db.pool().query("SELECT id FROM tenant").execute()
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> db.inTenant(row.getString(0), endpoints::sealLegacySecrets)
                        .invoke(n -> {
                            if (n > 0) {
                                LOG.infof("sealed %d plaintext webhook secret(s) of tenant %s", n, row.getString(0));
                            }
                        }))
                .collect().asList()
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .subscribe().with(done -> { }, e -> LOG.errorf(e, "could not seal the plaintext webhook secrets (retried at the next start)"));
    }
}
