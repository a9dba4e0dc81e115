package io.flextime.solve.engine;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.SatParameters;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.solve.calendar.CalendarSearch;
import io.flextime.solve.evaluator.Evaluation;
import io.flextime.solve.evaluator.ScheduleEvaluator;
import io.flextime.solve.model.HardRelaxation;
import io.flextime.solve.model.SeasonIndex;
import io.flextime.solve.model.SeasonModelBuilder;
import io.flextime.solve.model.TravelLowerBound;
import io.flextime.solve.profile.InstanceFeatures;
import io.flextime.solve.profile.ProfileSelector;
import io.flextime.solve.profile.SolverProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link SeasonSolver} on OR-Tools CP-SAT: profile from instance features, optional feasibility phase,
 * then optimization with hint and cutoff; every solution is checked by the independent evaluator. An
 * infeasible season is solved again with one assumption literal per hard constraint to name a
 * conflicting subset.
 */
@ApplicationScoped
public class CpSatSeasonSolver implements SeasonSolver {
    /** Budget cap for the explanation solve of an infeasible season. */
    private static final double EXPLAIN_SECONDS = 30.0;
    /**
     * Share of the remaining budget for the exact search of a small travel tournament (after the annealing,
     * whose schedule is its cutoff): NL6 takes 0.2 s, NL8 6 s from the optimum's cutoff and 50 s from none.
     */
    private static final double EXACT_SHARE = 0.8;
    /**
     * Up to this many teams the exact search needs no annealed schedule as cutoff (NL4 0.01 s, NL6 0.19 s
     * from none), so the annealing is skipped and the season is proven at once; with 8 teams the cutoff
     * is worth the annealing's time (NL8 50 s from no cutoff, 5.5 s from the optimum's).
     */
    static final int EXACT_ALONE_TEAMS = 6;
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .build();

