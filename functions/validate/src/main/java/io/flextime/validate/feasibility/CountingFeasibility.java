package io.flextime.validate.feasibility;

import static io.flextime.validate.findings.FindingCode.FEAS_CA1_MIN_UNREACHABLE;
import static io.flextime.validate.findings.FindingCode.FEAS_SEASON_SLOT_CAPACITY;
import static io.flextime.validate.findings.FindingCode.FEAS_SHARED_VENUE_CAPACITY;
import static io.flextime.validate.findings.FindingCode.FEAS_SLOT_HOME_CAPACITY;
import static io.flextime.validate.findings.FindingCode.FEAS_TEAM_AWAY_SLOTS;
import static io.flextime.validate.findings.FindingCode.FEAS_TEAM_HOME_SLOTS;
import static io.flextime.validate.findings.FindingCode.FEAS_TEAM_REST_DAYS;
import static io.flextime.validate.findings.FindingCode.FEAS_TEAM_SLOTS;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.MinRestDays;
import io.flextime.core.rules.SharedVenue;
import io.flextime.core.model.Slot;
import io.flextime.core.model.SeasonIndex;
import io.flextime.validate.findings.Finding;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Counting arguments: necessary conditions that need no search. Each compares what a team, a slot or
 * a venue must hold with an upper bound of what it can hold; every bound is a relaxation (it drops
 * constraints, never adds any), so a violated one proves the season infeasible.
 */
public final class CountingFeasibility {

    public void check(SeasonIndex index, Availability avail, GameDemand demand, List<Finding> out) {
        List<Ca1Rule> ca1 = Ca1Rule.of(index);
        boolean compact = index.season().format().compact();
        for (String team : avail.teams()) {
            Integer row = index.teamRow(team);
            int games = demand.games(team);
            if (compact) {
                for (int p = 0; p < avail.slots(); p++) {
                    if (!avail.allowed(team, p, "HA")) {
                        out.add(FEAS_TEAM_SLOTS.conflict("team", team, "Team '" + team + "' must play in every slot of a compact "
                                + "season but can play neither home nor away in slot " + index.slots().get(p).index(),
                                List.copyOf(avail.blockers(team, List.of(p), "HA"))));
                    }
                }
            }
            bound(index, avail, ca1, team, "HA", games, FEAS_TEAM_SLOTS, "games", out);
            if (demand.home(team) >= 0) {
                bound(index, avail, ca1, team, "H", demand.home(team), FEAS_TEAM_HOME_SLOTS, "home games", out);
            }
            if (demand.away(team) >= 0) {
                bound(index, avail, ca1, team, "A", demand.away(team), FEAS_TEAM_AWAY_SLOTS, "away games", out);
            }
            restDays(index, avail, team, games, out);
        }
        for (Ca1Rule rule : ca1) {
            if (rule.min() <= 0) {
                continue;
            }
            for (String team : rule.teams()) {
                long possible = rule.positions().stream().filter(p -> avail.allowed(team, p, rule.mode())).count();
                if (possible < rule.min()) {
                    List<String> ids = new ArrayList<>(List.of(rule.id()));
                    ids.addAll(avail.blockers(team, rule.positions(), rule.mode()));
                    out.add(FEAS_CA1_MIN_UNREACHABLE.conflict("team", team, "CA1 '" + rule.id() + "' asks team '" + team
                            + "' for at least " + rule.min() + " " + rule.mode() + " games in its slots, but only " + possible
                            + " of them are open to it", ids));
                }
            }
        }
        slots(index, avail, demand, compact, out);
        sharedVenues(index, avail, demand, out);
    }

    /**
     * Upper bound of the games of {@code mode} a team can play: open slots, with CA1 maxima applied on a
     * set of pairwise disjoint CA1 slot sets (smallest first; any disjoint subset gives a valid bound).
     */
    private void bound(SeasonIndex index, Availability avail, List<Ca1Rule> ca1, String team, String mode, int required,
            io.flextime.validate.findings.FindingCode code, String what, List<Finding> out) {
        if (required <= 0) {
            return;
        }
        List<Ca1Rule> caps = ca1.stream()
                .filter(r -> r.covers(team) && r.max() != Integer.MAX_VALUE && r.max() > 0
                        && (mode.equals("HA") ? r.mode().equals("HA") : r.counts(mode)))
                .sorted(Comparator.comparingInt(r -> r.positions().size())).toList();
        Set<Integer> used = new HashSet<>();
        int capacity = 0;
        List<String> binding = new ArrayList<>();
        for (Ca1Rule r : caps) {
            if (r.positions().stream().anyMatch(used::contains)) {
                continue;
            }
            used.addAll(r.positions());
            long open = r.positions().stream().filter(p -> avail.allowed(team, p, mode)).count();
            if (open > r.max()) {
                binding.add(r.id());
            }
            capacity += (int) Math.min(open, r.max());
        }
        for (int p = 0; p < avail.slots(); p++) {
            if (!used.contains(p) && avail.allowed(team, p, mode)) {
                capacity++;
            }
        }
        if (capacity < required) {
            Set<String> ids = new LinkedHashSet<>(binding);
            ids.addAll(avail.blockers(team, mode));
            out.add(code.conflict("team", team, "Team '" + team + "' needs " + required + " " + what + " but at most "
                    + capacity + " fit its open slots and limits", List.copyOf(ids)));
        }
    }

