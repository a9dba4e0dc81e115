package io.flextime.backup.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a backup's objects live: {@code <prefix><yyyy>/<MM>/<dd>/<backupId>/} with
 * {@code manifest.json}, {@code tables/<table>.ftb} (full) and {@code changes/<table>.ftb}
 * (incremental). Backup ids start with their UTC start time ({@code bk-20251103T070000Z-...}), so
 * the folder of an id is known without listing.
 */
public final class BackupLayout {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String prefix;

    public BackupLayout(String prefix) {
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    public String prefix() {
        return prefix;
    }

    public static String backupId(Instant time, String kind, String suffix) {
        return "bk-" + ID_TIME.format(time) + "-" + ("FULL".equals(kind) ? "full" : "inc") + (suffix == null ? "" : "-" + suffix);
    }

    public String folder(String backupId) {
        if (!backupId.matches("bk-\\d{8}T\\d{6}Z-[a-z0-9-]+")) {
            throw new IllegalArgumentException("'" + backupId + "' is not a backup id (bk-<yyyyMMdd'T'HHmmss'Z'>-full|inc[-suffix])");
        }
        return prefix + backupId.substring(3, 7) + "/" + backupId.substring(7, 9) + "/" + backupId.substring(9, 11) + "/"
                + backupId + "/";
    }

    public String manifestKey(String backupId) {
        return folder(backupId) + "manifest.json";
    }

    public String tableKey(String backupId, String table, boolean full) {
        return folder(backupId) + (full ? "tables/" : "changes/") + table + ".ftb";
    }

    /** The name sealed into an object's header: ties its chunks to this backup and table. */
    public static String objectName(String backupId, String table, boolean full) {
        return backupId + "/" + (full ? "tables/" : "changes/") + table;
    }
}