    private final ProfileSelector profiles = new ProfileSelector();
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    @Override
    public SolveResult solve(Season season, SolveSettings settings, SolutionListener listener) {
        OrToolsNatives.ensureLoaded();
        long start = System.nanoTime();
        ObjectiveWeights weights = settings.weights() != null ? settings.weights() : season.weights();
        SeasonIndex index = new SeasonIndex(season);
        Optional<Supplier<ScheduleCost>> costs = ScheduleCost.forSeason(season, index, weights);
        SolverProfile profile = profiles.choose(InstanceFeatures.of(season, weights.travel(), costs.isPresent(),
                CalendarSearch.unsupported(index).isEmpty()));
        double budget = settings.timeLimit() == null ? 60.0 : settings.timeLimit().toMillis() / 1000.0;
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("profile", profile.name());
        stats.put("workers", settings.workers());
        // Valid for the whole model, whatever the search proves: every reported bound is at least this.
        double travelBound = TravelLowerBound.objective(season, weights);
        stats.put("travel_lower_bound", travelBound);

        List<Assignment> hint = settings.hint();
        Double cutoff = settings.objectiveCutoff();
        int solutionsSoFar = 0;
        double bestSoFar = Double.POSITIVE_INFINITY;
        List<Assignment> phaseOneGames = null;
        if (profile.calendarShare() > 0) {
            Optional<String> unsupported = CalendarSearch.unsupported(index);
            stats.put("calendar_search", unsupported.orElse("applies"));
            if (unsupported.isEmpty()) {
                CalendarSearch.Outcome out = searchCalendar(index, weights, hint, cutoff, budget, budget * profile.calendarShare(),
                        start, settings, travelBound, listener, stats);
                if (out.best().isPresent()) {
                    // once it has a schedule the calendar search keeps the whole budget: its best is the result
                    return withSolution(out.complete() ? "OPTIMAL" : "FEASIBLE", season, weights, out.best().get().games(),
                            out.complete() ? null : travelBound, start, stats);
                }
                if (cutoff != null && !settings.hint().isEmpty() && out.fewestHardDeviations() == 0) {
                    // nothing beat the checkpoint, which is feasible: it stays the result
                    return withSolution("FEASIBLE", season, weights, settings.hint(), travelBound, start, stats);
                }
                if (!out.closest().isEmpty() && hint.isEmpty()) {
                    hint = out.closest(); // CP-SAT's repair phase goes on from the schedule nearest to feasible
                }
            }
        }
        if (profile.feasibilityFirst() > 0 && hint.isEmpty()) {
            // Repair phase: minimize hard-constraint violations of the relaxed season; 0 means feasible.
            Season relaxed = HardRelaxation.of(season);
            SeasonModelBuilder.Built repair = SeasonModelBuilder.build(relaxed,
                    new SeasonModelBuilder.Options(HardRelaxation.VIOLATIONS_ONLY, false, profile.symmetryBreaking(), true));
            SolutionRecorder recorder = new SolutionRecorder(relaxed, HardRelaxation.VIOLATIONS_ONLY, repair,
                    SolutionListener.NONE, start, 0, Double.POSITIVE_INFINITY, 0.0);
            CpSolver solver = repairSolver(settings, profile, budget * profile.feasibilityFirst());
            CpSolverStatus status = run(solver, repair, recorder.callback(true), settings);
            failLoudly(recorder);
            stats.put("repair_phase_seconds", solver.wallTime());
            if (status == CpSolverStatus.INFEASIBLE) {
                return infeasible(season, settings, profile, start, stats);
            }
            if (recorder.best() != null) {
                hint = recorder.best();
                stats.put("repair_phase_violations", recorder.bestEvaluation().objective());
                if (recorder.bestEvaluation().objective() == 0) {
                    phaseOneGames = recorder.best();
                    Evaluation eval = evaluator.evaluate(season, phaseOneGames, weights);
                    if (!eval.feasible()) {
                        throw new IllegalStateException("model/evaluator mismatch (a modelling bug): a schedule without "
                                + "violations of the relaxed season is infeasible: " + eval.describeInfeasibility());
                    }
                    double at = elapsed(start);
                    solutionsSoFar = 1;
                    bestSoFar = eval.objective();
                    stats.put("first_solution_seconds", at);
                    listener.onSolution(new Incumbent(phaseOneGames, eval.objective(), Math.min(travelBound, eval.objective()), at, 1));
                }
            }
        }

        if (profile.penaltyShare() > 0 && phaseOneGames != null && PenaltyPhase.applies(season, weights)
                && !settings.stopRequested().getAsBoolean()) {
            double seconds = Math.max(0.1, budget - elapsed(start)) * profile.penaltyShare();
            Optional<PenaltyPhase.Outcome> lower = new PenaltyPhase().run(season, weights, profile, phaseOneGames, bestSoFar,
                    seconds, settings, start, solutionsSoFar, travelBound, listener, stats);
            if (lower.isPresent()) {
                phaseOneGames = lower.get().games();
                hint = phaseOneGames;
                bestSoFar = lower.get().evaluation().objective();
                solutionsSoFar += lower.get().improvements();
            }
        }

        // Built once here when it goes without the annealing (its cutoff is then the same as after it).
        Optional<TravelTournamentProof> exactAlone = index.n <= EXACT_ALONE_TEAMS
                ? TravelTournamentProof.forSeason(season, index, weights, cutoff != null ? cutoff : bestSoFar)
                : Optional.empty();
        if (profile.annealingShare() > 0 && exactAlone.isEmpty() && !settings.stopRequested().getAsBoolean()) {
            List<Assignment> from = phaseOneGames != null ? phaseOneGames : hint;
            double seconds = Math.max(0.1, budget - elapsed(start)) * profile.annealingShare();
            Annealed outcome = anneal(season, weights, index, costs, from, cutoff != null ? cutoff : bestSoFar,
                    seconds, solutionsSoFar, travelBound, start, settings, listener, stats);
            Optional<AnnealingPhase.Result> annealed = outcome.better();
            if (phaseOneGames == null && annealed.isEmpty() && !outcome.closest().isEmpty()) {
                hint = outcome.closest(); // nearer to feasible than the repair phase's schedule
            }
            if (annealed.isPresent()) {
                phaseOneGames = annealed.get().games();
                hint = phaseOneGames;
                bestSoFar = annealed.get().evaluation().objective();
                cutoff = null; // the bound below is the annealed schedule's, which beats any cutoff
                solutionsSoFar += annealed.get().improvements();
                stats.putIfAbsent("first_solution_seconds", elapsed(start));
            }
        }

        Optional<TravelTournamentProof> exact = settings.stopRequested().getAsBoolean() ? Optional.empty()
                : exactAlone.isPresent() ? exactAlone
                : TravelTournamentProof.forSeason(season, index, weights, cutoff != null ? cutoff : bestSoFar);
        if (exact.isPresent()) {
            ExactOutcome proved = searchExactly(exact.get(), season, weights, index, budget, start, settings, solutionsSoFar,
                    travelBound, listener, stats);
            if (proved.games() != null) {
                phaseOneGames = proved.games();
                hint = phaseOneGames;
                bestSoFar = proved.objective();
                cutoff = null;
                solutionsSoFar++;
            }
            if (proved.complete()) {
                if (phaseOneGames != null) {
                    return withSolution("OPTIMAL", season, weights, phaseOneGames, null, start, stats);
                }
                if (cutoff != null && !settings.hint().isEmpty()) {
                    return withSolution("OPTIMAL", season, weights, settings.hint(), null, start, stats); // nothing beats the checkpoint
                }
                return infeasible(season, settings, profile, start, stats);
            }
        }

        if (settings.stopRequested().getAsBoolean()) {
            // Cancelled or at the invocation deadline during the repair or annealing phase: no optimization phase.
            return phaseOneGames == null
                    ? new SolveResult("UNKNOWN", List.of(), null, null, elapsed(start), null, null, null, null, stats)
                    : withSolution("FEASIBLE", season, weights, phaseOneGames, travelBound, start, stats);
        }
        SeasonModelBuilder.Built built = SeasonModelBuilder.build(season,
                new SeasonModelBuilder.Options(weights, false, profile.symmetryBreaking(), true));
        if (!hint.isEmpty()) {
            SeasonModelBuilder.hint(built, hint);
        }
        if (cutoff != null) {
            built.model().cp.addLessOrEqual(built.objective(), built.scale().strictlyBelow(cutoff));
        } else if (phaseOneGames != null) {
            built.model().cp.addLessOrEqual(built.objective(), built.scale().atMost(bestSoFar));
        }
        double remaining = Math.max(0.1, budget - elapsed(start));
        SolutionRecorder recorder = new SolutionRecorder(season, weights, built, listener, start, solutionsSoFar, bestSoFar,
                travelBound);
        // The neighbourhood search needs a feasible schedule to start from; without one the full search gets all the time.
        boolean startForNeighbourhoods = phaseOneGames != null || !settings.hint().isEmpty();
        CpSolver solver = solver(settings, profile, startForNeighbourhoods ? remaining * (1 - profile.neighbourhoodShare()) : remaining);
        CpSolverStatus status = run(solver, built, recorder.callback(true), settings);
        failLoudly(recorder);
        if (profile.neighbourhoodShare() > 0 && status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.INFEASIBLE
                && !settings.stopRequested().getAsBoolean()) {
            improveInNeighbourhoods(season, weights, built, recorder, settings, phaseOneGames, budget - elapsed(start), stats);
        }
        stats.put("branches", solver.numBranches());
        stats.put("conflicts", solver.numConflicts());
        stats.put("solver_wall_seconds", solver.wallTime());
        if (recorder.firstSolutionSeconds() >= 0) {
            stats.putIfAbsent("first_solution_seconds", recorder.firstSolutionSeconds());
        }
        stats.put("solutions", recorder.solutions());

        List<Assignment> games = recorder.best() != null ? recorder.best() : phaseOneGames;
        if (status == CpSolverStatus.INFEASIBLE && games == null) {
            if (cutoff != null && !settings.hint().isEmpty()) {
                // Nothing beats the checkpoint: the checkpoint is optimal.
                return withSolution("OPTIMAL", season, weights, settings.hint(), null, start, stats);
            }
            if (phaseOneGames == null) {
                return infeasible(season, settings, profile, start, stats);
            }
        }
        if (games == null) {
            return new SolveResult(status == CpSolverStatus.MODEL_INVALID ? "MODEL_INVALID" : "UNKNOWN", List.of(), null,
                    bound(solver, built, travelBound), elapsed(start), null, null, null, null, stats);
        }
        boolean proven = status == CpSolverStatus.OPTIMAL
                || (status == CpSolverStatus.INFEASIBLE && phaseOneGames != null && recorder.best() == null);
        return withSolution(proven ? "OPTIMAL" : "FEASIBLE", season, weights, games, proven ? null : bound(solver, built, travelBound), start,
                stats);
    }

