package io.flextime.rules.probe;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.Literal;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonIndex;
import io.flextime.rules.RuleFamilies;
import io.flextime.rules.RuleRows;
import io.flextime.rules.model.OrToolsNatives;
import io.flextime.rules.model.RoundRobinStructure;
import io.flextime.rules.model.SeasonModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A time-boxed CP-SAT feasibility probe with one assumption literal per hard constraint: when CP-SAT
 * proves the hard constraints infeasible it names a sufficient subset of assumptions, which a deletion
 * filter then shrinks (drop one, re-solve, keep it out if still infeasible) to a small conflicting set.
 *
 * <p>The model is the solver's own, without objective or travel: the format's rows and, for each hard
 * constraint whose family takes part in the probe, the very rows the solver builds, each behind its
 * assumption literal. Families may stay out (breaks and fairness do: their rows are most of a model's
 * size); dropping constraints keeps "infeasible" a proof.
 */
public final class FeasibilityProbe {
    /** Beyond this many game variables the probe is skipped: building the model would eat the time box. */
    static final int MAX_VARIABLES = 250_000;

    public enum Status { FEASIBLE, INFEASIBLE, UNKNOWN, SKIPPED }

    /** The probe's answer; {@code conflict} names the constraints of the shrunk core when INFEASIBLE. */
    public record Result(Status status, List<String> conflict, boolean minimal, double seconds, String note) {
    }

    public Result probe(SeasonIndex index, Duration timeLimit) {
        long started = System.nanoTime();
        long deadline = started + timeLimit.toNanos();
        int n = index.n;
        int slots = index.slotCount;
        if (n < 2 || slots == 0 || (long) n * (n - 1) * slots > MAX_VARIABLES) {
            return new Result(Status.SKIPPED, List.of(), false, 0, "model too large or empty");
        }
        OrToolsNatives.ensureLoaded();
        SeasonModel m;
        try {
            m = new SeasonModel(index, index.season.format().compact(), true);
            RoundRobinStructure.add(m);
        } catch (IllegalArgumentException e) {
            return new Result(Status.SKIPPED, List.of(), false, seconds(started), e.getMessage());
        }
        Set<String> unmodelled = new HashSet<>();
        for (SeasonConstraint c : index.hard()) {
            if (!c.wellFormed() || !RuleFamilies.of(c).probed()) {
                continue;
            }
            try {
                RuleRows.add(m, c);
            } catch (RuntimeException e) {
                unmodelled.add(c.id()); // names what the season lacks: the record checks report it
            }
        }
        Map<String, Literal> literal = new LinkedHashMap<>(m.assumptions());
        literal.keySet().removeAll(unmodelled);
        Outcome first = solve(m.cp, literal.values(), deadline);
        if (first.status == CpSolverStatus.FEASIBLE || first.status == CpSolverStatus.OPTIMAL) {
            return new Result(Status.FEASIBLE, List.of(), false, seconds(started), null);
        }
        if (first.status != CpSolverStatus.INFEASIBLE) {
            return new Result(Status.UNKNOWN, List.of(), false, seconds(started), "time limit reached");
        }
        List<String> core = new ArrayList<>();
        for (int i : first.core) {
            SeasonConstraint c = m.constraintOfLiteral(i);
            if (c != null && literal.containsKey(c.id())) {
                core.add(c.id());
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
            Outcome o = solve(m.cp, without, deadline);
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

    private static Outcome solve(CpModel model, Collection<Literal> assumptions, long deadline) {
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
}
