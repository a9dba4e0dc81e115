package io.flextime.solve.engine;

import io.flextime.core.model.ConstraintParams;
import io.flextime.core.model.ConstraintType;
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
 * The cost of a compact double round robin under RobinX constraints (every ITC2021 class: CA1–CA4, GA1,
 * BR1, BR2, FA2, SE1, hard or soft, as OrganizationITC2021_V7 §2.4 and the evaluator define them),
 * without travel. Each constraint is split into what one team's row contributes (its count, or its own
 * deviation), so a move is scored by recomputing only the terms of the rows it changed; every change of
 * a term's state is journaled, so undoing a move is replaying the journal backwards.
 *
 * <p>Why written here: the evaluator recomputes every constraint from a list of games (the reference,
 * about a millisecond per schedule); the annealing needs the same figures after each of millions of moves.
 * Its schedules are still only candidates: each is checked by the evaluator before it is reported.
 */
final class ConstraintCost implements ScheduleCost {
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
     * matchups, not mirrored) whose objective is RobinX penalties alone; else empty.
     */
    static Optional<Supplier<ScheduleCost>> of(Season season, SeasonIndex ix, ObjectiveWeights weights) {
        SeasonFormat f = season.format();
        if (!f.compact() || f.roundRobin() != SeasonFormat.RoundRobin.DOUBLE || f.mirrored() || !season.matchups().isEmpty()
                || ix.n < 4 || ix.n % 2 != 0 || ix.slotCount != 2 * (ix.n - 1) || (ix.hasTravel() && weights.travel() > 0)
                || (f.minRestDays() != null && f.minRestDays() > 0)) {
            return Optional.empty();
        }
        for (SeasonConstraint c : season.constraints()) {
            if (!c.type().isRobinX()) {
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
        ConstraintParams p = new ConstraintParams(c);
        int min = p.integer("min", 0);
        int max = p.integer("max", Integer.MAX_VALUE);
        ConstraintType type = c.type();
        return switch (type) {
            case CA1 -> new CountInSlots(c.hard(), unit, ix.teams(p.strings("teams"), c.id()),
                    mask(ix.slotCount, ix.slots(p.integers("slots"), c.id())), null, venue(p.text(p.has("mode") ? "mode" : "mode1", "H")),
                    min, max, ix.n);
            case CA2 -> new CountInSlots(c.hard(), unit, ix.teams(p.strings("teams1"), c.id()),
                    mask(ix.slotCount, ix.slots(p.integers("slots"), c.id())), mask(ix.n, ix.teams(p.strings("teams2"), c.id())),
                    venue(p.text("mode1", "HA")), min, max, ix.n);
            case CA3 -> new CountInWindows(c.hard(), unit, ix.teams(p.strings("teams1"), c.id()),
                    mask(ix.n, ix.teams(p.strings("teams2"), c.id())), venue(p.text("mode1", "HA")), p.integer("intp"), min, max,
                    ix.n);
            case CA4 -> ca4(c, p, ix, unit, min, max);
            case GA1 -> meetings(c, p, ix, unit, min, max);
            case BR1 -> new BreaksPerTeam(c.hard(), unit, ix.teams(p.strings("teams"), c.id()),
                    mask(ix.slotCount, ix.slots(p.integers("slots"), c.id())), venue(p.text(p.has("mode2") ? "mode2" : "mode", "HA")),
                    p.integer("intp"), ix.n);
            case BR2 -> new TotalBreaks(c.hard(), unit, ix.teams(p.strings("teams"), c.id()),
                    mask(ix.slotCount, ix.slots(p.integers("slots"), c.id())), p.integer("intp"), ix.n);
            case FA2 -> new HomeBalance(c.hard(), unit, ix.teams(p.strings("teams"), c.id()),
                    mask(ix.slotCount, ix.slots(p.integers("slots"), c.id())), p.integer("intp"), ix.n);
            case SE1 -> new Separation(c.hard(), unit, ix.teams(p.strings("teams"), c.id()), p.integer("min"), ix.n);
            default -> throw new IllegalArgumentException("constraint " + c.id() + ": " + type + " is not a RobinX class");
        };
    }

    private static Term ca4(SeasonConstraint c, ConstraintParams p, SeasonIndex ix, double unit, int min, int max) {
        String mode = p.text("mode1", "HA");
        boolean[] t1 = mask(ix.n, ix.teams(p.strings("teams1"), c.id()));
        boolean[] t2 = mask(ix.n, ix.teams(p.strings("teams2"), c.id()));
        // counted[h][a]: a game of h at home against a counts (the evaluator's rule, seen from the home team)
        int[][] counted = new int[ix.n][ix.n];
        boolean[] rows = new boolean[ix.n];
        for (int h = 0; h < ix.n; h++) {
            for (int a = 0; a < ix.n; a++) {
                boolean yes = switch (mode) {
                    case "H" -> t1[h] && t2[a];
                    case "A" -> t1[a] && t2[h];
                    default -> (t1[h] && t2[a]) || (t1[a] && t2[h]);
                };
                if (yes && h != a) {
                    counted[h][a] = 1;
                    rows[h] = true;
                }
            }
        }
        boolean[] inSlots = mask(ix.slotCount, ix.slots(p.integers("slots"), c.id()));
        if ("EVERY".equals(p.text("mode2", "GLOBAL"))) {
            return new HomeGamesPerSlot(c.hard(), unit, indexes(rows), inSlots, counted, min, max, ix.n, ix.slotCount);
        }
        return new HomeGamesInSlots(c.hard(), unit, indexes(rows), inSlots, counted, min, max, ix.n);
    }

    private static Term meetings(SeasonConstraint c, ConstraintParams p, SeasonIndex ix, double unit, int min, int max) {
        int[][] counted = new int[ix.n][ix.n];
        boolean[] rows = new boolean[ix.n];
        for (String[] m : p.meetings("meetings")) {
            int h = ix.team(m[0], c.id());
            int a = ix.team(m[1], c.id());
            counted[h][a]++;
            rows[h] = true;
        }
        return new HomeGamesInSlots(c.hard(), unit, indexes(rows),
                mask(ix.slotCount, ix.slots(p.integers("slots"), c.id())), counted, min, max, ix.n);
    }

    private static boolean[] mask(int size, int[] members) {
        boolean[] m = new boolean[size];
        for (int x : members) {
            m[x] = true;
        }
        return m;
    }

    private static int[] indexes(boolean[] mask) {
        int count = 0;
        for (boolean b : mask) {
            count += b ? 1 : 0;
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** 1: home games only, 2: away games only, 3: both. */
    private static int venue(String mode) {
        return switch (mode) {
            case "H" -> 1;
            case "A" -> 2;
            default -> 3;
        };
    }

    private static boolean counts(int venue, boolean atHome) {
        return (venue & (atHome ? 1 : 2)) != 0;
    }

    static int outside(int count, int min, int max) {
        return Math.max(0, count - max) + Math.max(0, min - count);
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

    /** Old values of every int written since the last clear, to write them back in reverse order. */
    static final class Journal {
        private int[][] arrays = new int[1024][];
        private int[] positions = new int[1024];
        private int[] values = new int[1024];
        private int size;

        void set(int[] array, int position, int value) {
            if (array[position] == value) {
                return;
            }
            if (size == arrays.length) {
                arrays = java.util.Arrays.copyOf(arrays, size * 2);
                positions = java.util.Arrays.copyOf(positions, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            arrays[size] = array;
            positions[size] = position;
            values[size] = array[position];
            size++;
            array[position] = value;
        }

        void rollBack() {
            for (int k = size - 1; k >= 0; k--) {
                arrays[k][positions[k]] = values[k];
                arrays[k] = null;
            }
            size = 0;
        }

        void clear() {
            for (int k = 0; k < size; k++) {
                arrays[k] = null;
            }
            size = 0;
        }
    }

    /** A small move: the rows now and before, and the few slots where they differ. */
    static final class Change {
        int[][] opp;
        boolean[][] home;
        int[][] oldOpp;
        boolean[][] oldHome;
        int[] slots;
        int count;

        Change of(int[][] opp, boolean[][] home, int[][] oldOpp, boolean[][] oldHome, int[] slots, int count) {
            this.opp = opp;
            this.home = home;
            this.oldOpp = oldOpp;
            this.oldHome = oldHome;
            this.slots = slots;
            this.count = count;
            return this;
        }

        /** Whether slot s is among the changed ones before index k (so a position reached from both is scored once). */
        boolean changedBefore(int s, int k) {
            for (int j = 0; j < k; j++) {
                if (slots[j] == s) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One constraint's share of the cost. {@code deviation[0]} is its deviation (an array so the journal
     * can restore it); {@code rows} are the teams whose rows it reads.
     */
    abstract static class Term {
        final boolean hard;
        final double unit;
        final int[] rows;
        final int[] deviation = new int[1];
        /** The slots whose games the term reads; null: all. */
        boolean[] reads;
        boolean[] hasRow;
        int id;

        Term(boolean hard, double unit, int[] rows) {
            this.hard = hard;
            this.unit = unit;
            this.rows = rows;
        }

        abstract void reset(int[][] opp, boolean[][] home);

        /** One of its rows; {@link PerRow} picks one with a deviation. */
        int brokenRow(java.util.SplittableRandom random) {
            return rows[random.nextInt(rows.length)];
        }

        /** One of the slots it reads. */
        int readSlot(java.util.SplittableRandom random, int slots) {
            if (reads == null) {
                return random.nextInt(slots);
            }
            int chosen = 0;
            int seen = 0;
            for (int s = 0; s < reads.length; s++) {
                if (reads[s] && random.nextInt(++seen) == 0) {
                    chosen = s;
                }
            }
            return chosen;
        }

        abstract void rowChanged(int t, int[][] opp, boolean[][] home, Journal journal);

        /** Row t changed in {@code change.slots} only: by default rescored whole. */
        void rowChangedIn(int t, Change change, Journal journal) {
            rowChanged(t, change.opp, change.home, journal);
        }
    }

    /** A deviation that is the sum of each row's own deviation (CA1, CA2, CA3, BR1, SE1, phase). */
    abstract static class PerRow extends Term {
        final int[] rowDeviation;

        PerRow(boolean hard, double unit, int[] rows, int n) {
            super(hard, unit, rows);
            this.rowDeviation = new int[n];
        }

        abstract int rowDeviation(int t, int[][] opp, boolean[][] home);

        @Override
        int brokenRow(java.util.SplittableRandom random) {
            int chosen = rows[0];
            int seen = 0;
            for (int t : rows) {
                if (rowDeviation[t] > 0 && random.nextInt(++seen) == 0) {
                    chosen = t;
                }
            }
            return chosen;
        }

        @Override
        void reset(int[][] opp, boolean[][] home) {
            int total = 0;
            for (int t : rows) {
                rowDeviation[t] = rowDeviation(t, opp, home);
                total += rowDeviation[t];
            }
            deviation[0] = total;
        }

        @Override
        void rowChanged(int t, int[][] opp, boolean[][] home, Journal journal) {
            setRowDeviation(t, rowDeviation(t, opp, home), journal);
        }

        final void setRowDeviation(int t, int now, Journal journal) {
            int before = rowDeviation[t];
            if (now != before) {
                journal.set(rowDeviation, t, now);
                journal.set(deviation, 0, deviation[0] + now - before);
            }
        }
    }

    /**
     * A row deviation that follows from one count of the row (CA1, CA2, BR1): the count is kept, so a
     * small move only counts what changed in its slots.
     */
    abstract static class CountedRow extends PerRow {
        final int[] rowCount;

        CountedRow(boolean hard, double unit, int[] rows, int n) {
            super(hard, unit, rows, n);
            this.rowCount = new int[n];
        }

        abstract int count(int t, int[][] opp, boolean[][] home);

        /** How much the count of row t changed with {@code change}. */
        abstract int countChange(int t, Change change);

        abstract int deviationOf(int count);

        @Override
        final int rowDeviation(int t, int[][] opp, boolean[][] home) {
            return deviationOf(count(t, opp, home));
        }

        @Override
        void reset(int[][] opp, boolean[][] home) {
            int total = 0;
            for (int t : rows) {
                rowCount[t] = count(t, opp, home);
                rowDeviation[t] = deviationOf(rowCount[t]);
                total += rowDeviation[t];
            }
            deviation[0] = total;
        }

        @Override
        void rowChanged(int t, int[][] opp, boolean[][] home, Journal journal) {
            setCount(t, count(t, opp, home), journal);
        }

        @Override
        void rowChangedIn(int t, Change change, Journal journal) {
            setCount(t, rowCount[t] + countChange(t, change), journal);
        }

        private void setCount(int t, int now, Journal journal) {
            if (now != rowCount[t]) {
                journal.set(rowCount, t, now);
                setRowDeviation(t, deviationOf(now), journal);
            }
        }
    }

    /** CA1 and CA2: a team's games (at a venue, against some teams) in some slots, between min and max. */
    static final class CountInSlots extends CountedRow {
        private final int[] slotList;
        private final boolean[] against;
        private final int venue;
        private final int min;
        private final int max;

        CountInSlots(boolean hard, double unit, int[] teams, boolean[] inSlots, boolean[] against, int venue, int min, int max, int n) {
            super(hard, unit, teams, n);
            this.slotList = indexes(inSlots);
            this.reads = inSlots;
            this.against = against;
            this.venue = venue;
            this.min = min;
            this.max = max;
        }

        @Override
        int count(int t, int[][] opp, boolean[][] home) {
            int count = 0;
            int[] o = opp[t];
            boolean[] h = home[t];
            for (int s : slotList) {
                count += game(o[s], h[s]);
            }
            return count;
        }

        private int game(int opponent, boolean atHome) {
            return counts(venue, atHome) && (against == null || against[opponent]) ? 1 : 0;
        }

        @Override
        int countChange(int t, Change change) {
            int delta = 0;
            for (int k = 0; k < change.count; k++) {
                int s = change.slots[k];
                if (reads[s]) {
                    delta += game(change.opp[t][s], change.home[t][s]) - game(change.oldOpp[t][s], change.oldHome[t][s]);
                }
            }
            return delta;
        }

        @Override
        int deviationOf(int count) {
            return outside(count, min, max);
        }
    }

    /** CA3: in every run of {@code window} consecutive slots, a team's games against some teams between min and max. */
    static final class CountInWindows extends PerRow {
        private final boolean[] against;
        private final int venue;
        private final int window;
        private final int min;
        private final int max;

        CountInWindows(boolean hard, double unit, int[] teams, boolean[] against, int venue, int window, int min, int max, int n) {
            super(hard, unit, teams, n);
            this.against = against;
            this.venue = venue;
            this.window = window;
            this.min = min;
            this.max = max;
        }

        @Override
        int rowDeviation(int t, int[][] opp, boolean[][] home) {
            int[] o = opp[t];
            boolean[] h = home[t];
            int dev = 0;
            int count = 0;
            for (int s = 0; s < o.length; s++) {
                count += counts(venue, h[s]) && against[o[s]] ? 1 : 0;
                if (s >= window) {
                    count -= counts(venue, h[s - window]) && against[o[s - window]] ? 1 : 0;
                }
                if (s >= window - 1) {
                    dev += outside(count, min, max);
                }
            }
            return dev;
        }

        /**
         * Only the windows through a changed slot whose game counts differently now, each window once,
         * counted before and after (most changes swap games the term counts alike: nothing to do).
         */
        @Override
        void rowChangedIn(int t, Change change, Journal journal) {
            int[] o = change.opp[t];
            boolean[] h = change.home[t];
            int[] oldO = change.oldOpp[t];
            boolean[] oldH = change.oldHome[t];
            boolean any = false;
            for (int k = 0; k < change.count && !any; k++) {
                int s = change.slots[k];
                any = game(o[s], h[s]) != game(oldO[s], oldH[s]);
            }
            if (!any) {
                return;
            }
            int slots = o.length;
            int delta = 0;
            for (int k = 0; k < change.count; k++) {
                int s = change.slots[k];
                if (game(o[s], h[s]) == game(oldO[s], oldH[s])) {
                    continue;
                }
                for (int w = Math.max(0, s - window + 1); w <= Math.min(s, slots - window); w++) {
                    if (!windowSeenBefore(change, k, w, o, h, oldO, oldH)) {
                        delta += outside(windowCount(o, h, w), min, max) - outside(windowCount(oldO, oldH, w), min, max);
                    }
                }
            }
            if (delta != 0) {
                setRowDeviation(t, rowDeviation[t] + delta, journal);
            }
        }

        private int game(int opponent, boolean atHome) {
            return counts(venue, atHome) && against[opponent] ? 1 : 0;
        }

        /** Whether window w holds a slot listed before index k whose count changed (then it was scored there). */
        private boolean windowSeenBefore(Change change, int k, int w, int[] o, boolean[] h, int[] oldO, boolean[] oldH) {
            for (int j = 0; j < k; j++) {
                int s = change.slots[j];
                if (s >= w && s < w + window && game(o[s], h[s]) != game(oldO[s], oldH[s])) {
                    return true;
                }
            }
            return false;
        }

        private int windowCount(int[] o, boolean[] h, int w) {
            int count = 0;
            for (int s = w; s < w + window; s++) {
                count += game(o[s], h[s]);
            }
            return count;
        }
    }

    /** BR1: a team's breaks (home or away, as the slot before) in some slots, at most intp. */
    static final class BreaksPerTeam extends CountedRow {
        private final boolean[] at;
        private final int[] inSlots;
        private final int venue;
        private final int most;

        BreaksPerTeam(boolean hard, double unit, int[] teams, boolean[] inSlots, int venue, int most, int n) {
            super(hard, unit, teams, n);
            this.at = inSlots;
            this.inSlots = indexes(inSlots);
            this.reads = withPrevious(inSlots);
            this.venue = venue;
            this.most = most;
        }

        @Override
        int count(int t, int[][] opp, boolean[][] home) {
            return breaks(home[t], inSlots, venue);
        }

        @Override
        int countChange(int t, Change change) {
            return breaksChange(change.oldHome[t], change.home[t], at, venue, change);
        }

        @Override
        int deviationOf(int count) {
            return Math.max(0, count - most);
        }
    }

    /** The slots and the slot before each: a break in s reads s and s - 1. */
    static boolean[] withPrevious(boolean[] inSlots) {
        boolean[] out = inSlots.clone();
        for (int s = 1; s < inSlots.length; s++) {
            out[s - 1] |= inSlots[s];
        }
        return out;
    }

    /**
     * How many more breaks {@code after} has than {@code before} in the slots {@code at}, where they differ
     * only in the changed slots: a change in s can only make or end the breaks in s and s + 1.
     */
    static int breaksChange(boolean[] before, boolean[] after, boolean[] at, int venue, Change change) {
        int delta = 0;
        for (int k = 0; k < change.count; k++) {
            // a break in p reads p - 1 and p: scored at the first changed slot that is either
            for (int p = change.slots[k]; p <= change.slots[k] + 1 && p < at.length; p++) {
                if (at[p] && !change.changedBefore(p, k) && !change.changedBefore(p - 1, k)) {
                    delta += isBreak(after, p, venue) - isBreak(before, p, venue);
                }
            }
        }
        return delta;
    }

    private static int isBreak(boolean[] home, int s, int venue) {
        return s > 0 && home[s] == home[s - 1] && counts(venue, home[s]) ? 1 : 0;
    }

    /** Breaks in the listed slots (ascending): same venue as in the slot before. */
    static int breaks(boolean[] home, int[] slotList, int venue) {
        int count = 0;
        for (int s : slotList) {
            if (s > 0 && home[s] == home[s - 1] && counts(venue, home[s])) {
                count++;
            }
        }
        return count;
    }

    /** SE1: two meetings of a pair at least {@code min} slots apart; each pair scored by its lower-numbered team. */
    static final class Separation extends PerRow {
        private final boolean[] member;
        private final int min;
        private final int[] seen;

        Separation(boolean hard, double unit, int[] teams, int min, int n) {
            super(hard, unit, teams, n);
            this.member = mask(n, teams);
            this.min = min;
            this.seen = new int[n];
        }

        @Override
        int rowDeviation(int t, int[][] opp, boolean[][] home) {
            java.util.Arrays.fill(seen, -1);
            int dev = 0;
            int[] o = opp[t];
            for (int s = 0; s < o.length; s++) {
                int j = o[s];
                if (j > t && member[j]) {
                    if (seen[j] >= 0) {
                        dev += Math.max(0, min - (s - seen[j] - 1));
                    }
                    seen[j] = s;
                }
            }
            return dev;
        }
    }

    /** Phased seasons: each pair meets once in each half; a pair meeting twice in one half is one unit, hard. */
    static final class PhaseTerm extends PerRow {
        private final int half;
        private final int[] seen;

        PhaseTerm(int[] everyTeam, int slots) {
            super(true, 0, everyTeam, everyTeam.length);
            this.half = slots / 2;
            this.seen = new int[everyTeam.length];
        }

        @Override
        int rowDeviation(int t, int[][] opp, boolean[][] home) {
            java.util.Arrays.fill(seen, 0);
            int dev = 0;
            int[] o = opp[t];
            for (int s = 0; s < half; s++) {
                if (o[s] > t && seen[o[s]]++ > 0) {
                    dev++;
                }
            }
            java.util.Arrays.fill(seen, 0);
            for (int s = half; s < o.length; s++) {
                if (o[s] > t && seen[o[s]]++ > 0) {
                    dev++;
                }
            }
            return dev;
        }
    }

    /** A deviation of the total over rows, between min and max (CA4 GLOBAL, GA1, BR2). */
    abstract static class Total extends Term {
        final int[] rowCount;
        final int[] total = new int[1];
        final int min;
        final int max;

        Total(boolean hard, double unit, int[] rows, int min, int max, int n) {
            super(hard, unit, rows);
            this.rowCount = new int[n];
            this.min = min;
            this.max = max;
        }

        abstract int rowCount(int t, int[][] opp, boolean[][] home);

        @Override
        void reset(int[][] opp, boolean[][] home) {
            int sum = 0;
            for (int t : rows) {
                rowCount[t] = rowCount(t, opp, home);
                sum += rowCount[t];
            }
            total[0] = sum;
            deviation[0] = outside(sum, min, max);
        }

        /** How much row t's count changed with {@code change} (a small move). */
        abstract int countChange(int t, Change change);

        @Override
        void rowChanged(int t, int[][] opp, boolean[][] home, Journal journal) {
            setRowCount(t, rowCount(t, opp, home), journal);
        }

        @Override
        void rowChangedIn(int t, Change change, Journal journal) {
            setRowCount(t, rowCount[t] + countChange(t, change), journal);
        }

        private void setRowCount(int t, int now, Journal journal) {
            int before = rowCount[t];
            if (now != before) {
                journal.set(rowCount, t, now);
                journal.set(total, 0, total[0] + now - before);
                journal.set(deviation, 0, outside(total[0], min, max));
            }
        }
    }

    /** CA4 GLOBAL and GA1: home games of listed pairings in some slots, counted from the home team's row. */
    static final class HomeGamesInSlots extends Total {
        private final int[] slotList;
        private final int[][] counted;

        HomeGamesInSlots(boolean hard, double unit, int[] rows, boolean[] inSlots, int[][] counted, int min, int max, int n) {
            super(hard, unit, rows, min, max, n);
            this.slotList = indexes(inSlots);
            this.reads = inSlots;
            this.counted = counted;
        }

        @Override
        int rowCount(int t, int[][] opp, boolean[][] home) {
            int count = 0;
            int[] weight = counted[t];
            int[] o = opp[t];
            boolean[] h = home[t];
            for (int s : slotList) {
                if (h[s]) {
                    count += weight[o[s]];
                }
            }
            return count;
        }

        @Override
        int countChange(int t, Change change) {
            int[] weight = counted[t];
            int delta = 0;
            for (int k = 0; k < change.count; k++) {
                int s = change.slots[k];
                if (reads[s]) {
                    delta += (change.home[t][s] ? weight[change.opp[t][s]] : 0)
                            - (change.oldHome[t][s] ? weight[change.oldOpp[t][s]] : 0);
                }
            }
            return delta;
        }
    }

    /** BR2: the teams' breaks in some slots, together at most intp. */
    static final class TotalBreaks extends Total {
        private final boolean[] at;
        private final int[] inSlots;

        TotalBreaks(boolean hard, double unit, int[] teams, boolean[] inSlots, int most, int n) {
            super(hard, unit, teams, 0, most, n);
            this.at = inSlots;
            this.inSlots = indexes(inSlots);
            this.reads = withPrevious(inSlots);
        }

        @Override
        int rowCount(int t, int[][] opp, boolean[][] home) {
            return breaks(home[t], inSlots, 3);
        }

        @Override
        int countChange(int t, Change change) {
            return breaksChange(change.oldHome[t], change.home[t], at, 3, change);
        }
    }

    /** CA4 EVERY: in each of some slots, home games of listed pairings between min and max. */
    static final class HomeGamesPerSlot extends Term {
        private final boolean[] inSlots;
        private final int[][] counted;
        private final int min;
        private final int max;
        /** cell[t * slots + s]: what t's home game in s adds to slot s's count */
        private final int[] cell;
        private final int[] slotTotal;
        private final int slots;

        HomeGamesPerSlot(boolean hard, double unit, int[] rows, boolean[] inSlots, int[][] counted, int min, int max, int n, int slots) {
            super(hard, unit, rows);
            this.inSlots = inSlots;
            this.reads = inSlots;
            this.counted = counted;
            this.min = min;
            this.max = max;
            this.slots = slots;
            this.cell = new int[n * slots];
            this.slotTotal = new int[slots];
        }

        private int cellOf(int t, int s, int[][] opp, boolean[][] home) {
            return home[t][s] ? counted[t][opp[t][s]] : 0;
        }

        @Override
        void reset(int[][] opp, boolean[][] home) {
            java.util.Arrays.fill(slotTotal, 0);
            for (int t : rows) {
                for (int s = 0; s < slots; s++) {
                    if (inSlots[s]) {
                        cell[t * slots + s] = cellOf(t, s, opp, home);
                        slotTotal[s] += cell[t * slots + s];
                    }
                }
            }
            int dev = 0;
            for (int s = 0; s < slots; s++) {
                if (inSlots[s]) {
                    dev += outside(slotTotal[s], min, max);
                }
            }
            deviation[0] = dev;
        }

        @Override
        void rowChanged(int t, int[][] opp, boolean[][] home, Journal journal) {
            for (int s = 0; s < slots; s++) {
                if (inSlots[s]) {
                    cellChanged(t, s, opp, home, journal);
                }
            }
        }

        @Override
        void rowChangedIn(int t, Change change, Journal journal) {
            for (int k = 0; k < change.count; k++) {
                int s = change.slots[k];
                if (inSlots[s]) {
                    cellChanged(t, s, change.opp, change.home, journal);
                }
            }
        }

        private void cellChanged(int t, int s, int[][] opp, boolean[][] home, Journal journal) {
            int now = cellOf(t, s, opp, home);
            int before = cell[t * slots + s];
            if (now != before) {
                int totalBefore = slotTotal[s];
                int totalNow = totalBefore + now - before;
                journal.set(cell, t * slots + s, now);
                journal.set(slotTotal, s, totalNow);
                journal.set(deviation, 0, deviation[0] + outside(totalNow, min, max) - outside(totalBefore, min, max));
            }
        }
    }

    /**
     * FA2: for each pair of the teams, the difference of their home games played so far, at every listed
     * slot, at most intp; a pair's deviation is its worst excess. Each row keeps its home games so far at
     * the listed slots; a changed row rescores the pairs it is in (a pair of two changed rows twice, to
     * the same value).
     */
    static final class HomeBalance extends Term {
        private final int[] checked;
        private final int most;
        private final int n;
        private final int[] pairDeviation;
        /** homeSoFar[t * checked.length + k]: t's home games up to and including slot checked[k] */
        private final int[] homeSoFar;

        HomeBalance(boolean hard, double unit, int[] teams, boolean[] inSlots, int most, int n) {
            super(hard, unit, teams);
            this.checked = indexes(inSlots);
            this.reads = new boolean[inSlots.length];
            for (int s = inSlots.length - 1, last = -1; s >= 0; s--) {
                last = inSlots[s] ? s : last;
                reads[s] = last >= 0; // home games so far count at every later listed slot
            }
            this.most = most;
            this.n = n;
            this.pairDeviation = new int[n * n];
            this.homeSoFar = new int[n * checked.length];
        }

        /** Recounts t's home games so far; true when they changed. */
        private boolean count(int t, boolean[] h, Journal journal) {
            boolean changed = false;
            int so = 0;
            int s = 0;
            for (int k = 0; k < checked.length; k++) {
                for (; s <= checked[k]; s++) {
                    so += h[s] ? 1 : 0;
                }
                changed |= homeSoFar[t * checked.length + k] != so;
                if (journal == null) {
                    homeSoFar[t * checked.length + k] = so;
                } else {
                    journal.set(homeSoFar, t * checked.length + k, so);
                }
            }
            return changed;
        }

        private int pair(int i, int j) {
            int worst = 0;
            int a = i * checked.length;
            int b = j * checked.length;
            for (int k = 0; k < checked.length; k++) {
                worst = Math.max(worst, Math.abs(homeSoFar[a + k] - homeSoFar[b + k]) - most);
            }
            return worst;
        }

        @Override
        void reset(int[][] opp, boolean[][] home) {
            for (int t : rows) {
                count(t, home[t], null);
            }
            int dev = 0;
            for (int a = 0; a < rows.length; a++) {
                for (int b = a + 1; b < rows.length; b++) {
                    int i = Math.min(rows[a], rows[b]);
                    int j = Math.max(rows[a], rows[b]);
                    pairDeviation[i * n + j] = pair(i, j);
                    dev += pairDeviation[i * n + j];
                }
            }
            deviation[0] = dev;
        }

        /** Only venues count: a change of opponents alone changes nothing. */
        @Override
        void rowChangedIn(int t, Change change, Journal journal) {
            for (int k = 0; k < change.count; k++) {
                int s = change.slots[k];
                if (change.home[t][s] != change.oldHome[t][s]) {
                    rowChanged(t, change.opp, change.home, journal);
                    return;
                }
            }
        }

        @Override
        void rowChanged(int t, int[][] opp, boolean[][] home, Journal journal) {
            if (!count(t, home[t], journal)) {
                return;
            }
            for (int other : rows) {
                if (other == t) {
                    continue;
                }
                int i = Math.min(t, other);
                int j = Math.max(t, other);
                int now = pair(i, j);
                int before = pairDeviation[i * n + j];
                if (now != before) {
                    journal.set(pairDeviation, i * n + j, now);
                    journal.set(deviation, 0, deviation[0] + now - before);
                }
            }
        }
    }
}
