package io.flextime.solve.engine;

import io.flextime.rules.cost.ScheduleCost;
import io.flextime.core.rules.Ca3;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.Se1;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Team;
import io.flextime.core.model.SeasonIndex;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cost of a travel tournament (the TTP shape: a compact double round robin, travel venue to venue,
 * hard "at most m home (away) games in every k consecutive slots" and "no rematch within r slots",
 * nothing else): each team's travel and rule deviations depend on its own row only, so a move is scored
 * by recomputing the changed rows. Written for this shape alone because it is the hot loop of the TTP
 * benchmarks: one pass per window length, no constraint objects.
 */
final class TravelTournamentCost implements ScheduleCost {
    /** The rules a travel tournament may have. */
    record Rules(int[] maxHome, int[] maxAway, int minGap) {
        // maxHome[k] = most home games allowed in any k consecutive slots (MAX_VALUE: no rule)
    }

    private final int n;
    private final int slots;
    private final long[][] d;
    private final Rules rules;
    private final double kmWeight;

    private final long[] travel;
    private final int[] violations;
    private long totalTravel;
    private int totalViolations;

    private final int[] changed;
    private int changedCount;
    private final long[] savedTravel;
    private final int[] savedViolations;

    TravelTournamentCost(SeasonIndex ix, Rules rules, double travelWeight) {
        this.n = ix.n;
        this.slots = ix.slotCount;
        this.d = ix.metres();
        this.rules = rules;
        this.kmWeight = travelWeight / 1000.0;
        this.travel = new long[n];
        this.violations = new int[n];
        this.changed = new int[n];
        this.savedTravel = new long[n];
        this.savedViolations = new int[n];
    }

    /** The rules of {@code season} when it is a travel tournament this cost scores exactly, else empty. */
    static Optional<Rules> rulesOf(Season season, SeasonIndex ix) {
        SeasonFormat f = season.format();
        if (!ix.hasTravel() || !f.compact() || f.roundRobin() != SeasonFormat.RoundRobin.DOUBLE || f.phased() || f.mirrored()
                || f.travel() != SeasonFormat.TravelMode.VENUE_TO_VENUE || !season.matchups().isEmpty() || ix.n < 4
                || ix.slotCount != 2 * (ix.n - 1) || season.weights().travel() <= 0) {
            return Optional.empty();
        }
        Set<String> all = new HashSet<>();
        for (Team t : season.teams()) {
            all.add(t.id());
        }
        int[] maxHome = unlimited(ix.slotCount);
        int[] maxAway = unlimited(ix.slotCount);
        int minGap = 0;
        for (SeasonConstraint c : season.constraints()) {
            if (!c.hard()) {
                return Optional.empty();
            }
            if (c.rule() instanceof Ca3 r) {
                int window = r.intp();
                if (r.min() != 0 || !all.equals(everyIfEmpty(r.teams1(), all)) || !all.equals(everyIfEmpty(r.teams2(), all))
                        || window < 1 || window > ix.slotCount || r.mode() == Mode.HA) {
                    return Optional.empty();
                }
                int[] max = r.mode() == Mode.H ? maxHome : maxAway;
                max[window] = Math.min(max[window], r.max());
            } else if (c.rule() instanceof Se1 r) {
                if (!all.equals(everyIfEmpty(r.teams(), all))) {
                    return Optional.empty();
                }
                minGap = Math.max(minGap, r.min());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Rules(maxHome, maxAway, minGap));
    }

    /** The cost for {@code season} when it has the travel-tournament shape, else empty. */
    static Optional<java.util.function.Supplier<ScheduleCost>> of(Season season, SeasonIndex ix, ObjectiveWeights weights) {
        if (weights.travel() <= 0) {
            return Optional.empty();
        }
        return rulesOf(season, ix).map(rules -> () -> new TravelTournamentCost(ix, rules, weights.travel()));
    }

    /** A rule's team list as a set: empty means every team. */
    private static Set<String> everyIfEmpty(List<String> ids, Set<String> all) {
        return ids.isEmpty() ? all : new HashSet<>(ids);
    }

    private static int[] unlimited(int slots) {
        int[] max = new int[slots + 1];
        Arrays.fill(max, Integer.MAX_VALUE);
        return max;
    }

    @Override
    public void reset(int[][] opp, boolean[][] home) {
        totalTravel = 0;
        totalViolations = 0;
        changedCount = 0;
        for (int t = 0; t < n; t++) {
            score(t, opp, home);
            totalTravel += travel[t];
            totalViolations += violations[t];
        }
    }

    @Override
    public void rescore(int[][] opp, boolean[][] home, int[][] oldOpp, boolean[][] oldHome, int[] rows, int count,
            int[] slots, int slotCount) {
        changedCount = count;
        for (int k = 0; k < count; k++) {
            int t = rows[k];
            changed[k] = t;
            savedTravel[k] = travel[t];
            savedViolations[k] = violations[t];
            totalTravel -= travel[t];
            totalViolations -= violations[t];
            score(t, opp, home);
            totalTravel += travel[t];
            totalViolations += violations[t];
        }
    }

    @Override
    public void accept() {
        changedCount = 0;
    }

    @Override
    public void undo() {
        for (int k = 0; k < changedCount; k++) {
            int t = changed[k];
            totalTravel += savedTravel[k] - travel[t];
            totalViolations += savedViolations[k] - violations[t];
            travel[t] = savedTravel[k];
            violations[t] = savedViolations[k];
        }
        changedCount = 0;
    }

    @Override
    public double soft() {
        return totalTravel * kmWeight;
    }

    long travelMetres() {
        return totalTravel;
    }

    @Override
    public int hard() {
        return totalViolations;
    }

    /** The mean leg: the annealing's temperatures for travel tournaments were tuned on it. */
    @Override
    public double scale() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sum += d[i][j];
            }
        }
        return Math.max(1.0, sum / (n * (n - 1.0))) * kmWeight;
    }

    @Override
    public boolean phased() {
        return false;
    }

    /** Travel and rule deviations of team t (each rematch deviation counted by both teams). */
    private void score(int t, int[][] opp, boolean[][] home) {
        long km = 0;
        int at = t;
        for (int s = 0; s < slots; s++) {
            int next = home[t][s] ? t : opp[t][s];
            km += d[at][next];
            at = next;
        }
        km += d[at][t];
        travel[t] = km;
        int v = 0;
        for (int window = 1; window <= slots; window++) {
            int maxH = rules.maxHome()[window];
            int maxA = rules.maxAway()[window];
            if (maxH == Integer.MAX_VALUE && maxA == Integer.MAX_VALUE) {
                continue;
            }
            int h = 0;
            for (int s = 0; s < slots; s++) {
                h += home[t][s] ? 1 : 0;
                if (s >= window) {
                    h -= home[t][s - window] ? 1 : 0;
                }
                if (s >= window - 1) {
                    v += Math.max(0, h - maxH) + Math.max(0, window - h - maxA);
                }
            }
        }
        if (rules.minGap() > 0) {
            for (int s = 0; s < slots; s++) {
                int o = opp[t][s];
                for (int q = s + 1; q <= Math.min(slots - 1, s + rules.minGap()); q++) {
                    if (opp[t][q] == o) {
                        v += rules.minGap() - (q - s - 1);
                    }
                }
            }
        }
        violations[t] = v;
    }
}
