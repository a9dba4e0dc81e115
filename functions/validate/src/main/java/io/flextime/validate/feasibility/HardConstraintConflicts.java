package io.flextime.validate.feasibility;

import static io.flextime.validate.findings.FindingCode.FEAS_BREAK_LIMIT;
import static io.flextime.validate.findings.FindingCode.FEAS_CA1_CONTRADICTION;
import static io.flextime.validate.findings.FindingCode.FEAS_FIXED_GAMES_EXCEED_CA1;
import static io.flextime.validate.findings.FindingCode.FEAS_FIXED_GAME_CLASH;
import static io.flextime.validate.findings.FindingCode.FEAS_FIXED_GAME_FORBIDDEN;
import static io.flextime.validate.findings.FindingCode.FEAS_FIXED_GAME_GA1;
import static io.flextime.validate.findings.FindingCode.FEAS_SE1_SEPARATION;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.rules.Br1;
import io.flextime.core.rules.Br2;
import io.flextime.core.rules.Ga1;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.RuleCatalogue;
import io.flextime.core.rules.Se1;
import io.flextime.core.model.SeasonIndex;
import io.flextime.validate.feasibility.FixedGames.Fixed;
import io.flextime.validate.findings.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Hard constraints that contradict each other outright, each finding naming exactly the constraints
 * involved: fixed games against blackouts, CA1 and GA1 limits and each other; CA1 bounds against
 * each other; break and separation limits the slot count cannot meet.
 */
public final class HardConstraintConflicts {

    public void check(SeasonIndex index, Availability avail, List<Finding> out) {
        List<Ca1Rule> ca1 = Ca1Rule.of(index);
        Set<String> ca1Ids = ca1.stream().map(Ca1Rule::id).collect(Collectors.toSet());
        List<Fixed> fixed = FixedGames.of(index).games();
        fixedGames(avail, ca1, ca1Ids, fixed, out);
        ga1(index, fixed, out);
        ca1Pairs(ca1, out);
        breaks(index, out);
        separation(index, fixed, out);
    }

    private void fixedGames(Availability avail, List<Ca1Rule> ca1, Set<String> ca1Ids, List<Fixed> fixed, List<Finding> out) {
        Set<Set<String>> reported = new HashSet<>();
        for (Fixed f : fixed) {
            for (Fixed g : fixed) {
                if (f != g && f.position() == g.position()) {
                    for (String team : List.of(f.home(), f.away())) {
                        Set<String> pair = Set.of(f.id(), g.id());
                        if (g.involves(team) && reported.add(pair)) {
                            out.add(FEAS_FIXED_GAME_CLASH.conflict("team", team, "Fixed games '" + f.id() + "' and '" + g.id()
                                    + "' both put team '" + team + "' in the same slot", List.of(f.id(), g.id())));
                        }
                    }
                }
            }
            Set<String> ids = new LinkedHashSet<>();
            avail.blockers(f.home(), List.of(f.position()), "H").stream().filter(id -> !ca1Ids.contains(id)).forEach(ids::add);
            avail.blockers(f.away(), List.of(f.position()), "A").stream().filter(id -> !ca1Ids.contains(id)).forEach(ids::add);
            if (!ids.isEmpty()) {
                List<String> named = new ArrayList<>(List.of(f.id()));
                named.addAll(ids);
                out.add(FEAS_FIXED_GAME_FORBIDDEN.conflict("constraint", f.id(), "Fixed game '" + f.id() + "' (" + f.home()
                        + " hosting " + f.away() + ") falls where " + ids + " forbid it", named));
            }
        }
        for (Ca1Rule r : ca1) {
            if (r.max() == Integer.MAX_VALUE) {
                continue;
            }
            for (String team : r.teams()) {
                List<String> inside = fixed.stream()
                        .filter(f -> f.involves(team) && r.positions().contains(f.position()) && r.counts(f.modeOf(team)))
                        .map(Fixed::id).toList();
                if (inside.size() > r.max()) {
                    List<String> named = new ArrayList<>(List.of(r.id()));
                    named.addAll(inside);
                    out.add(FEAS_FIXED_GAMES_EXCEED_CA1.conflict("team", team, "CA1 '" + r.id() + "' allows team '" + team
                            + "' at most " + r.max() + " " + r.mode() + " game(s) in its slots, but fixed games " + inside
                            + " put " + inside.size() + " there", named));
                }
            }
        }
    }

    private void ga1(SeasonIndex index, List<Fixed> fixed, List<Finding> out) {
        for (SeasonConstraint c : index.hard()) {
            if (!(c.rule() instanceof Ga1 r) || r.max() == RuleCatalogue.NO_LIMIT) {
                continue;
            }
            Set<String> meetings = r.meetings().stream().map(m -> m.home() + ">" + m.away()).collect(Collectors.toSet());
            Set<Integer> positions = Ca1Rule.positions(index, r.slots());
            List<String> inside = fixed.stream()
                    .filter(f -> meetings.contains(f.home() + ">" + f.away()) && positions.contains(f.position()))
                    .map(Fixed::id).toList();
            if (inside.size() > r.max()) {
                List<String> named = new ArrayList<>(List.of(c.id()));
                named.addAll(inside);
                out.add(FEAS_FIXED_GAME_GA1.conflict("constraint", c.id(), "GA1 '" + c.id() + "' allows at most "
                        + r.max() + " of its meetings in its slots, but fixed games " + inside + " put "
                        + inside.size() + " there", named));
            }
        }
    }

