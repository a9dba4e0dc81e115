package io.flextime.backup.snapshot;

import io.flextime.backup.config.BackupConfig;
import io.flextime.backup.crypto.DataKey;
import io.flextime.backup.crypto.KeyProvider;
import io.flextime.backup.format.BackupLayout;
import io.flextime.backup.format.CopyText;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.format.ManifestCodec;
import io.flextime.backup.format.PhaseTimes;
import io.flextime.backup.format.TableEntry;
import io.flextime.backup.store.BackupObjects;
import io.flextime.backup.store.BackupDatabase;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.api.MigrationVersion;
import org.jboss.logging.Logger;

/**
 * Writes one backup: every project table (full) or every change since the parent's snapshot
 * (incremental), read in REPEATABLE READ transactions that share one exported snapshot, so the backup
 * is one consistent state while writes go on. A full backup reads the tables with the server's own
 * {@code COPY TO STDOUT} on JDBC connections that joined the snapshot, one table per connection at a
 * time, the largest first ({@link CopyReader}); an incremental one reads the tables' change logs the
 * same way, one table per reactive connection, from cursors ({@link CursorLines}).
 * Lines go into the {@link ObjectWriter}; the manifest is written last, so a backup without a manifest
 * does not exist for restores.
 */
@ApplicationScoped
public class BackupTaker {
    private static final Logger LOG = Logger.getLogger(BackupTaker.class);
    private static final String TABLES_SQL = "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = 'public' AND c.relkind = 'r' AND backup_is_captured(c.oid) "
            + "ORDER BY pg_relation_size(c.oid) DESC, c.relname";
    private static final String CHANGES_SQL = "SELECT ((extract(epoch FROM x.committed_at) * 1000000)::bigint)::text "
            + "|| E'\\t' || l.xid::text || E'\\t' || l.seq::text || E'\\t' || l.op::text "
            + "|| E'\\t' || coalesce(l.old_row::text, '') || E'\\t' || coalesce(l.new_row::text, '') "
            + "FROM backup_change_log l JOIN backup_change_txn x ON x.xid = l.xid "
            + "WHERE l.table_name = $1 AND l.xid >= pg_snapshot_xmin($2::pg_snapshot) "
            + "AND NOT pg_visible_in_snapshot(l.xid, $2::pg_snapshot) ORDER BY x.committed_at, l.xid, l.seq";

    private final BackupDatabase db;
    private final BackupObjects objects;
    private final KeyProvider keys;
    private final BackupConfig config;

    public BackupTaker(BackupDatabase db, BackupObjects objects, KeyProvider keys, BackupConfig config) {
        this.db = db;
        this.objects = objects;
        this.keys = keys;
        this.config = config;
    }

