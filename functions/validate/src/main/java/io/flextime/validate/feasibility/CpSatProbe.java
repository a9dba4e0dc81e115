package io.flextime.validate.feasibility;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import io.flextime.core.model.ConstraintParams;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonFormat.RoundRobin;
import io.flextime.core.model.Slot;
import io.flextime.core.model.SeasonIndex;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A time-boxed CP-SAT feasibility probe with one assumption literal per hard constraint: when CP-SAT
 * proves the hard constraints infeasible it names a sufficient subset of assumptions, which a deletion
 * filter then shrinks (drop one, re-solve, keep it out if still infeasible) to a small conflicting set.
 *
 * The model is a relaxation of the solver's: games "home h hosts away a in slot s", at most one game per
 * team and slot (exactly one when compact), the format's pairings, and CA1-CA4, GA1, SE1, FIXED_GAME,
 * TEAM_UNAVAILABLE, VENUE_UNAVAILABLE, SHARED_VENUE, MIN_REST_DAYS and MAX_ROAD_TRIP (over consecutive
 * slots). BR1, BR2 and FA2 are left out: dropping constraints keeps "infeasible" a proof.
 */
public final class CpSatProbe {
    /** Beyond this many game variables the probe is skipped: building the model would eat the time box. */
    static final int MAX_VARIABLES = 250_000;

    public enum Status { FEASIBLE, INFEASIBLE, UNKNOWN, SKIPPED }

    /** The probe's answer; {@code conflict} names the constraints of the shrunk core when INFEASIBLE. */
    public record Result(Status status, List<String> conflict, boolean minimal, double seconds, String note) {
    }

    private static volatile boolean nativesLoaded;

    /** OR-Tools natives, once per process (about 0.35 s). */
    public static void loadNatives() {
        if (!nativesLoaded) {
            synchronized (CpSatProbe.class) {
                if (!nativesLoaded) {
                    Loader.loadNativeLibraries();
                    nativesLoaded = true;
                }
            }
        }
    }

    public Result probe(SeasonIndex index, Duration timeLimit) {
        long started = System.nanoTime();
        long deadline = started + timeLimit.toNanos();
        int n = index.teamCount();
        int slots = index.slotCount();
        if (n < 2 || slots == 0 || (long) n * (n - 1) * slots > MAX_VARIABLES) {
            return new Result(Status.SKIPPED, List.of(), false, 0, "model too large or empty");
        }
        loadNatives();
        Games games = new Games(index);
        Map<Integer, String> assumptions = new LinkedHashMap<>();
        for (SeasonConstraint c : index.hard()) {
            BoolVar b = games.model.newBoolVar("hard_" + c.id());
            try {
                if (games.add(c, b)) {
                    assumptions.put(b.getIndex(), c.id());
                }
            } catch (RuntimeException e) {
                // malformed parameters: reported by ConstraintParamCheck; not modeled
            }
        }
        Map<String, Literal> literal = new LinkedHashMap<>();
        games.literals.forEach((id, lit) -> {
            if (assumptions.containsValue(id)) {
                literal.put(id, lit);
            }
        });
        Outcome first = solve(games.model, literal.values(), deadline);
        if (first.status == CpSolverStatus.FEASIBLE || first.status == CpSolverStatus.OPTIMAL) {
            return new Result(Status.FEASIBLE, List.of(), false, seconds(started), null);
        }
        if (first.status != CpSolverStatus.INFEASIBLE) {
            return new Result(Status.UNKNOWN, List.of(), false, seconds(started), "time limit reached");
        }
        List<String> core = new ArrayList<>();
        for (int i : first.core) {
            if (assumptions.containsKey(i)) {
                core.add(assumptions.get(i));
            }
        }
        if (core.isEmpty()) {
            // infeasible without any hard constraint: the format itself (e.g. slot count) is the conflict
            return new Result(Status.INFEASIBLE, List.of(), true, seconds(started), "the format alone is infeasible");
        }
        boolean minimal = true;
        for (String id : List.copyOf(core)) {
            if (System.nanoTime() >= deadline) {
                minimal = false;
                break;
            }
            List<Literal> without = new ArrayList<>();
            core.stream().filter(x -> !x.equals(id)).forEach(x -> without.add(literal.get(x)));
            Outcome o = solve(games.model, without, deadline);
            if (o.status == CpSolverStatus.INFEASIBLE) {
                core.remove(id);
            } else if (o.status != CpSolverStatus.FEASIBLE && o.status != CpSolverStatus.OPTIMAL) {
                minimal = false;
            }
        }
        return new Result(Status.INFEASIBLE, List.copyOf(core), minimal, seconds(started), null);
    }

    private record Outcome(CpSolverStatus status, List<Integer> core) {
    }

