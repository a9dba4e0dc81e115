package io.flextime.backup.store;

import io.flextime.backup.crypto.KeyProvider;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.format.ManifestCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Authenticated manifests from the backups bucket (the truth a restore works from). */
@ApplicationScoped
public class Manifests {
    private final BackupObjects objects;
    private final KeyProvider keys;

    public Manifests(BackupObjects objects, KeyProvider keys) {
        this.objects = objects;
        this.keys = keys;
    }

    public Manifest read(String backupId) {
        return read(backupId, keys);
    }

    /** With another key provider (e.g. an operator's key set during a key rotation). */
    public Manifest read(String backupId, KeyProvider with) {
        byte[] bytes = objects.manifestBytes(backupId);
        Manifest m = ManifestCodec.open(bytes, with, backupId + " (s3://" + objects.bucket() + "/"
                + objects.layout().manifestKey(backupId) + ")");
        if (!backupId.equals(m.backupId())) {
            throw new io.flextime.backup.crypto.BackupIntegrityException(
                    io.flextime.backup.crypto.BackupIntegrityException.TAMPERED_MANIFEST,
                    "manifest at the place of backup " + backupId + " describes backup " + m.backupId());
        }
        return m;
    }

    public byte[] dataKey(Manifest m) {
        return ManifestCodec.dataKey(m, keys);
    }

    public byte[] dataKey(Manifest m, KeyProvider with) {
        return ManifestCodec.dataKey(m, with);
    }

    /** Ids of every finished backup in the bucket, oldest first. */
    public List<String> ids() {
        return new ArrayList<>(objects.backupIdsWithManifest());
    }
}
