package io.flextime.backup.snapshot;

import io.flextime.backup.config.BackupConfig;
import io.flextime.backup.crypto.DataKey;
import io.flextime.backup.crypto.KeyProvider;
import io.flextime.backup.format.BackupLayout;
import io.flextime.backup.format.CopyText;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.format.ManifestCodec;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.api.MigrationVersion;
import org.jboss.logging.Logger;

/**
 * Writes one backup: every project table (full) or every change since the parent's snapshot
 * (incremental), read through the reactive client in REPEATABLE READ transactions that share one
 * exported snapshot, so the backup is one consistent state while writes go on. A full backup takes
 * the tables one after another, each read as page ranges spread over all the snapshot's connections
 * ({@link PageRangeReader}; a table with a large TOAST part streams from a cursor instead); an
 * incremental one reads the tables' change logs in parallel, one table per connection, from cursors
 * ({@link CursorLines}). Lines go into the {@link ObjectWriter}; the manifest is written last, so a
 * backup without a manifest does not exist for restores.
 */
@ApplicationScoped
public class BackupTaker {
    private static final Logger LOG = Logger.getLogger(BackupTaker.class);
    private static final String TABLES_SQL = "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = 'public' AND c.relkind = 'r' AND backup_is_captured(c.oid) "
            + "ORDER BY pg_relation_size(c.oid) DESC, c.relname";
    /** Heap pages and TOAST bytes of a table (in the snapshot's transaction: the size covers every row it sees). */
    private static final String SIZE_SQL = "SELECT pg_relation_size(c.oid) / current_setting('block_size')::bigint, "
            + "CASE WHEN c.reltoastrelid = 0 THEN 0 ELSE pg_total_relation_size(c.reltoastrelid) END "
            + "FROM pg_class c WHERE c.oid = $1::regclass";
    /**
     * Page ranges are aggregated into one value each, which PostgreSQL caps at 1 GB: a table whose
     * out-of-line (TOAST) values exceed this streams row by row from a cursor instead.
     */
    private static final long RANGE_READ_TOAST_LIMIT = 64L << 20;
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
     */
    public Manifest take(String backupId, Manifest parent, Runnable heartbeat) {
        boolean full = parent == null;
        Instant startedAt = Instant.now();
        DataKey key = keys.newDataKey();
        SqlConnection main = db.pool().getConnection().await().indefinitely();
        List<SqlConnection> helpers = new ArrayList<>();
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
            for (int i = 1; i < parallel; i++) {
                helpers.add(joinSnapshot(exported));
            }
            for (SqlConnection c : helpers) {
                for (String set : CopyText.SESSION) {
                    c.query(set).execute().await().indefinitely();
                }
            }
            List<TableEntry> entries = Collections.synchronizedList(new ArrayList<>());
            AtomicReference<Instant> lastCommitAt = new AtomicReference<>();
            if (full) {
                for (String table = tables.poll(); table != null; table = tables.poll()) {
                    long began = System.nanoTime();
                    try {
                        entries.add(exportTable(helpers, backupId, table, key.plaintext()));
                    } catch (IOException e) {
                        throw new IllegalStateException("backup failed: " + e.getMessage(), e);
                    }
                    LOG.debugf("backup %s: table %s exported in %.2f s", backupId, table, (System.nanoTime() - began) / 1e9);
                    heartbeat.run();
                }
            } else {
                workers = Executors.newFixedThreadPool(parallel, r -> new Thread(r, "backup-export"));
                List<Future<?>> running = new ArrayList<>();
                for (SqlConnection c : helpers) {
                    running.add(workers.submit(() -> {
                        for (String table = tables.poll(); table != null; table = tables.poll()) {
                            long began = System.nanoTime();
                            entries.add(exportChanges(c, backupId, table, key.plaintext(), parent.snapshot(), lastCommitAt));
                            LOG.debugf("backup %s: changes of %s exported in %.2f s", backupId, table, (System.nanoTime() - began) / 1e9);
                            heartbeat.run();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    await(f);
                }
            }
            tx.rollback().await().indefinitely();
            entries.sort(Comparator.comparing(TableEntry::name));
            Manifest m = new Manifest(Manifest.FORMAT, backupId, full ? Manifest.FULL : Manifest.INCREMENTAL,
                    full ? null : parent.backupId(), database, schemaVersion, snapshot, snapshotAt, startedAt, Instant.now(),
                    full ? null : lastCommitAt.get(), key.keyId(), Base64.getEncoder().encodeToString(key.envelope()), "zstd",
                    config.chunkSize(), List.copyOf(entries), null);
            objects.putManifest(backupId, ManifestCodec.sign(m, key.plaintext()));
            LOG.infof("backup %s (%s) written: %d tables, %d lines, %d bytes", backupId, m.kind(), entries.size(), m.rows(),
                    m.storedBytes());
            return m;
        } finally {
            if (workers != null) {
                workers.shutdownNow();
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

    private String schemaVersion(SqlConnection c) {
        MigrationVersion max = null;
        for (Row r : c.query("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                .execute().await().indefinitely()) {
            MigrationVersion v = MigrationVersion.fromVersion(r.getString(0));
            max = max == null || v.compareTo(max) > 0 ? v : max;
        }
        return max == null ? "0" : max.getVersion();
    }

    private List<CopyText.Column> columns(SqlConnection c, String table) {
        List<CopyText.Column> cols = new ArrayList<>();
        c.preparedQuery(CopyText.COLUMNS_SQL).execute(Tuple.of(CopyText.ident(table))).await().indefinitely()
                .forEach(r -> cols.add(new CopyText.Column(r.getString(0), r.getBoolean(1))));
        return cols;
    }

    private TableEntry exportTable(List<SqlConnection> connections, String backupId, String table, byte[] dataKey)
            throws IOException {
        SqlConnection c = connections.get(0);
        List<CopyText.Column> cols = columns(c, table);
        Row size = c.preparedQuery(SIZE_SQL).execute(Tuple.of(CopyText.ident("public") + "." + CopyText.ident(table)))
                .await().indefinitely().iterator().next();
        String key = objects.layout().tableKey(backupId, table, true);
        ObjectWriter writer = new ObjectWriter(objects.upload(key), dataKey, BackupLayout.objectName(backupId, table, true),
                config.chunkSize(), config.zstdLevel());
        try {
            if (size.getLong(1) <= RANGE_READ_TOAST_LIMIT) {
                PageRangeReader.read(connections, "public", table, cols, size.getLong(0), config.pagesPerRead(), writer::lines);
            } else {
                CursorLines.stream(c, CopyText.selectLines("public", table, cols), Tuple.tuple(), config.fetchSize(), writer::line);
            }
            ObjectWriter.Written w = writer.finish();
            return new TableEntry(table, cols.stream().map(CopyText.Column::name).toList(), key, w.lines(), w.sha256(),
                    w.plaintextBytes(), w.storedBytes(), w.lines());
        } catch (IOException | RuntimeException e) {
            writer.abort();
            throw e;
        }
    }

    private TableEntry exportChanges(SqlConnection c, String backupId, String table, byte[] dataKey, String parentSnapshot,
            AtomicReference<Instant> lastCommitAt) throws IOException {
        List<String> cols = columns(c, table).stream().map(CopyText.Column::name).toList();
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
