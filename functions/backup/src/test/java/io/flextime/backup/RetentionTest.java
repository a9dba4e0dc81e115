package io.flextime.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.backup.retention.RetentionPlan;
import io.flextime.backup.retention.RetentionPlanner;
import io.flextime.backup.store.BackupRun;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Retention keeps daily/weekly/monthly generations and never deletes a backup a kept one depends on. */
class RetentionTest {

    /** 60 days of a nightly full at 02:00 and incrementals at 08:00, 14:00, 20:00 chained on it. */
    static List<BackupRun> sixtyDays() {
        List<BackupRun> runs = new ArrayList<>();
        Instant day0 = Instant.parse("2025-09-01T00:00:00Z");
        for (int d = 0; d < 60; d++) {
            Instant day = day0.plus(d, ChronoUnit.DAYS);
            String full = "full-" + d;
            runs.add(run(full, "FULL", null, day.plus(2, ChronoUnit.HOURS)));
            String parent = full;
            for (int h : new int[] { 8, 14, 20 }) {
                String id = "inc-" + d + "-" + h;
                runs.add(run(id, "INCREMENTAL", parent, day.plus(h, ChronoUnit.HOURS)));
                parent = id;
            }
        }
        return runs;
    }

    static BackupRun run(String id, String kind, String parent, Instant at) {
        return new BackupRun(id, kind, parent, null, "COMPLETED", null, at, at, at, 1, 1L, 1L, null, null, null);
    }

    @Test
    void keepsGenerationsAndWholeChains() {
        List<BackupRun> runs = sixtyDays();
        RetentionPlan plan = RetentionPlanner.plan(runs, 7, 4, 3, true);
        Set<String> kept = plan.keep().keySet();

        // daily: the newest backup of the 7 newest days, i.e. their 20:00 incrementals, with whole chains
        for (int d = 53; d < 60; d++) {
            assertTrue(kept.contains("inc-" + d + "-20"), "daily " + d);
            assertTrue(kept.contains("inc-" + d + "-14") && kept.contains("inc-" + d + "-8") && kept.contains("full-" + d),
                    "the chain under daily " + d);
        }
        assertTrue(plan.keep().get("full-59").contains("needed by inc-59-20"));
        // weekly/monthly prefer full backups: an older week keeps only its newest full
        assertTrue(kept.contains("full-48"), "weekly: Sunday 2025-10-19 (ISO week 42)");
        assertFalse(kept.contains("inc-48-20"), "a weekly generation does not keep that day's incrementals");
        assertTrue(kept.contains("full-29"), "monthly: the newest full of September");
        assertFalse(kept.contains("full-10"));

        // no kept backup depends on a deleted one
        Map<String, BackupRun> byId = new java.util.HashMap<>();
        runs.forEach(r -> byId.put(r.backupId(), r));
        Set<String> deleted = new HashSet<>(plan.delete());
        for (String id : kept) {
            String parent = byId.get(id).parentId();
            assertTrue(parent == null || !deleted.contains(parent), id + " depends on deleted " + parent);
        }
        assertEquals(runs.size(), kept.size() + plan.delete().size());
        assertTrue(plan.dryRun());
    }

    @Test
    void theNewestBackupIsAlwaysKept() {
        List<BackupRun> runs = sixtyDays();
        RetentionPlan plan = RetentionPlanner.plan(runs, 0, 0, 0, false);
        assertEquals(Set.of("inc-59-20", "inc-59-14", "inc-59-8", "full-59"), plan.keep().keySet());
    }
}
