package io.flextime.solve.calendar;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import io.flextime.solve.engine.StopWatch;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Travel on a calendar where every team's dates are known ({@link LeanCalendarModel#applies}): CP-SAT on the
 * lean model with the travel as a flow over each team's dates ({@link LeanCalendarModel#minimizeTravel}),
 * started from the search's best schedule (a complete hint), for the rest of the budget. Each schedule it
 * finds is scored by the search's own {@link CalendarState} (every rule, hard and soft; the model posts
 * only the hard rules it can) and kept when it keeps every hard rule and lowers the objective.
 *
 * <p>Why: on such a calendar nearly every move of the annealing puts a team on a date it does not have, so
 * it keeps its start (Big Ten 2024-25 on its real dates: the same 409,520 km in every run, 1.22 × the real
 * schedule's). A team's next game is then a matter of its next date, which the flow encodes directly.
 */
final class KnownDatesTravel {
    private KnownDatesTravel() {
    }

    /** Whether it applies: travel between venues that depends on the order of games, on known dates. */
    static boolean applies(CalendarProblem p) {
        return p.travelWeight > 0 && !p.returnHome && LeanCalendarModel.applies(p);
    }

    /**
     * Improves {@code start} (a feasible schedule, snapshot layout) for {@code seconds} or until {@code stop};
     * each better schedule goes to {@code onBetter}. Returns how many were kept.
     */
    static int improve(CalendarProblem p, int[][] start, double seconds, int workers, long seed, BooleanSupplier stop,
            Consumer<CalendarAnnealing.Published> onBetter) {
        CalendarState st = new CalendarState(p);
        st.restore(start);
        LeanCalendarModel m = LeanCalendarModel.posted(p);
        if (m == null || st.hard() > 0 || st.unplacedGames() > 0) {
            return 0;
        }
        m.minimizeTravel();
        for (int g = 0; g < p.games(); g++) {
            for (int s = 0; s < p.slotCount; s++) {
                if (m.x[g][s] != null) {
                    m.model.addHint(m.x[g][s], st.slotOf[g] == s ? 1 : 0);
                }
            }
        }
        for (LeanCalendarModel.Leg leg : m.legs) {
            m.model.addHint(leg.y(), st.slotOf[leg.g()] == leg.s() && st.slotOf[leg.g2()] == leg.s2() ? 1 : 0);
        }
        CpSolver solver = new CpSolver();
        // the model is all booleans: CP-SAT 9.15's presolve aborted the process here while mapping a complete
        // hint onto the encoding of an integer variable (google/or-tools#5288) on a model with order variables
        solver.getParameters().setNumWorkers(Math.max(1, workers)).setMaxTimeInSeconds(Math.max(0.1, seconds))
                .setRandomSeed((int) (seed & 0x7fffffff));
        Keeper keeper = new Keeper(m, st, onBetter);
        try (StopWatch watch = StopWatch.watch(stop, solver::stopSearch)) {
            solver.solve(m.model, keeper);
        }
        return keeper.kept;
    }

    /**
     * Takes each schedule CP-SAT finds into the state and keeps the better ones. CP-SAT calls it from its own
     * threads, one call at a time, while the caller waits in {@code solve}: the state has one user at a time.
     */
    private static final class Keeper extends CpSolverSolutionCallback {
        private final LeanCalendarModel m;
        private final CalendarState st;
        private final Consumer<CalendarAnnealing.Published> onBetter;
        private int kept;

        Keeper(LeanCalendarModel m, CalendarState st, Consumer<CalendarAnnealing.Published> onBetter) {
            this.m = m;
            this.st = st;
            this.onBetter = onBetter;
        }

        @Override
        public void onSolutionCallback() {
            int[] slot = m.slots(this::booleanValue);
            double before = st.objective();
            st.begin();
            for (int g = 0; g < slot.length; g++) {
                if (slot[g] != st.slotOf[g]) {
                    st.unplace(g);
                }
            }
            for (int g = 0; g < slot.length; g++) {
                if (slot[g] >= 0 && st.slotOf[g] < 0) {
                    st.place(g, slot[g]);
                }
            }
            st.evaluate(0);
            if (st.hard() == 0 && st.unplacedGames() == 0 && st.objective() < before - 1e-9) {
                st.commit();
                kept++;
                onBetter.accept(new CalendarAnnealing.Published(st.snapshot(), st.objective(), 0));
            } else {
                st.rollback();
            }
        }
    }
}