    /**
     * The annealing over round-robin moves from {@code from} (the circle method's schedule when there is
     * none yet), when the season has a shape one of its costs scores exactly; each better schedule is
     * reported as an incumbent.
     */
    private Annealed anneal(Season season, ObjectiveWeights weights, SeasonIndex ix,
            Optional<Supplier<ScheduleCost>> costs, List<Assignment> from,
            double toBeat, double seconds, int solutionsSoFar, double travelBound, long start, SolveSettings settings,
            SolutionListener listener, Map<String, Object> stats) {
        if (costs.isEmpty()) {
            return new Annealed(Optional.empty(), List.of());
        }
        if (from.isEmpty()) {
            from = CircleMethod.schedule(ix); // the repair phase had no schedule yet
        }
        AnnealingPhase annealing = new AnnealingPhase();
        Optional<AnnealingPhase.Result> annealed;
        try {
            annealed = annealing.run(season, weights, ix, costs.get(), from, toBeat, seconds, settings.workers(),
                    settings.seed() == null ? 1L : settings.seed(), settings.stopRequested(),
                    r -> {
                        stats.putIfAbsent("first_solution_seconds", elapsed(start));
                        listener.onSolution(new Incumbent(r.games(), r.evaluation().objective(),
                                Math.min(travelBound, r.evaluation().objective()), elapsed(start), solutionsSoFar + r.improvements()));
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            annealed = Optional.empty();
        }
        stats.put("annealing_moves", annealing.moves());
        stats.put("annealing_fewest_hard_deviations", annealing.fewestHard());
        annealed.ifPresent(r -> stats.put("annealing_objective", r.evaluation().objective()));
        return new Annealed(annealed, annealing.closest());
    }

    /**
     * The calendar search ({@link CalendarSearch}) from the hint (a checkpoint) or its own construction, to the
     * end of the budget once it has a feasible schedule, and until {@code withoutSchedule} seconds without
     * one; each better schedule is reported as an incumbent.
     */
    private CalendarSearch.Outcome searchCalendar(SeasonIndex ix, ObjectiveWeights weights, List<Assignment> hint, Double cutoff,
            double budget, double withoutSchedule, long start, SolveSettings settings, double travelBound, SolutionListener listener,
            Map<String, Object> stats) {
        int[] reported = {0};
        java.util.function.BooleanSupplier stop = () -> settings.stopRequested().getAsBoolean()
                || (reported[0] == 0 && elapsed(start) > withoutSchedule);
        CalendarSearch.Outcome out = new CalendarSearch().run(ix, weights, hint, cutoff != null ? cutoff : Double.POSITIVE_INFINITY,
                Math.max(0.1, budget - elapsed(start)), settings.workers(), settings.seed() == null ? 1L : settings.seed(), stop, found -> {
                    double at = elapsed(start);
                    stats.putIfAbsent("first_solution_seconds", at);
                    listener.onSolution(new Incumbent(found.games(), found.evaluation().objective(),
                            Math.min(travelBound, found.evaluation().objective()), at, ++reported[0]));
                });
        stats.put("calendar_search_seconds", elapsed(start));
        stats.put("calendar_search_moves", out.moves());
        stats.put("calendar_search_improvements", out.improvements());
        stats.put("calendar_search_fewest_hard_deviations", out.fewestHardDeviations());
        return out;
    }

    /**
     * The exact search of a small travel tournament (below the best objective so far), for
     * {@link #EXACT_SHARE} of the remaining budget. A schedule it finds is checked by the evaluator and
     * reported like any other; complete, it proves the best schedule optimal.
     */
    private ExactOutcome searchExactly(TravelTournamentProof exact, Season season, ObjectiveWeights weights, SeasonIndex ix,
            double budget, long start, SolveSettings settings, int solutionsSoFar, double travelBound, SolutionListener listener,
            Map<String, Object> stats) {
        double seconds = Math.max(0.1, budget - elapsed(start)) * EXACT_SHARE;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        TravelTournamentProof.Outcome out;
        try {
            out = exact.search(settings.workers(), () -> settings.stopRequested().getAsBoolean() || System.nanoTime() > deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExactOutcome(false, null, Double.POSITIVE_INFINITY);
        }
        stats.put("exact_search_complete", out.complete());
        stats.put("exact_search_nodes", out.nodes());
        stats.put("exact_search_seconds", seconds - Math.max(0, (deadline - System.nanoTime()) / 1e9));
        if (!out.improved()) {
            return new ExactOutcome(out.complete(), null, Double.POSITIVE_INFINITY);
        }
        List<Assignment> games = TournamentAnnealing.assignments(ix, out.opp(), out.home());
        Evaluation eval = evaluator.evaluate(season, games, weights);
        if (!eval.feasible()) {
            throw new IllegalStateException("exact search/evaluator mismatch (a bug): its schedule is infeasible: "
                    + eval.describeInfeasibility());
        }
        double at = elapsed(start);
        stats.putIfAbsent("first_solution_seconds", at);
        listener.onSolution(new Incumbent(games, eval.objective(),
                out.complete() ? eval.objective() : Math.min(travelBound, eval.objective()), at, solutionsSoFar + 1));
        return new ExactOutcome(out.complete(), games, eval.objective());
    }

    /** What the exact search gave: whether it searched the whole tree, and the better schedule it found (or null). */
    private record ExactOutcome(boolean complete, List<Assignment> games, double objective) {
    }

    /** What the annealing gave: a better schedule, or else the one nearest to feasible (possibly none). */
    private record Annealed(Optional<AnnealingPhase.Result> better, List<Assignment> closest) {
    }

    /**
     * The neighbourhood search from the best schedule so far: this phase's, else the repair phase's or the
     * checkpoint's (nothing beat them yet). Its schedules go to the same recorder.
     */
    private void improveInNeighbourhoods(Season season, ObjectiveWeights weights, SeasonModelBuilder.Built built,
            SolutionRecorder recorder, SolveSettings settings, List<Assignment> phaseOneGames, double seconds,
            Map<String, Object> stats) {
        if (recorder.best() == null) {
            List<Assignment> start = phaseOneGames != null ? phaseOneGames : SeasonModelBuilder.oriented(built, settings.hint());
            if (start.isEmpty()) {
                return;
            }
            Evaluation eval = evaluator.evaluate(season, start, weights);
            if (!eval.feasible()) {
                return; // a checkpoint of an earlier model: the full search above already had its chance
            }
            recorder.startFrom(start, eval);
        }
        NeighbourhoodSearch lns = NeighbourhoodSearch.searchFor(built, recorder, settings, seconds);
        stats.put("neighbourhoods_searched", lns.searched());
        stats.put("neighbourhoods_improving", lns.improved());
    }

    private SolveResult withSolution(String status, Season season, ObjectiveWeights weights, List<Assignment> games,
            Double bound, long start, Map<String, Object> stats) {
        Evaluation eval = evaluator.evaluate(season, games, weights);
        if (!eval.feasible()) {
            throw new IllegalStateException("evaluator rejects the reported schedule: " + eval.describeInfeasibility());
        }
        double best = bound == null ? eval.objective() : Math.min(bound, eval.objective());
        return new SolveResult(status, games, eval.objective(), best, elapsed(start), eval.softPenalties(),
                eval.travelKm(), eval.breaks(), List.of(), stats);
    }

    /** The better of CP-SAT's bound and the travel lower bound (null when neither says anything). */
    private static Double bound(CpSolver solver, SeasonModelBuilder.Built built, double travelBound) {
        double b = solver.bestObjectiveBound();
        if (!Double.isFinite(b)) {
            return travelBound > 0 ? travelBound : null;
        }
        return Math.max(built.scale().toObjective(b), travelBound);
    }

    private SolveResult infeasible(Season season, SolveSettings settings, SolverProfile profile, long start,
            Map<String, Object> stats) {
        SeasonModelBuilder.Built explained = SeasonModelBuilder.build(season,
                new SeasonModelBuilder.Options(season.weights(), true, false, false));
        explained.model().cp.addAssumptions(explained.model().assumptions().values().toArray(new com.google.ortools.sat.Literal[0]));
        CpSolver solver = new CpSolver();
        // Assumption cores come from the single-threaded SAT search; more workers do not help here.
        solver.getParameters().setNumWorkers(1).setMaxTimeInSeconds(EXPLAIN_SECONDS);
        CpSolverStatus status = solver.solve(explained.model().cp);
        List<SolveResult.Conflict> conflicts = new ArrayList<>();
        if (status == CpSolverStatus.INFEASIBLE) {
            for (int index : solver.sufficientAssumptionsForInfeasibility()) {
                SeasonConstraint c = explained.model().constraintOfLiteral(index);
                if (c != null) {
                    conflicts.add(new SolveResult.Conflict(c.id(), c.type().name(), String.valueOf(c.params())));
                }
            }
            if (conflicts.isEmpty()) {
                conflicts.add(new SolveResult.Conflict("format", "FORMAT",
                        "the round-robin format alone cannot be scheduled in these slots"));
            }
        }
        stats.put("explanation_status", status.name());
        return new SolveResult("INFEASIBLE", List.of(), null, null, elapsed(start), null, null, null, conflicts, stats);
    }

    static CpSolver solver(SolveSettings settings, SolverProfile profile, double seconds) {
        CpSolver solver = new CpSolver();
        SatParameters.Builder p = solver.getParameters();
        p.setNumWorkers(settings.workers()).setMaxTimeInSeconds(Math.max(0.1, seconds))
                .setLinearizationLevel(profile.linearizationLevel());
        if (settings.seed() != null) {
            p.setRandomSeed((int) (settings.seed() & 0x7fffffff));
        }
        if (profile.relativeGapLimit() > 0) {
            p.setRelativeGapLimit(profile.relativeGapLimit());
        }
        return solver;
    }

    /**
     * The repair phase minimizes a sum of violation counts, a weighted MaxSAT problem: CP-SAT's core-based
     * search (it raises the bound core by core and stops at the first 0-violation assignment) settles it
     * far sooner than LP search plus LNS. CP-SAT only runs a core worker from about 4 workers on, so it is
     * asked for explicitly; at 2 workers it takes the full-problem worker's place next to the LNS thread.
     * Big 12 sample, 2 cores: first feasible 2.4–2.8 s with it, 10–15 s without.
     */
    private static CpSolver repairSolver(SolveSettings settings, SolverProfile profile, double seconds) {
        CpSolver solver = solver(settings, profile, seconds);
        solver.getParameters().addExtraSubsolvers("core");
        if (profile.quickRepairPresolve()) {
            // Big 12 sample, 2 cores: presolve took 4.1 s of a 6.1 s repair phase (CP-SAT's log), three rounds
            // of probing at 0.9 s and symmetry detection most of it; the phase took 4.8-7.0 s in six runs, and
            // 0.8-1.1 s without them (seeds 1-6)
            solver.getParameters().setCpModelProbingLevel(0).setSymmetryLevel(0);
        }
        return solver;
    }

    static CpSolverStatus run(CpSolver solver, SeasonModelBuilder.Built built, CpSolverSolutionCallback callback,
            SolveSettings settings) {
        try (StopWatch watch = StopWatch.watch(settings.stopRequested(), solver::stopSearch)) {
            return solver.solve(built.model().cp, callback);
        } finally {
            callback.delete();
        }
    }

    static void failLoudly(SolutionRecorder recorder) {
        if (recorder.failure() != null) {
            throw new IllegalStateException("model/evaluator mismatch (a modelling bug): " + recorder.failure());
        }
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public String modelHash(Season season, SolveSettings settings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(CANONICAL.writeValueAsBytes(season));
            ObjectiveWeights w = settings.weights() != null ? settings.weights() : season.weights();
            sha.update(("|weights=" + w.travel() + "," + w.penalty()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the season", e);
        }
    }

}
