package io.flextime.backup.retention;

import io.flextime.backup.config.BackupConfig;
import io.flextime.backup.store.BackupCatalog;
import io.flextime.backup.store.BackupObjects;
import io.flextime.backup.store.WriterLock;
import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.config.FlexTimeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Applies the retention plan: lists it (dry run) or deletes what it names, children before parents. */
@ApplicationScoped
public class RetentionService {
    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    private final BackupCatalog catalog;
    private final BackupObjects objects;
    private final WriterLock writerLock;
    private final BackupConfig config;

    private final AuditTrail audit;
    private final String platformTenant;

    public RetentionService(BackupCatalog catalog, BackupObjects objects, WriterLock writerLock, BackupConfig config,
            AuditTrail audit, FlexTimeConfig flextime) {
        this.audit = audit;
        this.platformTenant = flextime.security().platformTenant();
        this.catalog = catalog;
        this.objects = objects;
        this.writerLock = writerLock;
        this.config = config;
    }

    public RetentionPlan apply(boolean dryRun, Actor actor) {
        // under the writer lock: a backup being written must not lose its parent meanwhile
        try (WriterLock.Held lease = writerLock.acquire()) {
            RetentionPlan plan = RetentionPlanner.plan(catalog.completed(), config.retention().daily(),
                    config.retention().weekly(), config.retention().monthly(), dryRun);
            if (dryRun) {
                audit.operation(platformTenant, actor, AuditTrail.OK, "dryRun", true, "keep", plan.keep().size(),
                        "delete", plan.delete().size()).await().indefinitely();
                return plan;
            }
            List<String> deleted = new ArrayList<>();
            for (String id : plan.delete()) { // newest first: an incremental goes before its parent
                int n = objects.deleteBackup(id);
                catalog.markDeleted(id, actor);
                deleted.add(id);
                LOG.infof("retention deleted backup %s (%d objects)", id, n);
            }
            audit.operation(platformTenant, actor, AuditTrail.OK, "dryRun", false, "keep", plan.keep().size(),
                    "deleted", deleted.size()).await().indefinitely();
            return new RetentionPlan(false, plan.keep(), plan.delete(), deleted);
        }
    }
}
