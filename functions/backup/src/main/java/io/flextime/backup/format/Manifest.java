package io.flextime.backup.format;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * What a backup holds and how to read it ({@code <prefix><yyyy>/<mm>/<dd>/<backupId>/manifest.json}).
 * A manifest exists only for a finished backup; {@code mac} is HMAC-SHA256 over the canonical JSON of
 * every other field, keyed from the backup's data key (see {@link ManifestCodec}).
 *
 * @param format          {@value #FORMAT}
 * @param kind            FULL or INCREMENTAL
 * @param parentBackupId  the backup an incremental continues; null for a full one
 * @param database        the database backed up
 * @param schemaVersion   highest applied Flyway version at the snapshot (restore targets must match)
 * @param snapshot        the pg_snapshot read (an incremental holds the changes invisible to its
 *                        parent's snapshot and visible in its own)
 * @param snapshotAt      when the snapshot was taken: the earliest point in time this backup restores
 * @param lastCommitAt    commit time of the newest change held (incremental), else null
 * @param keyId           the master key id of the data key envelope
 * @param dataKeyEnvelope the data key sealed under {@code keyId} (base64)
 * @param compression     zstd
 * @param chunkSize       plaintext bytes per encrypted chunk
 */
@RegisterForReflection
public record Manifest(String format, String backupId, String kind, String parentBackupId, String database,
        String schemaVersion, String snapshot, Instant snapshotAt, Instant startedAt, Instant endedAt,
        Instant lastCommitAt, String keyId, String dataKeyEnvelope, String compression, int chunkSize,
        List<TableEntry> tables, String mac) {

    public static final String FORMAT = "flextime-backup/1";
    public static final String FULL = "FULL";
    public static final String INCREMENTAL = "INCREMENTAL";

    public boolean full() {
        return FULL.equals(kind);
    }

    public long rows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }

    public long storedBytes() {
        return tables.stream().mapToLong(TableEntry::storedBytes).sum();
    }

    public Manifest withMac(String newMac) {
        return new Manifest(format, backupId, kind, parentBackupId, database, schemaVersion, snapshot, snapshotAt,
                startedAt, endedAt, lastCommitAt, keyId, dataKeyEnvelope, compression, chunkSize, tables, newMac);
    }
}
