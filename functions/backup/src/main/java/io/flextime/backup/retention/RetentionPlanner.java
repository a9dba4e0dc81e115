package io.flextime.backup.retention;

import io.flextime.backup.store.BackupRun;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Grandfather-father-son retention over finished backups (UTC calendar):
 * <ul>
 * <li>daily: the newest backup of each of the N newest days that have a backup;</li>
 * <li>weekly: the newest full backup of each of the M newest ISO weeks (the newest backup if the
 * week has no full one);</li>
 * <li>monthly: likewise for the K newest months;</li>
 * <li>always the newest backup (the next incremental's parent).</li>
 * </ul>
 * Then every ancestor of a kept backup is kept ("needed by ..."), so no chain is ever broken:
 * a backup is deleted only when nothing kept depends on it.
 */
public final class RetentionPlanner {

    private RetentionPlanner() {
    }

    public static RetentionPlan plan(List<BackupRun> completed, int daily, int weekly, int monthly, boolean dryRun) {
        List<BackupRun> newestFirst = new ArrayList<>(completed);
        newestFirst.sort(Comparator.comparing(BackupRun::snapshotAt).reversed());
        Map<String, List<String>> keep = new LinkedHashMap<>();
        if (!newestFirst.isEmpty()) {
            reason(keep, newestFirst.get(0).backupId(), "newest");
        }
        pick(newestFirst, daily, r -> at(r).toLocalDate().toString(), false, "daily", keep);
        pick(newestFirst, weekly, r -> at(r).get(IsoFields.WEEK_BASED_YEAR) + "-W" + at(r).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                true, "weekly", keep);
        pick(newestFirst, monthly, r -> at(r).getYear() + "-" + at(r).getMonthValue(), true, "monthly", keep);
        Map<String, BackupRun> byId = new LinkedHashMap<>();
        newestFirst.forEach(r -> byId.put(r.backupId(), r));
        for (String id : new ArrayList<>(keep.keySet())) {
            for (BackupRun r = byId.get(id); r != null && r.parentId() != null; r = byId.get(r.parentId())) {
                reason(keep, r.parentId(), "needed by " + id);
            }
        }
        List<String> delete = newestFirst.stream().map(BackupRun::backupId).filter(id -> !keep.containsKey(id)).toList();
        return new RetentionPlan(dryRun, keep, delete, List.of());
    }

    private static void pick(List<BackupRun> newestFirst, int buckets, Function<BackupRun, String> bucketOf, boolean preferFull,
            String rule, Map<String, List<String>> keep) {
        Map<String, List<BackupRun>> byBucket = new LinkedHashMap<>();
        for (BackupRun r : newestFirst) {
            byBucket.computeIfAbsent(bucketOf.apply(r), b -> new ArrayList<>()).add(r);
        }
        int n = 0;
        for (Map.Entry<String, List<BackupRun>> bucket : byBucket.entrySet()) {
            if (n++ >= buckets) {
                break;
            }
            List<BackupRun> runs = bucket.getValue();
            Optional<BackupRun> chosen = preferFull ? runs.stream().filter(r -> "FULL".equals(r.kind())).findFirst() : Optional.empty();
            reason(keep, chosen.orElse(runs.get(0)).backupId(), rule + " " + bucket.getKey());
        }
    }

    private static void reason(Map<String, List<String>> keep, String id, String why) {
        keep.computeIfAbsent(id, k -> new ArrayList<>()).add(why);
    }

    private static ZonedDateTime at(BackupRun r) {
        return r.snapshotAt().atZone(ZoneOffset.UTC);
    }

}
