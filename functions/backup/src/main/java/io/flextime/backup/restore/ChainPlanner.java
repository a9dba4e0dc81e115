package io.flextime.backup.restore;

import io.flextime.backup.crypto.BackupIntegrityException;
import io.flextime.backup.format.Manifest;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which backups a restore applies. To a point in time T: the newest backup whose snapshot was taken
 * at or before T, its ancestors back to a full backup, and its next two descendants (the changes
 * between its snapshot and T live in the next incremental; a transaction stamped before T may still
 * have been committing when that one's snapshot was taken, and then sits in the one after).
 * Changes are then applied only up to T.
 */
public final class ChainPlanner {

    /** @param chain full backup first; @param cutoff apply changes committed at or before it (null: all) */
    public record Plan(List<Manifest> chain, Instant cutoff, Instant restoredTo) {
        public List<String> ids() {
            return chain.stream().map(Manifest::backupId).toList();
        }
    }

    private ChainPlanner() {
    }

    /** The state at {@code target}, or the newest state when target is null. */
    public static Plan forTime(Map<String, Manifest> readable, Function<String, Manifest> byId, Instant target) {
        List<Manifest> all = new ArrayList<>(readable.values());
        all.sort(Comparator.comparing(Manifest::snapshotAt));
        if (all.isEmpty()) {
            throw new ProblemException(Problem.of(404, "no-backup", "No backup", "there is no finished backup to restore from"));
        }
        Manifest base;
        if (target == null) {
            base = all.get(all.size() - 1);
        } else {
            base = all.stream().filter(m -> !m.snapshotAt().isAfter(target)).reduce((a, b) -> b).orElseThrow(() ->
                    new ProblemException(Problem.of(422, "no-restore-point", "No backup covers that time", "no backup restores to "
                            + target + ": the earliest restore point is " + all.get(0).snapshotAt())));
        }
        List<Manifest> chain = ancestors(byId, base);
        Instant restoredTo = base.snapshotAt();
        if (target != null) {
            Manifest at = base;
            for (int i = 0; i < 2; i++) {
                Optional<Manifest> child = child(all, at);
                if (child.isEmpty()) {
                    break;
                }
                chain.add(child.get());
                at = child.get();
                restoredTo = target;
            }
            if (restoredTo.isAfter(target)) {
                restoredTo = target;
            }
        }
        return new Plan(chain, target, restoredTo);
    }

    /** Exactly the state of one backup (verification). */
    public static Plan forBackup(Function<String, Manifest> byId, String backupId) {
        Manifest m = byId.apply(backupId);
        return new Plan(ancestors(byId, m), null, m.snapshotAt());
    }

    private static List<Manifest> ancestors(Function<String, Manifest> byId, Manifest m) {
        List<Manifest> chain = new ArrayList<>();
        for (Manifest at = m; ; ) {
            chain.add(at);
            if (at.full()) {
                break;
            }
            try {
                at = byId.apply(at.parentBackupId());
            } catch (BackupIntegrityException e) {
                throw new BackupIntegrityException(e.code(), "backup " + at.backupId() + " continues backup "
                        + at.parentBackupId() + ", which cannot be used: " + e.getMessage());
            }
        }
        Collections.reverse(chain);
        return chain;
    }

    private static Optional<Manifest> child(List<Manifest> all, Manifest parent) {
        return all.stream().filter(m -> parent.backupId().equals(m.parentBackupId())).findFirst();
    }
}
