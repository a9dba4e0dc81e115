package io.flextime.rules.cost;

import io.flextime.rules.RuleFamilies;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cost of a compact double round robin under rules whose families score them (every ITC2021 class:
 * CA1–CA4, GA1, BR1, BR2, FA2, SE1, hard or soft, as OrganizationITC2021_V7 §2.4 and the evaluator
 * define them), without travel. Each constraint's term (its family's) is split into what one team's row
 * contributes (its count, or its own deviation), so a move is scored by recomputing only the terms of
 * the rows it changed; every change of a term's state is journaled, so undoing a move is replaying the
 * journal backwards.
 *
 * <p>Why written here: the evaluator recomputes every constraint from a list of games (the reference,
 * about a millisecond per schedule); the annealing needs the same figures after each of millions of moves.
 * Its schedules are still only candidates: each is checked by the evaluator before it is reported.
 */
public final class ConstraintCost implements ScheduleCost {
    private final int n;
    private final int slots;
    private final boolean phased;
    private final List<Term> terms;
    /** The terms each team's row feeds, and the terms that read each slot: all, or the hard ones only. */
    private final Term[][] byRowAll;
    private final Term[][] bySlotAll;
    private final Term[][] byRowHard;
    private final Term[][] bySlotHard;
    private Term[][] byRow;
    private Term[][] bySlot;
    private boolean scoringSoft = true;
    private final Term[] hardTerms;
    /** move number at which each term was last rescored (each term once per move) */
    private final int[] seenInMove;
    private int move;

    private double soft;
    private int hard;
    private final PhaseTerm phase;
    private int savedPhase;
    private double savedSoft;
    private int savedHard;
    private final Journal journal = new Journal();
    private final Change change = new Change();
    /** Up to this many changed slots, a row is scored from those slots alone where a term can. */
    private static final int SMALL_CHANGE = 4;
    private final int[] rowSlots;

    private ConstraintCost(SeasonIndex ix, boolean phased, List<Term> terms) {
        this.phase = (PhaseTerm) terms.stream().filter(t -> t instanceof PhaseTerm).findFirst().orElse(null);
        this.n = ix.n;
        this.slots = ix.slotCount;
        this.phased = phased;
        this.terms = terms;
        for (Term term : terms) {
            term.hasRow = new boolean[n];
            for (int t : term.rows) {
                term.hasRow[t] = true;
            }
        }
        this.hardTerms = terms.stream().filter(term -> term.hard).toArray(Term[]::new);
        List<Term> hardTerms = List.of(this.hardTerms);
        this.byRowAll = byRow(terms, n);
        this.bySlotAll = bySlot(terms, slots);
        this.byRowHard = byRow(hardTerms, n);
        this.bySlotHard = bySlot(hardTerms, slots);
        this.byRow = byRowAll;
        this.bySlot = bySlotAll;
        this.seenInMove = new int[terms.size()];
        this.rowSlots = new int[slots];
        for (int k = 0; k < terms.size(); k++) {
            terms.get(k).id = k;
        }
    }

