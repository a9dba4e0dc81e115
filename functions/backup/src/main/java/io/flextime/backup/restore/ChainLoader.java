package io.flextime.backup.restore;

import com.github.luben.zstd.ZstdInputStream;
import io.flextime.backup.crypto.BackupIntegrityException;
import io.flextime.backup.crypto.DecryptingInputStream;
import io.flextime.backup.crypto.KeyProvider;
import io.flextime.backup.format.BackupLayout;
import io.flextime.backup.format.CopyText;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.format.PhaseTimes;
import io.flextime.backup.format.TableEntry;
import io.flextime.backup.store.BackupObjects;
import io.flextime.backup.store.Manifests;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Loads a chain into a target schema: the full backup's tables with {@code COPY FROM STDIN} (the
 * fastest load PostgreSQL has; the reactive client cannot run COPY) on one or several connections,
 * keys and indexes built after the data ({@link DeferredIndexes}), then each incremental's changes up
 * to the cutoff, in commit order, on one connection. Every object's plaintext is checked against the
 * manifest's line count and SHA-256 as it streams in. {@link RestoreConnections} says when it commits.
 */
@ApplicationScoped
public class ChainLoader {
    /** Plaintext bytes per COPY write and per read-ahead block; blocks held ahead of COPY per connection. */
    private static final int READ_BLOCK = 1 << 20;
    private static final int READ_DEPTH = 6;

    private static final Logger LOG = Logger.getLogger(ChainLoader.class);

    private final BackupObjects objects;
    private final Manifests manifests;

    public ChainLoader(BackupObjects objects, Manifests manifests) {
        this.objects = objects;
        this.manifests = manifests;
    }

    /** What a load found; {@code mismatches} is filled only in checking mode. */
    public record Loaded(long rows, Map<String, Long> rowsPerTable, List<String> mismatches) {
    }

    /**
     * @param on       one transaction (the caller commits) or a new database's connections (committed step by step)
     * @param checking also re-read each table after the full load and compare its checksum, and
     *                 compare final row counts with the last manifest (verification; one connection only,
     *                 as the checksum follows the load order)
     */
    public Loaded load(RestoreConnections on, String schema, ChainPlanner.Plan plan, KeyProvider keys, boolean checking)
            throws SQLException, IOException {
        return load(on, schema, plan, keys, checking, new PhaseTimes());
    }

