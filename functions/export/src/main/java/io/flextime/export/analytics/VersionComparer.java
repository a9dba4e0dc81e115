package io.flextime.export.analytics;

import io.flextime.core.model.ScheduleVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares two versions of one season: travel and breaks per team, penalties per constraint, changed games. */
public final class VersionComparer {
    private VersionComparer() {
    }

    public static VersionComparison compare(VersionFigures base, ScheduleVersion baseSchedule, VersionFigures candidate,
            ScheduleVersion candidateSchedule) {
        GameChanges.Result changes = GameChanges.between(baseSchedule.games(), candidateSchedule.games());
        VersionComparison.Totals totals = new VersionComparison.Totals(base.totalTravelKm(), candidate.totalTravelKm(),
                delta(base.totalTravelKm(), candidate.totalTravelKm()), base.totalBreaks(), candidate.totalBreaks(),
                candidate.totalBreaks() - base.totalBreaks(), base.totalPenalty(), candidate.totalPenalty(),
                candidate.totalPenalty() - base.totalPenalty(), base.games(), candidate.games(), changes.unchanged(),
                changes.count(ChangedGame.MOVED), changes.count(ChangedGame.FLIPPED), changes.count(ChangedGame.ADDED),
                changes.count(ChangedGame.REMOVED));
        return new VersionComparison(candidate.tenant(), candidate.season(), candidate.seasonName(), base.scheduleVersionId(),
                candidate.scheduleVersionId(), totals, teams(base, candidate), violations(base, candidate), changes.changes());
    }

    /** The candidate's teams in its order, then teams only the base has. */
    private static List<VersionComparison.TeamDelta> teams(VersionFigures base, VersionFigures candidate) {
        Map<String, TeamFigures> before = new LinkedHashMap<>();
        base.teams().forEach(t -> before.put(t.team(), t));
        List<VersionComparison.TeamDelta> out = new ArrayList<>();
        for (TeamFigures now : candidate.teams()) {
            out.add(delta(before.remove(now.team()), now));
        }
        before.values().forEach(gone -> out.add(delta(gone, null)));
        return out;
    }

    private static VersionComparison.TeamDelta delta(TeamFigures b, TeamFigures c) {
        TeamFigures named = c != null ? c : b;
        Double bt = b == null ? null : b.travelKm();
        Double ct = c == null ? null : c.travelKm();
        Integer bb = b == null ? null : b.breaks();
        Integer cb = c == null ? null : c.breaks();
        return new VersionComparison.TeamDelta(named.team(), named.name(), bt, ct, delta(bt, ct), bb, cb,
                bb == null || cb == null ? null : cb - bb);
    }

    private static List<VersionComparison.ViolationDelta> violations(VersionFigures base, VersionFigures candidate) {
        TreeSet<String> ids = new TreeSet<>(base.violations().keySet());
        ids.addAll(candidate.violations().keySet());
        return ids.stream().map(id -> {
            double b = base.violations().getOrDefault(id, 0.0);
            double c = candidate.violations().getOrDefault(id, 0.0);
            return new VersionComparison.ViolationDelta(id, b, c, c - b);
        }).toList();
    }

    private static Double delta(Double base, Double candidate) {
        return base == null || candidate == null ? null : candidate - base;
    }
}
