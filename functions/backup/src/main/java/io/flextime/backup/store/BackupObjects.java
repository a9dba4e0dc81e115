package io.flextime.backup.store;

import io.flextime.backup.config.BackupConfig;
import io.flextime.backup.crypto.BackupIntegrityException;
import io.flextime.backup.format.BackupLayout;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.store.ObjectStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The backups bucket: streamed uploads, manifests, object reads that name what is missing. */
@ApplicationScoped
public class BackupObjects {
    private final ObjectStore store;
    private final String bucket;
    private final BackupLayout layout;
    private final int partSize;
    private final ExecutorService uploads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "backup-upload");
        t.setDaemon(true);
        return t;
    });

    public BackupObjects(ObjectStore store, FlexTimeConfig flextime, BackupConfig config) {
        this.store = store;
        this.bucket = flextime.buckets().backups();
        this.layout = new BackupLayout(config.prefix());
        if (config.partSize() < 5 << 20) {
            throw new IllegalArgumentException("flextime.backup.part-size must be at least 5 MiB (S3's minimum part size)");
        }
        this.partSize = config.partSize();
    }

    @PreDestroy
    void stop() {
        uploads.shutdownNow();
    }

    public BackupLayout layout() {
        return layout;
    }

    public String bucket() {
        return bucket;
    }

    public MultipartUploadStream upload(String key) {
        return new MultipartUploadStream(store.client(), bucket, key, partSize, uploads);
    }

    public void putManifest(String backupId, byte[] bytes) {
        store.put(bucket, layout.manifestKey(backupId), bytes, "application/json");
    }

    public byte[] manifestBytes(String backupId) {
        String key = layout.manifestKey(backupId);
        try {
            return store.getBytes(bucket, key);
        } catch (NoSuchKeyException e) {
            throw missing(backupId, "manifest", key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw missing(backupId, "manifest", key);
            }
            throw e;
        }
    }

    /** Opens a table object; the caller closes it. */
    public InputStream open(String backupId, String table, String key) {
        try {
            return store.open(bucket, key);
        } catch (NoSuchKeyException e) {
            throw missing(backupId, "object of table " + table, key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw missing(backupId, "object of table " + table, key);
            }
            throw e;
        }
    }

    /** Backup ids that have a manifest (i.e. finished), oldest first. */
    public List<String> backupIdsWithManifest() {
        return store.list(bucket, layout.prefix()).stream().map(S3Object::key)
                .filter(k -> k.endsWith("/manifest.json"))
                .map(k -> k.substring(0, k.length() - "/manifest.json".length()))
                .map(k -> k.substring(k.lastIndexOf('/') + 1))
                .sorted().toList();
    }

    /** Deletes every object of a backup; returns how many. */
    public int deleteBackup(String backupId) {
        List<S3Object> objects = store.list(bucket, layout.folder(backupId));
        // the manifest first: a half-deleted backup must not look restorable
        objects.stream().filter(o -> o.key().endsWith("/manifest.json")).forEach(o -> store.delete(bucket, o.key()));
        objects.stream().filter(o -> !o.key().endsWith("/manifest.json")).forEach(o -> store.delete(bucket, o.key()));
        return objects.size();
    }

    private BackupIntegrityException missing(String backupId, String what, String key) {
        return new BackupIntegrityException(BackupIntegrityException.MISSING_OBJECT,
                "backup " + backupId + ": the " + what + " is missing (s3://" + bucket + "/" + key + ")");
    }
}
