package io.flextime.solve.profile;

import io.flextime.core.model.SeasonFormat.RoundRobin;
import io.flextime.solve.profile.SolverProfile.Optimization;
import io.flextime.solve.profile.SolverProfile.Repair;

/**
 * Picks solver parameters from instance features, never per instance:
 * <ul>
 *   <li><b>travel-tournament</b> — compact, travel counts, at most a couple of hard rules per team (TTP
 *       style): the objective is all travel, so a strong LP (linearization 2) and reversal symmetry
 *       breaking pay off. A short repair phase (≤ 10%) finds the first schedule on the small model
 *       without the travel flow (NL12: 0.5 s, where the full model had none after 12 s). When the
 *       season is exactly a travel tournament (compact double round robin, only hard "at most m H/A in
 *       k slots" and "no rematch within r slots"), 70% of the optimization phase goes first to
 *       simulated annealing over round-robin moves (NL12 1.07 × best known in 20 s on one thread,
 *       where the neighbourhood search was at 1.18–1.21 after 60 s). Up to 8 teams with run-limit rules
 *       only, the exact search then gets 80% of what is left, with the annealing's schedule as cutoff
 *       (NL6 proven in 0.2 s, NL8 in 6 s; CP-SAT's bound never left the independent lower bound); up to
 *       6 teams it needs no cutoff and runs without the annealing. Of
 *       the rest, 80% goes to the neighbourhood search.</li>
 *   <li><b>constraint-heavy</b> — more than two hard constraints per team (ITC2021 style): finding any
 *       feasible schedule is the hard part. Where the annealing scores the season exactly (a compact
 *       double round robin under RobinX constraints alone), CP-SAT's repair phase only supplies its
 *       start (≤ 5%), the annealing gets 85% of the rest, and of what remains 80% goes to the
 *       neighbourhood search. Otherwise up to 70% of the budget goes to the repair phase (hard
 *       constraints softened, violations minimized; it ends as soon as they reach 0) whose schedule
 *       hints the optimization phase.</li>
 *   <li><b>calendar</b> with the calendar search — a relaxed season the calendar search scores exactly (dated
 *       conference seasons): that search first; once it has a schedule it keeps the whole budget, without one
 *       after {@link #CALENDAR_SHARE} of it the CP-SAT phases below go on from its nearest schedule.</li>
 *   <li><b>calendar</b> — other relaxed or partial seasons on dates (conference style): default search,
 *       linearization 1; up to 70% of the budget for the repair phase, built without the travel flow
 *       (most of the model, irrelevant to feasibility) and presolved without probing and symmetry
 *       detection (Big 12: 0.8–1.1 s instead of 5–8 s), whose schedule hints what follows. Then 70% of
 *       the rest goes to the soft-rule penalties alone, again without the travel flow (they are most of
 *       a conference's objective, and every neighbourhood of the full model is slow), and the full model
 *       starts from the best of that. In each optimization phase 80% goes to the neighbourhood search
 *       (Big 12, 60 s: objective 0.90 M with it, 1.8–2.0 M without).</li>
 *   <li><b>default</b> — anything else.</li>
 * </ul>
 */
public final class ProfileSelector {
    /**
     * Of the optimization phase, the share of FlexTime's neighbourhood search; CP-SAT's search of the whole
     * model gets the rest first (it proves small instances and supplies the bound).
     */
    static final double NEIGHBOURHOOD_SHARE = 0.8;
    /**
     * Of a travel tournament's optimization phase, the share of the annealing over round-robin moves
     * (when the season has exactly the shape it scores); CP-SAT then searches the whole model from its
     * schedule (bound, proof) and the neighbourhood search gets the rest.
     */
    static final double ANNEALING_SHARE = 0.7;
    /**
     * A constraint-heavy round robin the annealing scores exactly (ITC2021): CP-SAT's repair phase only
     * supplies a start (at most this share of the budget), the annealing then gets
     * {@link #CONSTRAINT_ANNEALING_SHARE} of the rest: on ITC2021 Early_1 it reaches feasibility in
     * seconds where CP-SAT's repair left 26–74 violations after 30–60 s.
     */
    static final double CONSTRAINT_REPAIR_SHARE = 0.05;
    /**
     * A calendar season's share (after its repair phase) for the soft-rule penalties alone on the model
     * without the travel flow (see {@code engine/PenaltyPhase}). Big 12 sample, 60 s, objective: 0.5 → 536k,
     * 0.7 → 492k and 528k, 0.85 → 538k (without the phase: 1.36–1.91 M the same day).
     */
    static final double PENALTY_SHARE = 0.7;
    static final double CONSTRAINT_ANNEALING_SHARE = 0.85;

    /**
     * A calendar season's share for the calendar search while it has no feasible schedule; once it has one it
     * keeps the whole budget. Without one by then, CP-SAT's repair phase goes on from its schedule nearest to
     * feasible (and can prove a season infeasible, which the search cannot).
     */
    static final double CALENDAR_SHARE = 0.8;

    public SolverProfile choose(InstanceFeatures f) {
        Optimization lns = new Optimization(1, true, 0.0, NEIGHBOURHOOD_SHARE);
        if (f.calendarSearch()) {
            return new SolverProfile("calendar", CALENDAR_SHARE, new Repair(0.7, true), PENALTY_SHARE, 0.0,
                    new Optimization(1, false, 0.0, NEIGHBOURHOOD_SHARE));
        }
        if (f.hardPerTeam() > 2.0) {
            if (f.roundRobinMoves()) {
                return new SolverProfile("constraint-heavy", 0.0, new Repair(CONSTRAINT_REPAIR_SHARE, false), 0.0,
                        CONSTRAINT_ANNEALING_SHARE, lns);
            }
            return new SolverProfile("constraint-heavy", 0.0, new Repair(0.7, false), 0.0, 0.0, new Optimization(1, true, 0.0, 0.0));
        }
        if (f.compact() && f.travel() && f.roundRobin() == RoundRobin.DOUBLE) {
            return new SolverProfile("travel-tournament", 0.0, new Repair(0.1, false), 0.0, ANNEALING_SHARE,
                    new Optimization(2, true, 0.0, NEIGHBOURHOOD_SHARE));
        }
        if (!f.compact() || f.roundRobin() == RoundRobin.PARTIAL) {
            return new SolverProfile("calendar", 0.0, new Repair(0.7, true), PENALTY_SHARE, 0.0,
                    new Optimization(1, false, 0.0, NEIGHBOURHOOD_SHARE));
        }
        return new SolverProfile("default", 0.0, Repair.NONE, 0.0, 0.0, new Optimization(1, true, 0.0, 0.0));
    }
}