    /** The schema version of the live database (the highest applied Flyway migration). */
    public String currentSchemaVersion() {
        MigrationVersion max = null;
        for (Row r : db.pool().query("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                .execute().await().indefinitely()) {
            MigrationVersion v = MigrationVersion.fromVersion(r.getString(0));
            max = max == null || v.compareTo(max) > 0 ? v : max;
        }
        return max == null ? "0" : max.getVersion();
    }

    /**
     * Takes the backup and stores its objects and manifest.
     *
     * @param parent the parent's manifest for an incremental backup, null for a full one
     * @param heartbeat called after each table (renews the writer lock)
     * @param phases    where each phase's time is noted (snapshot, each table or the changes, manifest)
     */
    public Manifest take(String backupId, Manifest parent, Runnable heartbeat, PhaseTimes phases) {
        boolean full = parent == null;
        Instant startedAt = Instant.now();
        DataKey key = keys.newDataKey();
        SqlConnection main = db.pool().getConnection().await().indefinitely();
        List<SqlConnection> helpers = new ArrayList<>();
        List<Connection> copiers = List.of();
        ExecutorService workers = null;
        try {
            Transaction tx = main.begin().await().indefinitely();
            main.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute().await().indefinitely();
            Row snap = main.query("SELECT pg_current_snapshot()::text, clock_timestamp(), pg_export_snapshot(), current_database()")
                    .execute().await().indefinitely().iterator().next();
            String snapshot = snap.getString(0);
            Instant snapshotAt = snap.getOffsetDateTime(1).toInstant();
            String exported = snap.getString(2);
            String database = snap.getString(3);
            String schemaVersion = schemaVersion(main);
            ConcurrentLinkedQueue<String> tables = new ConcurrentLinkedQueue<>();
            main.query(TABLES_SQL).execute().await().indefinitely().forEach(r -> tables.add(r.getString(0)));
            int parallel = Math.max(1, Math.min(config.parallelism(), tables.size()));
            helpers.add(main);
            if (!full) {
                for (int i = 1; i < parallel; i++) {
                    helpers.add(joinSnapshot(exported));
                }
            }
            for (SqlConnection c : helpers) {
                for (String set : CopyText.SESSION) {
                    c.query(set).execute().await().indefinitely();
                }
            }
            phases.ended("snapshot");
            List<TableEntry> entries = Collections.synchronizedList(new ArrayList<>());
            AtomicReference<Instant> lastCommitAt = new AtomicReference<>();
            workers = Executors.newFixedThreadPool(parallel, r -> new Thread(r, "backup-export"));
            if (full) {
                // Largest table first (TABLES_SQL's order): it runs on one connection while the others take the rest.
                copiers = joinSnapshotForCopy(database, exported, parallel);
                eachTable(workers, copiers, tables, (c, table) -> {
                    entries.add(exportTable(c, backupId, table, key.plaintext()));
                    phases.ended("table " + table);
                    heartbeat.run();
                });
            } else {
                eachTable(workers, helpers, tables, (c, table) -> {
                    entries.add(exportChanges(c, backupId, table, key.plaintext(), parent.snapshot(), lastCommitAt));
                    heartbeat.run();
                });
                phases.ended("changes");
            }
            tx.rollback().await().indefinitely();
            entries.sort(Comparator.comparing(TableEntry::name));
            Manifest m = new Manifest(Manifest.FORMAT, backupId, full ? Manifest.FULL : Manifest.INCREMENTAL,
                    full ? null : parent.backupId(), database, schemaVersion, snapshot, snapshotAt, startedAt, Instant.now(),
                    full ? null : lastCommitAt.get(), key.keyId(), Base64.getEncoder().encodeToString(key.envelope()), "zstd",
                    config.chunkSize(), List.copyOf(entries), null);
            objects.putManifest(backupId, ManifestCodec.sign(m, key.plaintext()));
            phases.ended("manifest");
            LOG.infof("backup %s (%s) written: %d tables, %d lines, %d bytes", backupId, m.kind(), entries.size(), m.rows(),
                    m.storedBytes());
            return m;
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
            for (Connection c : copiers) {
                closeQuietly(c);
            }
            for (SqlConnection c : helpers) {
                c.close().await().indefinitely();
            }
            if (!helpers.contains(main)) {
                main.close().await().indefinitely();
            }
        }
    }

    private SqlConnection joinSnapshot(String exported) {
        SqlConnection c = db.pool().getConnection().await().indefinitely();
        c.begin().await().indefinitely();
        c.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute().await().indefinitely();
        c.query("SET TRANSACTION SNAPSHOT '" + exported.replace("'", "") + "'").execute().await().indefinitely();
        return c;
    }

    /** One table's work on one connection. */
    private interface TableWork<C> {
        void run(C connection, String table) throws IOException, SQLException;
    }

    /** One thread per connection, each taking the next table until none is left; waits for them all. */
    private static <C> void eachTable(ExecutorService workers, List<C> connections, Queue<String> tables, TableWork<C> work) {
        List<Future<?>> running = new ArrayList<>();
        for (C c : connections) {
            running.add(workers.submit(() -> {
                for (String table = tables.poll(); table != null; table = tables.poll()) {
                    long began = System.nanoTime();
                    work.run(c, table);
                    LOG.debugf("backup: table %s exported in %.2f s", table, (System.nanoTime() - began) / 1e9);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            await(f);
        }
    }

    /** JDBC connections in the exported snapshot, for COPY (which the reactive client cannot run). */
    private List<Connection> joinSnapshotForCopy(String database, String exported, int count) {
        List<Connection> joined = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Connection c = db.connect(database);
                joined.add(c);
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    s.execute("SET TRANSACTION SNAPSHOT '" + exported.replace("'", "") + "'");
                    for (String set : CopyText.SESSION) {
                        s.execute(set);
                    }
                }
            }
            return joined;
        } catch (SQLException e) {
            joined.forEach(BackupTaker::closeQuietly);
            throw new IllegalStateException("backup failed: cannot join the snapshot for COPY: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.rollback();
            c.close();
        } catch (SQLException e) {
            LOG.debugf("closing a backup COPY connection: %s", e.getMessage());
        }
    }

    private String schemaVersion(SqlConnection c) {
        MigrationVersion max = null;
        for (Row r : c.query("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                .execute().await().indefinitely()) {
            MigrationVersion v = MigrationVersion.fromVersion(r.getString(0));
            max = max == null || v.compareTo(max) > 0 ? v : max;
        }
        return max == null ? "0" : max.getVersion();
    }

    private List<String> columns(SqlConnection c, String table) {
        List<String> cols = new ArrayList<>();
        c.preparedQuery(CopyText.COLUMNS_SQL).execute(Tuple.of(CopyText.ident(table))).await().indefinitely()
                .forEach(r -> cols.add(r.getString(0)));
        return cols;
    }

    private TableEntry exportTable(Connection c, String backupId, String table, byte[] dataKey) throws IOException, SQLException {
        List<String> cols = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CopyText.COLUMNS_SQL.replace("$1", "?"))) {
            ps.setString(1, CopyText.ident("public") + "." + CopyText.ident(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
        }
        String key = objects.layout().tableKey(backupId, table, true);
        ObjectWriter writer = new ObjectWriter(objects.upload(key), dataKey, BackupLayout.objectName(backupId, table, true),
                config.chunkSize(), config.zstdLevel());
        try {
            CopyReader.read(c, "public", table, cols, writer::copyRows);
            ObjectWriter.Written w = writer.finish();
            return new TableEntry(table, cols, key, w.lines(), w.sha256(), w.plaintextBytes(), w.storedBytes(), w.lines());
        } catch (IOException | SQLException | RuntimeException e) {
            writer.abort();
            throw e;
        }
    }

    private TableEntry exportChanges(SqlConnection c, String backupId, String table, byte[] dataKey, String parentSnapshot,
            AtomicReference<Instant> lastCommitAt) throws IOException {
        List<String> cols = columns(c, table);
        long count = c.query("SELECT count(*) FROM ONLY public." + CopyText.ident(table)).execute().await().indefinitely()
                .iterator().next().getLong(0);
        String key = objects.layout().tableKey(backupId, table, false);
        ObjectWriter[] writer = new ObjectWriter[1];
        try {
            CursorLines.stream(c, CHANGES_SQL, Tuple.of(table, parentSnapshot), config.fetchSize(), line -> {
                if (writer[0] == null) {
                    writer[0] = new ObjectWriter(objects.upload(key), dataKey, BackupLayout.objectName(backupId, table, false),
                            config.chunkSize(), config.zstdLevel());
                }
                writer[0].line(line);
                noteCommit(line, lastCommitAt);
            });
            if (writer[0] == null) {
                return new TableEntry(table, cols, null, 0, ObjectWriter.EMPTY_SHA256, 0, 0, count);
            }
            ObjectWriter.Written w = writer[0].finish();
            return new TableEntry(table, cols, key, w.lines(), w.sha256(), w.plaintextBytes(), w.storedBytes(), count);
        } catch (IOException | RuntimeException e) {
            if (writer[0] != null) {
                writer[0].abort();
            }
            throw e;
        }
    }

    private static void noteCommit(byte[] line, AtomicReference<Instant> lastCommitAt) {
        int tab = 0;
        while (line[tab] != '\t') {
            tab++;
        }
        long micros = Long.parseLong(new String(line, 0, tab, StandardCharsets.US_ASCII));
        Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
        lastCommitAt.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("backup interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("backup failed: " + cause.getMessage(), cause);
        }
    }
}