    /** Greedy earliest-date selection is optimal for "dates at least d apart" (interval scheduling). */
    private void restDays(SeasonIndex index, Availability avail, String team, int games, List<Finding> out) {
        for (SeasonConstraint c : index.hard()) {
            if (!(c.rule() instanceof MinRestDays r) || !index.teamIdsOf(r.teams()).contains(team)) {
                continue;
            }
            int days = r.days();
            List<Slot> ordered = index.slots();
            int count = 0;
            LocalDate last = null;
            for (int pos = 0; pos < ordered.size(); pos++) {
                LocalDate d = ordered.get(pos).date();
                if (d == null) {
                    return; // undated season: rest days do not apply
                }
                // "at least d days between games" read as a date difference >= d: the weaker of the two
                // readings, so the bound stays valid if the solver counts d full days in between.
                if (avail.allowed(team, pos, "HA") && (last == null || ChronoUnit.DAYS.between(last, d) >= days)) {
                    count++;
                    last = d;
                }
            }
            if (count < games) {
                List<String> ids = new ArrayList<>(List.of(c.id()));
                ids.addAll(avail.blockers(team, "HA"));
                out.add(FEAS_TEAM_REST_DAYS.conflict("team", team, "With " + days + " days between games, team '" + team
                        + "' fits at most " + count + " of its " + games + " games into its open dates", ids));
            }
        }
    }

    private void slots(SeasonIndex index, Availability avail, GameDemand demand, boolean compact, List<Finding> out) {
        int n = avail.teams().size();
        int capacity = 0;
        for (int p = 0; p < avail.slots(); p++) {
            int home = 0;
            int away = 0;
            int either = 0;
            for (String t : avail.teams()) {
                home += avail.homeAllowed(t, p) ? 1 : 0;
                away += avail.awayAllowed(t, p) ? 1 : 0;
                either += avail.allowed(t, p, "HA") ? 1 : 0;
            }
            capacity += Math.min(either / 2, Math.min(home, away));
            int slot = index.slots().get(p).index();
            if (compact && n % 2 == 0 && (home < n / 2 || away < n / 2)) {
                String side = home < n / 2 ? "H" : "A";
                Set<String> ids = new LinkedHashSet<>();
                List<Integer> here = List.of(p);
                avail.teams().forEach(t -> ids.addAll(avail.blockers(t, here, side)));
                out.add(FEAS_SLOT_HOME_CAPACITY.conflict("slot", Integer.toString(slot), "Slot " + slot + " needs " + n / 2
                        + " teams " + (side.equals("H") ? "at home" : "away") + " but only " + (side.equals("H") ? home : away)
                        + " may be", List.copyOf(ids)));
            }
        }
        if (capacity < demand.totalGames()) {
            out.add(FEAS_SEASON_SLOT_CAPACITY.conflict("season", index.season().season(), "The season has "
                    + demand.totalGames() + " games but its slots hold at most " + capacity, List.of()));
        }
    }

    private void sharedVenues(SeasonIndex index, Availability avail, GameDemand demand, List<Finding> out) {
        for (SeasonConstraint c : index.hard()) {
            if (!(c.rule() instanceof SharedVenue r)) {
                continue;
            }
            List<String> teams = r.sharing(index.teams).stream().filter(index::hasTeam).toList();
            if (teams.stream().anyMatch(t -> demand.home(t) < 0)) {
                continue;
            }
            int need = teams.stream().mapToInt(demand::home).sum();
            int open = 0;
            for (int p = 0; p < avail.slots(); p++) {
                int pos = p;
                open += teams.stream().anyMatch(t -> avail.homeAllowed(t, pos)) ? 1 : 0;
            }
            if (open < need) {
                Set<String> ids = new LinkedHashSet<>(List.of(c.id()));
                teams.forEach(t -> ids.addAll(avail.blockers(t, "H")));
                out.add(FEAS_SHARED_VENUE_CAPACITY.conflict("constraint", c.id(), "Teams " + teams + " share a venue and need "
                        + need + " home dates, but only " + open + " slots are open to them", List.copyOf(ids)));
            }
        }
    }
}