    /** A CA1 min over slots S1 against a CA1 max over a superset S2, both counting the same games. */
    private void ca1Pairs(List<Ca1Rule> ca1, List<Finding> out) {
        for (Ca1Rule low : ca1) {
            if (low.min() <= 0) {
                continue;
            }
            for (Ca1Rule high : ca1) {
                if (low == high || high.max() == Integer.MAX_VALUE || low.min() <= high.max()
                        || !high.positions().containsAll(low.positions())
                        || !(high.mode().equals("HA") || high.mode().equals(low.mode()))) {
                    continue;
                }
                List<String> teams = low.teams().stream().filter(high::covers).toList();
                if (!teams.isEmpty()) {
                    out.add(FEAS_CA1_CONTRADICTION.conflict("team", teams.get(0), "CA1 '" + low.id() + "' asks teams " + teams
                            + " for at least " + low.min() + " " + low.mode() + " games in slots that CA1 '" + high.id()
                            + "' limits to " + high.max(), List.of(low.id(), high.id())));
                }
            }
        }
    }

    /**
     * In a compact round robin two teams with the same home/away pattern can never meet, and without
     * breaks only two patterns exist (HAHA.., AHAH..): so at most two teams have no break and there
     * are at least n-2 breaks in all (de Werra, 1981).
     */
    private void breaks(SeasonIndex index, List<Finding> out) {
        int n = index.teamCount();
        int slots = index.slotCount();
        if (!index.season().format().compact() || n % 2 == 1 || slots < 2) {
            return;
        }
        Set<Integer> allButFirst = IntStream.range(1, slots).boxed().collect(Collectors.toSet());
        Set<String> breakFree = new LinkedHashSet<>();
        List<String> breakFreeRules = new ArrayList<>();
        for (SeasonConstraint c : index.hard()) {
            if (c.rule() instanceof Br2 r && Ca1Rule.positions(index, r.slots()).containsAll(allButFirst)
                    && index.teamIdsOf(r.teams()).containsAll(index.teamIds()) && r.intp() < n - 2) {
                out.add(FEAS_BREAK_LIMIT.conflict("constraint", c.id(), "BR2 '" + c.id() + "' allows " + r.intp()
                        + " breaks in all, but a compact round robin of " + n + " teams has at least " + (n - 2),
                        List.of(c.id())));
            }
            if (c.rule() instanceof Br1 r && Ca1Rule.positions(index, r.slots()).containsAll(allButFirst) && r.intp() == 0
                    && r.mode() == Mode.HA) {
                breakFree.addAll(index.teamIdsOf(r.teams()));
                breakFreeRules.add(c.id());
            }
        }
        if (breakFree.size() > 2) {
            out.add(FEAS_BREAK_LIMIT.conflict("season", index.season().season(), "BR1 constraints " + breakFreeRules
                    + " forbid every break for " + breakFree.size() + " teams " + breakFree
                    + "; a compact round robin allows at most two teams without breaks", breakFreeRules));
        }
    }

    private void separation(SeasonIndex index, List<Fixed> fixed, List<Finding> out) {
        SeasonFormat f = index.season().format();
        boolean meetTwice = f.roundRobin() == SeasonFormat.RoundRobin.DOUBLE
                || f.roundRobin() == SeasonFormat.RoundRobin.PARTIAL && f.twiceOpponents() != null && f.twiceOpponents() > 0;
        int n = index.teamCount();
        int slots = index.slotCount();
        for (SeasonConstraint c : index.hard()) {
            if (!(c.rule() instanceof Se1 r)) {
                continue;
            }
            int min = r.min();
            List<String> teams = index.teamIdsOf(r.teams());
            if (meetTwice && min > slots - 2) {
                out.add(FEAS_SE1_SEPARATION.conflict("constraint", c.id(), "SE1 '" + c.id() + "' wants " + min
                        + " slots between two meetings, but the season has only " + slots + " slots", List.of(c.id())));
            } else if (f.mirrored() && f.compact() && f.roundRobin() == SeasonFormat.RoundRobin.DOUBLE && min > n - 2) {
                out.add(FEAS_SE1_SEPARATION.conflict("constraint", c.id(), "SE1 '" + c.id() + "' wants " + min
                        + " slots between two meetings, but a mirrored compact season puts them exactly " + (n - 2)
                        + " apart", List.of(c.id())));
            }
            for (Fixed a : fixed) {
                for (Fixed b : fixed) {
                    boolean samePair = a.home().equals(b.away()) && a.away().equals(b.home())
                            || a != b && a.home().equals(b.home()) && a.away().equals(b.away());
                    if (samePair && a.position() < b.position() && b.position() - a.position() - 1 < min
                            && teams.contains(a.home()) && teams.contains(a.away())) {
                        out.add(FEAS_SE1_SEPARATION.conflict("constraint", c.id(), "Fixed games '" + a.id() + "' and '"
                                + b.id() + "' are " + (b.position() - a.position() - 1) + " slots apart; SE1 '" + c.id()
                                + "' wants at least " + min, List.of(c.id(), a.id(), b.id())));
                    }
                }
            }
        }
    }
}
