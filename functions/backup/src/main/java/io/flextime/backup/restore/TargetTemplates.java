package io.flextime.backup.restore;

import io.flextime.backup.config.BackupConfig;
import io.flextime.backup.store.OwnerDatabase;
import io.flextime.backup.store.SchemaMigrator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * An empty database at the live database's schema version, migrated once at startup on a background
 * thread, from which restores and verifications create their new databases
 * ({@code CREATE DATABASE ... TEMPLATE}) instead of migrating each one: measured in the benchmark, a
 * new target's creation and migration took 0.7–1.5 s (Flyway in a fresh JVM), a copy of the template
 * a fraction of that. Why a template of this process's own: it is migrated with the very migrations
 * {@link SchemaMigrator} would apply, so a database made from it is the same as one migrated here.
 * It is named with a random suffix and commented, dropped at shutdown; templates of processes that
 * died are dropped at the next startup (one that is in use refuses, and is left). A backup at another
 * schema version, or a template not ready or gone, falls back to migrating.
 */
@ApplicationScoped
public class TargetTemplates {
    private static final Logger LOG = Logger.getLogger(TargetTemplates.class);
    private static final String PREFIX = "flextime_rtmpl_";
    private static final String COMMENT = "flextime restore template, schema version ";

    private record Template(String database, String version) {
    }

    private final OwnerDatabase db;
    private final SchemaMigrator migrator;
    private final BackupConfig config;
    private final CountDownLatch prepared = new CountDownLatch(1);
    private volatile Template ready;

    public TargetTemplates(OwnerDatabase db, SchemaMigrator migrator, BackupConfig config) {
        this.db = db;
        this.migrator = migrator;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.restoreTemplate()) {
            prepared.countDown();
            return;
        }
        Thread t = new Thread(this::prepare, "restore-template");
        t.setDaemon(true);
        t.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        Template t = ready;
        ready = null;
        if (t != null) {
            dropQuietly(t.database());
        }
    }

    /** The template for {@code version}, if one is ready (waits for the startup preparation at most {@code waitMillis}). */
    public Optional<String> forVersion(String version, long waitMillis) {
        try {
            prepared.await(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Template t = ready;
        return t != null && t.version().equals(version) ? Optional.of(t.database()) : Optional.empty();
    }

    private void prepare() {
        long start = System.nanoTime();
        String name = PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            dropLeftovers();
            Optional<String> version;
            try (Connection c = db.connect(db.database())) {
                version = SchemaMigrator.currentVersion(c);
            }
            if (version.isEmpty()) {
                return;
            }
            execute("CREATE DATABASE " + name);
            try {
                migrator.migrate(name, version.get());
                execute("COMMENT ON DATABASE " + name + " IS '" + COMMENT + version.get() + "'");
            } catch (RuntimeException | SQLException e) {
                dropQuietly(name);
                throw e;
            }
            ready = new Template(name, version.get());
            LOG.infof("restore template %s at schema version %s ready in %.2f s", name, version.get(), (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException | SQLException e) {
            LOG.warnf("no restore template (restores migrate each new database instead): %s", e.getMessage());
        } finally {
            prepared.countDown();
        }
    }

    /** Templates left by processes that ended without dropping theirs; one in use refuses the drop and stays. */
    private void dropLeftovers() throws SQLException {
        List<String> old = new ArrayList<>();
        try (Connection c = db.connect(db.database()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%' "
                        + "AND shobj_description(oid, 'pg_database') LIKE '" + COMMENT + "%'")) {
            while (rs.next()) {
                old.add(rs.getString(1));
            }
        }
        old.forEach(this::dropQuietly);
    }

    private void dropQuietly(String database) {
        try {
            execute("DROP DATABASE IF EXISTS " + database);
        } catch (SQLException e) {
            LOG.debugf("restore template %s not dropped: %s", database, e.getMessage());
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.connect(db.database()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