    /** The same, noting when each phase ended in {@code phases}. */
    public Loaded load(RestoreConnections on, String schema, ChainPlanner.Plan plan, KeyProvider keys, boolean checking,
            PhaseTimes phases) throws SQLException, IOException {
        if (checking && on.all().size() > 1) {
            throw new IllegalArgumentException("a checking load runs on one connection");
        }
        on.begin();
        Connection c = on.first();
        List<String> mismatches = new ArrayList<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        Manifest full = plan.chain().get(0);
        byte[] fullKey = manifests.dataKey(full, keys);
        long began = System.nanoTime();
        if (checking) {
            truncateInThisTransaction(c, schema, full);
        }
        DeferredIndexes deferred = DeferredIndexes.drop(c, schema, full.tables().stream().map(TableEntry::name).toList());
        on.stepDone();
        phases.ended("keys and indexes dropped");
        List<CopyBlocks.Source> sources = full.tables().stream().map(t -> (CopyBlocks.Source) new CopyBlocks.Source() {
            @Override
            public TableEntry table() {
                return t;
            }

            @Override
            public InputStream open() throws IOException {
                return ChainLoader.this.open(full, t, fullKey);
            }

            @Override
            public void check(CheckedStream read) {
                expect(full, t, read.lines(), read.sha256());
                LOG.debugf("restore: table %s read, %d lines, %.2f s since start", t.name(), t.rows(), (System.nanoTime() - began) / 1e9);
            }
        }).toList();
        Map<String, Long> bytes = full.tables().stream().collect(Collectors.toMap(TableEntry::name, TableEntry::plaintextBytes));
        if (on.all().size() > 1 && sources.size() > 1 && deferred.count() > 0) {
            loadOverlapped(on, schema, sources, deferred, bytes, began, phases);
        } else {
            copy(on.all(), schema, sources);
            on.stepDone();
            phases.ended("tables loaded");
            LOG.infof("restore: %d tables loaded on %d connection(s), %.2f s", full.tables().size(), on.all().size(),
                    (System.nanoTime() - began) / 1e9);
            if (checking) {
                for (TableEntry t : full.tables()) {
                    String sha = tableChecksum(c, schema, t.name());
                    if (!sha.equals(t.plaintextSha256())) {
                        mismatches.add("table " + t.name() + ": reloaded data has SHA-256 " + sha + ", manifest says " + t.plaintextSha256());
                    }
                }
            }
            if (deferred.count() > 0) {
                deferred.recreate(on, bytes);
            }
        }
        phases.ended("keys and indexes built");
        if (deferred.count() > 0) {
            LOG.infof("restore: %d keys and indexes built, %.2f s", deferred.count(), (System.nanoTime() - began) / 1e9);
        }
        for (TableEntry t : full.tables()) {
            rows.put(t.name(), t.rows());
        }
        long total = full.rows();
        Long cutoff = plan.cutoff() == null ? null : micros(plan.cutoff());
        for (Manifest inc : plan.chain().subList(1, plan.chain().size())) {
            byte[] key = manifests.dataKey(inc, keys);
            for (TableEntry t : inc.tables()) {
                if (t.objectKey() == null) {
                    continue;
                }
                String where = "backup " + inc.backupId() + " changes of " + t.name();
                try (InputStream in = open(inc, t, key); CheckedStream checked = new CheckedStream(in);
                        BufferedReader lines = new BufferedReader(new InputStreamReader(checked, StandardCharsets.UTF_8), 1 << 16);
                        ChangeReplayer replay = new ChangeReplayer(c, schema, t.name(), where)) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (cutoff == null || Long.parseLong(line.substring(0, line.indexOf('\t'))) <= cutoff) {
                            replay.apply(line);
                        }
                    }
                    replay.flush();
                    expect(inc, t, checked.lines(), checked.sha256());
                    total += replay.applied();
                }
            }
        }
        on.stepDone();
        if (plan.chain().size() > 1) {
            phases.ended("changes replayed");
        }
        Manifest last = plan.chain().get(plan.chain().size() - 1);
        if (checking) {
            for (TableEntry t : last.tables()) {
                long count = count(c, schema, t.name());
                rows.put(t.name(), count);
                if (count != t.rowsAtSnapshot()) {
                    mismatches.add("table " + t.name() + ": " + count + " rows after restore, manifest of " + last.backupId()
                            + " says " + t.rowsAtSnapshot());
                }
            }
        }
        return new Loaded(total, rows, mismatches);
    }

    private static void copy(List<Connection> connections, String schema, List<CopyBlocks.Source> sources)
            throws SQLException, IOException {
        try (CopyBlocks blocks = new CopyBlocks(sources, READ_BLOCK, READ_DEPTH * (connections.size() + 1), "full")) {
            ParallelCopy.copy(connections, schema, blocks);
        }
    }

    /**
     * Several connections into a new database: the largest table is loaded first, on all of them; then
     * its keys and indexes are built on the first connection while the others load the remaining
     * tables, build their keys and indexes and the foreign keys among them; last, the foreign keys that
     * touch the largest table, on all connections. Why: its primary key is one long sort (most of the
     * key phase) that used to start only after every table was loaded, with the other connection idle
     * beside it once the small tables' keys were done.
     */
    private static void loadOverlapped(RestoreConnections on, String schema, List<CopyBlocks.Source> sources,
            DeferredIndexes deferred, Map<String, Long> bytes, long began, PhaseTimes phases) throws SQLException, IOException {
        CopyBlocks.Source largest = sources.stream().max(Comparator.comparingLong(s -> s.table().plaintextBytes())).orElseThrow();
        String big = largest.table().name();
        List<CopyBlocks.Source> rest = sources.stream().filter(s -> s != largest).toList();
        copy(on.all(), schema, List.of(largest));
        on.stepDone();
        LOG.infof("restore: %s loaded on %d connection(s), %.2f s", big, on.all().size(), (System.nanoTime() - began) / 1e9);
        phases.ended(big + " loaded");
        RestoreConnections first = on.slice(0, 1);
        RestoreConnections others = on.slice(1, on.all().size());
        ConnectionThreads.together("restore-overlap", List.of(() -> {
            deferred.recreateKeys(first, big::equals, bytes);
            LOG.infof("restore: keys and indexes of %s built, %.2f s", big, (System.nanoTime() - began) / 1e9);
            phases.ended("keys and indexes of " + big + " built");
        }, () -> {
            copy(others.all(), schema, rest);
            others.stepDone();
            LOG.infof("restore: %d other tables loaded on %d connection(s), %.2f s", rest.size(), others.all().size(),
                    (System.nanoTime() - began) / 1e9);
            phases.ended("other tables loaded");
            deferred.recreateKeys(others, table -> !big.equals(table), bytes);
            deferred.recreateForeignKeys(others, (table, referenced) -> !big.equals(table) && !big.equals(referenced), bytes);
            phases.ended("other tables' keys built");
        }), () -> {
        });
        deferred.recreateForeignKeys(on, (table, referenced) -> big.equals(table) || big.equals(referenced), bytes);
    }

    /**
     * The checking load re-reads every table in heap order and compares it with the object's checksum,
     * so the rows must land in the object's order. A COPY into a table that exists from an earlier
     * transaction does not guarantee that: when a row does not fit the current page PostgreSQL takes a
     * page from the free space map, which may be an earlier one with room left, and a narrower later
     * row lands ahead of rows loaded before it (reproduced in {@code VariableWidthVerifyTest}). COPY
     * into a table truncated in the same transaction never consults the free space map
     * ({@code TABLE_INSERT_SKIP_FSM}): pages fill strictly one after another, in load order.
     */
    private static void truncateInThisTransaction(Connection c, String schema, Manifest full) throws SQLException {
        if (full.tables().isEmpty()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + full.tables().stream().map(t -> CopyText.ident(schema) + "." + CopyText.ident(t.name()))
                    .collect(Collectors.joining(", ")));
        }
    }

    private InputStream open(Manifest m, TableEntry t, byte[] dataKey) throws IOException {
        InputStream raw = objects.open(m.backupId(), t.name(), t.objectKey());
        try {
            return new ZstdInputStream(new DecryptingInputStream(raw, dataKey, BackupLayout.objectName(m.backupId(), t.name(),
                    m.full()), "backup " + m.backupId() + " object " + t.objectKey()));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static void expect(Manifest m, TableEntry t, long lines, String sha) {
        if (lines != t.rows() || !sha.equals(t.plaintextSha256())) {
            throw new BackupIntegrityException(BackupIntegrityException.CHECKSUM_MISMATCH, "backup " + m.backupId() + " table "
                    + t.name() + ": read " + lines + " lines with SHA-256 " + sha + ", the manifest says " + t.rows()
                    + " lines with " + t.plaintextSha256());
        }
    }

    /** SHA-256 of a table as a backup writes it: the server's COPY text, in heap order. */
    static String tableChecksum(Connection c, String schema, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CopyText.COLUMNS_SQL.replace("$1", "?"))) {
            ps.setString(1, CopyText.ident(schema) + "." + CopyText.ident(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut(CopyText.copyOut(schema, table, cols));
        for (byte[] row = out.readFromCopy(); row != null; row = out.readFromCopy()) {
            sha.update(row);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static long count(Connection c, String schema, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM ONLY " + CopyText.ident(schema) + "." + CopyText.ident(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

}