    private static Outcome solve(CpModel model, java.util.Collection<Literal> assumptions, long deadline) {
        model.clearAssumptions();
        model.addAssumptions(assumptions.toArray(new Literal[0]));
        CpSolver solver = new CpSolver();
        double left = Math.max(0.05, (deadline - System.nanoTime()) / 1e9);
        solver.getParameters().setMaxTimeInSeconds(left).setNumWorkers(1);
        CpSolverStatus status = solver.solve(model);
        return new Outcome(status, status == CpSolverStatus.INFEASIBLE ? solver.sufficientAssumptionsForInfeasibility() : List.of());
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    /** The game variables and the constraint encodings. */
    private static final class Games {
        final CpModel model = new CpModel();
        final SeasonIndex index;
        final List<String> teams;
        final Map<String, Integer> pos = new LinkedHashMap<>();
        final int slots;
        /** x[h][a][p], null where the pair never meets. */
        final BoolVar[][][] x;
        final Map<String, Literal> literals = new LinkedHashMap<>();

        Games(SeasonIndex index) {
            this.index = index;
            this.teams = List.copyOf(index.teamIds());
            for (int i = 0; i < teams.size(); i++) {
                pos.put(teams.get(i), i);
            }
            this.slots = index.slotCount();
            int n = teams.size();
            x = new BoolVar[n][n][];
            SeasonFormat f = index.season().format();
            Map<String, Integer> required = new LinkedHashMap<>();
            for (Matchup m : index.season().matchups()) {
                if (pos.containsKey(m.home()) && pos.containsKey(m.away()) && !m.home().equals(m.away()) && m.meetings() > 0) {
                    required.merge(m.home() + ">" + m.away(), m.meetings(), Integer::sum);
                }
            }
            for (int h = 0; h < n; h++) {
                for (int a = 0; a < n; a++) {
                    if (h != a && (required.isEmpty() || required.containsKey(teams.get(h) + ">" + teams.get(a)))) {
                        x[h][a] = new BoolVar[slots];
                        for (int p = 0; p < slots; p++) {
                            x[h][a][p] = model.newBoolVar("x_" + h + "_" + a + "_" + p);
                        }
                    }
                }
            }
            pairings(f, required);
            for (int t = 0; t < n; t++) {
                for (int p = 0; p < slots; p++) {
                    LinearExpr played = LinearExpr.sum(vars(t, p, "HA", null).toArray(new BoolVar[0]));
                    if (f.compact()) {
                        model.addEquality(played, 1);
                    } else {
                        model.addLessOrEqual(played, 1);
                    }
                }
            }
        }

        private void pairings(SeasonFormat f, Map<String, Integer> required) {
            int n = teams.size();
            if (!required.isEmpty()) {
                required.forEach((pair, meetings) -> {
                    String[] ha = pair.split(">");
                    model.addEquality(LinearExpr.sum(x[pos.get(ha[0])][pos.get(ha[1])]), meetings);
                });
                return;
            }
            List<List<BoolVar>> twicePerTeam = new ArrayList<>();
            List<List<LinearArgument>> gamesPerTeam = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                twicePerTeam.add(new ArrayList<>());
                gamesPerTeam.add(new ArrayList<>());
            }
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    LinearExpr ab = LinearExpr.sum(x[a][b]);
                    LinearExpr ba = LinearExpr.sum(x[b][a]);
                    if (f.roundRobin() == RoundRobin.DOUBLE) {
                        model.addEquality(ab, 1);
                        model.addEquality(ba, 1);
                    } else if (f.roundRobin() == RoundRobin.SINGLE) {
                        model.addEquality(LinearExpr.sum(concat(x[a][b], x[b][a])), 1);
                    } else {
                        model.addLessOrEqual(ab, 1);
                        model.addLessOrEqual(ba, 1);
                        BoolVar twice = model.newBoolVar("twice_" + a + "_" + b);
                        model.addLessOrEqual(twice, ab);
                        model.addLessOrEqual(twice, ba);
                        model.addLessOrEqual(LinearExpr.sum(new LinearArgument[] {ab, ba}), LinearExpr.affine(twice, 1, 1));
                        twicePerTeam.get(a).add(twice);
                        twicePerTeam.get(b).add(twice);
                    }
                }
            }
            if (f.roundRobin() == RoundRobin.PARTIAL) {
                for (int t = 0; t < n; t++) {
                    List<BoolVar> all = new ArrayList<>();
                    for (int p = 0; p < slots; p++) {
                        all.addAll(vars(t, p, "HA", null));
                    }
                    if (f.gamesPerTeam() != null) {
                        model.addEquality(LinearExpr.sum(all.toArray(new BoolVar[0])), f.gamesPerTeam());
                    }
                    if (f.twiceOpponents() != null) {
                        model.addEquality(LinearExpr.sum(twicePerTeam.get(t).toArray(new BoolVar[0])), f.twiceOpponents());
                    }
                }
            }
        }

        private static BoolVar[] concat(BoolVar[] a, BoolVar[] b) {
            BoolVar[] out = new BoolVar[a.length + b.length];
            System.arraycopy(a, 0, out, 0, a.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        /** Games of team t in slot position p in mode (H, A, HA) against opponents in {@code vs} (null = all). */
        List<BoolVar> vars(int t, int p, String mode, Set<Integer> vs) {
            List<BoolVar> out = new ArrayList<>();
            for (int o = 0; o < teams.size(); o++) {
                if (vs != null && !vs.contains(o)) {
                    continue;
                }
                if (mode.contains("H") && x[t][o] != null) {
                    out.add(x[t][o][p]);
                }
                if (mode.contains("A") && x[o][t] != null) {
                    out.add(x[o][t][p]);
                }
            }
            return out;
        }

        private void bounded(List<BoolVar> terms, long min, long max, BoolVar b) {
            if (terms.isEmpty() && min <= 0) {
                return;
            }
            model.addLinearConstraint(LinearExpr.sum(terms.toArray(new BoolVar[0])), min, max).onlyEnforceIf(b);
        }

        private Set<Integer> teamSet(ConstraintParams p, String key) {
            Set<Integer> out = new LinkedHashSet<>();
            index.teamIdsOf(p.strings(key)).forEach(t -> {
                if (pos.containsKey(t)) {
                    out.add(pos.get(t));
                }
            });
            return out;
        }

        private List<Integer> positions(ConstraintParams p, String key) {
            List<Integer> out = new ArrayList<>();
            for (int s : p.has(key) ? p.integers(key) : index.slots.stream().map(Slot::index).toList()) {
                if (index.position(s) >= 0) {
                    out.add(index.position(s));
                }
            }
            return out;
        }

        private Set<Integer> datedPositions(ConstraintParams p) {
            Set<Integer> out = new LinkedHashSet<>();
            for (int s : p.integers("slots")) {
                if (index.position(s) >= 0) {
                    out.add(index.position(s));
                }
            }
            List<LocalDate> dates = p.dates("dates");
            var weekdays = p.weekdays("weekdays");
            List<Slot> ordered = index.slots();
            for (int i = 0; i < ordered.size(); i++) {
                LocalDate d = ordered.get(i).date();
                if (d != null && (dates.contains(d) || weekdays.contains(d.getDayOfWeek()))) {
                    out.add(i);
                }
            }
            return out;
        }

        /** Encodes one hard constraint under literal b; false when its type is not modeled. */
        boolean add(SeasonConstraint c, BoolVar b) {
            ConstraintParams p = new ConstraintParams(c);
            long min = p.integer("min", 0);
            long max = p.integer("max", Integer.MAX_VALUE);
            switch (c.type()) {
                case CA1 -> {
                    for (int t : teamSet(p, "teams")) {
                        List<BoolVar> terms = new ArrayList<>();
                        positions(p, "slots").forEach(s -> terms.addAll(vars(t, s, p.text("mode", "HA"), null)));
                        bounded(terms, min, max, b);
                    }
                }
                case CA2 -> {
                    Set<Integer> vs = teamSet(p, "teams2");
                    for (int t : teamSet(p, "teams1")) {
                        List<BoolVar> terms = new ArrayList<>();
                        positions(p, "slots").forEach(s -> terms.addAll(vars(t, s, p.text("mode1", "HA"), vs)));
                        bounded(terms, min, max, b);
                    }
                }
                case CA3 -> {
                    Set<Integer> vs = teamSet(p, "teams2");
                    int window = p.integer("intp");
                    for (int t : teamSet(p, "teams1")) {
                        for (int start = 0; start + window <= slots; start++) {
                            List<BoolVar> terms = new ArrayList<>();
                            for (int s = start; s < start + window; s++) {
                                terms.addAll(vars(t, s, p.text("mode1", "HA"), vs));
                            }
                            bounded(terms, min, max, b);
                        }
                    }
                }
                case CA4 -> {
                    Set<Integer> t1 = teamSet(p, "teams1");
                    Set<Integer> t2 = teamSet(p, "teams2");
                    String mode = p.text("mode1", "HA");
                    boolean every = "EVERY".equals(p.text("mode2", "GLOBAL"));
                    List<BoolVar> global = new ArrayList<>();
                    for (int s : positions(p, "slots")) {
                        Set<BoolVar> games = new LinkedHashSet<>();
                        for (int h = 0; h < teams.size(); h++) {
                            for (int a = 0; a < teams.size(); a++) {
                                if (x[h][a] != null && (mode.contains("H") && t1.contains(h) && t2.contains(a)
                                        || mode.contains("A") && t1.contains(a) && t2.contains(h))) {
                                    games.add(x[h][a][s]);
                                }
                            }
                        }
                        if (every) {
                            bounded(new ArrayList<>(games), min, max, b);
                        } else {
                            global.addAll(games);
                        }
                    }
                    if (!every) {
                        bounded(global, min, max, b);
                    }
                }
                case GA1 -> {
                    List<BoolVar> terms = new ArrayList<>();
                    for (String[] m : p.meetings("meetings")) {
                        Integer h = pos.get(m[0]);
                        Integer a = pos.get(m[1]);
                        if (h != null && a != null && x[h][a] != null) {
                            positions(p, "slots").forEach(s -> terms.add(x[h][a][s]));
                        }
                    }
                    bounded(terms, min, max, b);
                }
                case FIXED_GAME -> {
                    Integer h = pos.get(p.strings("home").get(0));
                    Integer a = pos.get(p.strings("away").get(0));
                    int s = p.has("slot") ? index.position(p.integer("slot"))
                            : index.slotOn(p.dates("date").get(0)).map(index::position).orElse(-1);
                    if (h == null || a == null || s < 0 || x[h][a] == null) {
                        model.addEquality(b, 0); // the pairing or slot cannot exist: this constraint alone fails
                    } else {
                        model.addEquality(x[h][a][s], 1).onlyEnforceIf(b);
                    }
                }
                case TEAM_UNAVAILABLE -> {
                    Set<Integer> at = datedPositions(p);
                    for (int t : teamSet(p, "team")) {
                        List<BoolVar> terms = new ArrayList<>();
                        at.forEach(s -> terms.addAll(vars(t, s, p.text("mode", "HA"), null)));
                        bounded(terms, 0, 0, b);
                    }
                }
                case VENUE_UNAVAILABLE -> {
                    String venue = p.strings("venue").get(0);
                    Set<Integer> at = datedPositions(p);
                    List<BoolVar> terms = new ArrayList<>();
                    for (int t = 0; t < teams.size(); t++) {
                        if (venue.equals(index.teamById(teams.get(t)).orElseThrow().venueId())) {
                            int team = t;
                            at.forEach(s -> terms.addAll(vars(team, s, "H", null)));
                        }
                    }
                    bounded(terms, 0, 0, b);
                }
                case SHARED_VENUE -> {
                    Set<Integer> sharing = teamSet(p, "teams");
                    for (int s = 0; s < slots; s++) {
                        List<BoolVar> terms = new ArrayList<>();
                        for (int t : sharing) {
                            terms.addAll(vars(t, s, "H", null));
                        }
                        bounded(terms, 0, 1, b);
                    }
                }
                case SE1 -> {
                    int gap = p.integer("min");
                    List<Integer> ts = new ArrayList<>(teamSet(p, "teams"));
                    for (int i = 0; i < ts.size(); i++) {
                        for (int j = i + 1; j < ts.size(); j++) {
                            Set<Integer> other = Set.of(ts.get(j));
                            // two meetings less than gap+1 slots apart share a window of gap+1 slots
                            for (int start = 0; start < slots; start++) {
                                List<BoolVar> terms = new ArrayList<>();
                                for (int s = start; s < Math.min(slots, start + gap + 1); s++) {
                                    terms.addAll(vars(ts.get(i), s, "HA", other));
                                }
                                if (terms.size() > 1) {
                                    bounded(terms, 0, 1, b);
                                }
                            }
                        }
                    }
                }
                case MIN_REST_DAYS -> {
                    int days = p.integer("days");
                    List<Slot> ordered = index.slots();
                    if (ordered.stream().anyMatch(s -> s.date() == null)) {
                        return false;
                    }
                    for (int t : teamSet(p, "teams")) {
                        for (int s = 0; s < slots; s++) {
                            List<BoolVar> terms = new ArrayList<>();
                            for (int q = s; q < slots && ChronoUnit.DAYS.between(ordered.get(s).date(), ordered.get(q).date()) < days; q++) {
                                terms.addAll(vars(t, q, "HA", null));
                            }
                            if (terms.size() > vars(t, s, "HA", null).size()) {
                                bounded(terms, 0, 1, b);
                            }
                        }
                    }
                }
                case MAX_ROAD_TRIP -> {
                    int trip = p.integer("max");
                    for (int t : teamSet(p, "teams")) {
                        for (int start = 0; start + trip + 1 <= slots; start++) {
                            List<BoolVar> terms = new ArrayList<>();
                            for (int s = start; s <= start + trip; s++) {
                                terms.addAll(vars(t, s, "A", null));
                            }
                            bounded(terms, 0, trip, b);
                        }
                    }
                }
                default -> {
                    return false;
                }
            }
            literals.put(c.id(), b);
            return true;
        }
    }
}