    private static Term[][] byRow(List<Term> terms, int n) {
        List<List<Term>> rows = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            rows.add(new ArrayList<>());
        }
        for (Term term : terms) {
            for (int t : term.rows) {
                rows.get(t).add(term);
            }
        }
        Term[][] out = new Term[n][];
        for (int t = 0; t < n; t++) {
            out[t] = rows.get(t).toArray(new Term[0]);
        }
        return out;
    }

    private static Term[][] bySlot(List<Term> terms, int slots) {
        List<List<Term>> readers = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            readers.add(new ArrayList<>());
        }
        for (Term term : terms) {
            for (int s = 0; s < slots; s++) {
                if (term.reads == null || term.reads[s]) {
                    readers.get(s).add(term);
                }
            }
        }
        Term[][] out = new Term[slots][];
        for (int s = 0; s < slots; s++) {
            out[s] = readers.get(s).toArray(new Term[0]);
        }
        return out;
    }

    /**
     * The cost for {@code season} when it is a compact double round robin (phased or not, no given
     * matchups, not mirrored) whose objective is rule penalties alone, every rule of a type its family
     * scores; else empty.
     */
    public static Optional<Supplier<ScheduleCost>> of(Season season, SeasonIndex ix, ObjectiveWeights weights) {
        SeasonFormat f = season.format();
        if (!f.compact() || f.roundRobin() != SeasonFormat.RoundRobin.DOUBLE || f.mirrored() || !season.matchups().isEmpty()
                || ix.n < 4 || ix.n % 2 != 0 || ix.slotCount != 2 * (ix.n - 1) || (ix.hasTravel() && weights.travel() > 0)
                || (f.minRestDays() != null && f.minRestDays() > 0)) {
            return Optional.empty();
        }
        for (SeasonConstraint c : season.constraints()) {
            if (!c.wellFormed() || !RuleFamilies.of(c).scored()) {
                return Optional.empty();
            }
        }
        // Resolved once here (it validates every team and slot); each thread gets fresh term state.
        for (SeasonConstraint c : season.constraints()) {
            term(c, ix, weights);
        }
        return Optional.of(() -> {
            List<Term> terms = new ArrayList<>();
            for (SeasonConstraint c : season.constraints()) {
                Term term = term(c, ix, weights);
                if (term != null) {
                    terms.add(term);
                }
            }
            if (f.phased()) {
                terms.add(new PhaseTerm(ix.teams(List.of(), "phase"), ix.slotCount));
            }
            return new ConstraintCost(ix, f.phased(), terms);
        });
    }

    /** The term of one constraint; null for a soft constraint that costs nothing. */
    private static Term term(SeasonConstraint c, SeasonIndex ix, ObjectiveWeights weights) {
        double unit = c.hard() ? 0 : c.penalty() * weights.penalty();
        if (!c.hard() && unit <= 0) {
            return null;
        }
        Term term = RuleFamilies.of(c).term(ix, c, c.rule(), unit);
        term.constraintId = c.id();
        return term;
    }

    // ---- ScheduleCost ----

    @Override
    public void reset(int[][] opp, boolean[][] home) {
        journal.clear();
        soft = 0;
        hard = 0;
        for (Term term : terms) {
            if (!term.hard && !scoringSoft) {
                continue;
            }
            term.reset(opp, home);
            if (term.hard) {
                hard += term.deviation[0];
            } else {
                soft += term.unit * term.deviation[0];
            }
        }
        journal.clear();
    }

    @Override
    public void rescore(int[][] opp, boolean[][] home, int[][] oldOpp, boolean[][] oldHome, int[] rows, int count, int[] slots,
            int slotCount) {
        journal.clear();
        savedSoft = soft;
        savedHard = hard;
        savedPhase = phase == null ? 0 : phase.deviation[0];
        move++;
        if (slotCount <= SMALL_CHANGE) {
            // small moves (a few slots): the terms reading those slots, each for the changed rows it has,
            // scored from the changed slots where the term can (a count or a few windows, not the whole row)
            Change change = this.change.of(opp, home, oldOpp, oldHome, slots, slotCount);
            for (int k = 0; k < slotCount; k++) {
                for (Term term : bySlot[slots[k]]) {
                    if (seenInMove[term.id] != move) {
                        seenInMove[term.id] = move;
                        for (int r = 0; r < count; r++) {
                            if (term.hasRow[rows[r]]) {
                                rescoreIn(term, rows[r], change);
                            }
                        }
                    }
                }
            }
            return;
        }
        // large moves: each row by the slots where it changed (SwapTeams changes two rows everywhere and
        // every other row in two slots)
        for (int k = 0; k < count; k++) {
            int t = rows[k];
            int changed = 0;
            for (int c = 0; c < slotCount; c++) {
                int s = slots[c];
                if (opp[t][s] != oldOpp[t][s] || home[t][s] != oldHome[t][s]) {
                    rowSlots[changed++] = s;
                }
            }
            if (changed == 0) {
                continue;
            }
            if (changed <= SMALL_CHANGE) {
                Change change = this.change.of(opp, home, oldOpp, oldHome, rowSlots, changed);
                for (Term term : byRow[t]) {
                    rescoreIn(term, t, change);
                }
            } else {
                for (Term term : byRow[t]) {
                    rescore(term, t, opp, home);
                }
            }
        }
    }

    private void rescore(Term term, int row, int[][] opp, boolean[][] home) {
        int before = term.deviation[0];
        term.rowChanged(row, opp, home, journal);
        count(term, term.deviation[0] - before);
    }

    private void rescoreIn(Term term, int row, Change change) {
        int before = term.deviation[0];
        term.rowChangedIn(row, change, journal);
        count(term, term.deviation[0] - before);
    }

    private void count(Term term, int delta) {
        if (delta != 0) {
            if (term.hard) {
                hard += delta;
            } else {
                soft += term.unit * delta;
            }
        }
    }

    /** Soft terms off (0, not rescored: most of a large instance's terms) while only feasibility counts. */
    @Override
    public void scoreSoft(boolean on, int[][] opp, boolean[][] home) {
        scoringSoft = on;
        byRow = on ? byRowAll : byRowHard;
        bySlot = on ? bySlotAll : bySlotHard;
        reset(opp, home);
    }

    @Override
    public void accept() {
        journal.clear();
    }

    @Override
    public void undo() {
        journal.rollBack();
        soft = savedSoft;
        hard = savedHard;
    }

    @Override
    public double soft() {
        return soft;
    }

    /**
     * A broken hard term drawn at random (by reservoir over the hard terms), then one of its rows (one
     * with a deviation of its own where the term keeps them) and one of the slots it reads.
     */
    @Override
    public boolean brokenSpot(java.util.SplittableRandom random, int[] spot) {
        Term chosen = null;
        int seen = 0;
        for (Term term : hardTerms) {
            if (term.deviation[0] > 0 && random.nextInt(++seen) == 0) {
                chosen = term;
            }
        }
        if (chosen == null) {
            return false;
        }
        spot[0] = chosen.brokenRow(random);
        spot[1] = chosen.readSlot(random, slots);
        return true;
    }

    /** A move that makes a pair meet twice in one half of a phased season is no move (the phase is structure). */
    @Override
    public boolean breaksStructure() {
        return phase != null && phase.deviation[0] > savedPhase;
    }

    @Override
    public int hard() {
        return hard;
    }

    @Override
    public double scale() {
        return 0; // penalties differ by constraint and moves by reach: the annealing measures it
    }

    @Override
    public boolean phased() {
        return phased;
    }

    /** The current deviation of each constraint the cost scores, by constraint id (the phase left out). */
    public java.util.Map<String, Integer> deviations() {
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (Term term : terms) {
            if (term.constraintId != null) {
                out.put(term.constraintId, term.deviation[0]);
            }
        }
        return out;
    }
}
