package io.flextime.solve.calendar;

import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat.RoundRobin;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonIndex;
import io.flextime.core.model.Slot;
import io.flextime.core.rules.Br1;
import io.flextime.core.rules.Ca1;
import io.flextime.core.rules.Ca2;
import io.flextime.core.rules.Ca3;
import io.flextime.core.rules.Ca4;
import io.flextime.core.rules.ConsecutiveGames;
import io.flextime.core.rules.FixedGame;
import io.flextime.core.rules.Ga1;
import io.flextime.core.rules.GameWindow;
import io.flextime.core.rules.GamesSpread;
import io.flextime.core.rules.MaxRoadTrip;
import io.flextime.core.rules.Meeting;
import io.flextime.core.rules.MinRestDays;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.Se1;
import io.flextime.core.rules.SharedVenue;
import io.flextime.core.rules.TeamUnavailable;
import io.flextime.core.rules.VenueUnavailable;
import io.flextime.core.rules.WeekdayPattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A relaxed season on a calendar, compiled for the calendar search: teams and slots as dense
 * positions, the travel matrix, the games to place (given, or an initial pairing the search may change),
 * and every rule as a {@link TeamTerm} or {@link GameTerm}. Built only for seasons the search scores
 * exactly ({@link #unsupported}); the others go to the CP-SAT path.
 */
final class CalendarProblem {
    /** How the games' pairs are decided. */
    enum Pairing {
        /** the listed matchups, or every ordered pair of a double round robin: pairs and hosts fixed */
        GIVEN,
        /** every pair meets once; the search chooses the host */
        SINGLE,
        /** the search chooses who meets whom twice and who hosts (the PARTIAL format) */
        PARTIAL
    }

    /** CP-SAT's time for the nearest starting pairing of a PARTIAL season (12–20 teams: well under a second). */
    private static final double PAIRING_SECONDS = 2.0;

    final SeasonIndex ix;
    final int n;
    final int slotCount;
    final int words;
    /** Day number of each slot (epoch day; the slot position when undated). */
    final int[] day;
    final long[][] metres;
    final boolean returnHome;
    final double travelWeight;
    final double penaltyWeight;
    final Pairing pairing;
    final int gamesPerTeam;
    final int twiceOpponents;
    /** Every pair must meet at least once (PARTIAL with enough games). */
    final boolean everyPairMeets;
    /** The games to place: home and away team positions; for SINGLE and PARTIAL an initial pairing. */
    final int[] gameHome;
    final int[] gameAway;
    /** A hard FIXED_GAME's slot per game, or −1. */
    final int[] fixedSlot;
    /** Slots where each team may play at all / at home / away, from the hard unavailability rules. */
    final long[][] mayPlay;
    final long[][] mayHost;
    final long[][] mayVisit;
    /** The rules read from one team's row, per team. */
    final TeamTerm[][] teamTerms;
    /** The rules over several teams' games. */
    final GameTerm[] gameTerms;
    /** The format's rest days between two games of a team (0: none). */
    final int formatRestDays;

    private CalendarProblem(SeasonIndex ix, ObjectiveWeights weights) {
        this.ix = ix;
        this.n = ix.n;
        this.slotCount = ix.slotCount;
        this.words = (slotCount + 63) >>> 6;
        SeasonFormat f = ix.season.format();
        this.day = new int[slotCount];
        boolean dated = ix.slots.stream().allMatch(s -> s.date() != null);
        for (int s = 0; s < slotCount; s++) {
            day[s] = dated ? (int) ix.date(s).toEpochDay() : s;
        }
        this.metres = ix.hasTravel() ? ix.metres() : new long[n][n];
        this.returnHome = f.travel() == SeasonFormat.TravelMode.RETURN_HOME;
        this.travelWeight = ix.hasTravel() ? weights.travel() : 0;
        this.penaltyWeight = weights.penalty();
        this.formatRestDays = f.minRestDays() == null ? 0 : f.minRestDays();
        List<int[]> games = new ArrayList<>();
        if (!ix.season.matchups().isEmpty()) {
            pairing = Pairing.GIVEN;
            for (Matchup m : ix.season.matchups()) {
                for (int k = 0; k < m.meetings(); k++) {
                    games.add(new int[] {ix.team(m.home(), "matchups"), ix.team(m.away(), "matchups")});
                }
            }
        } else if (f.roundRobin() == RoundRobin.DOUBLE) {
            pairing = Pairing.GIVEN;
            for (int h = 0; h < n; h++) {
                for (int a = 0; a < n; a++) {
                    if (h != a) {
                        games.add(new int[] {h, a});
                    }
                }
            }
        } else if (f.roundRobin() == RoundRobin.SINGLE) {
            pairing = Pairing.SINGLE;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    // alternate hosts so that every team starts near half its games at home
                    games.add(((i + j) % 2 == 0) ? new int[] {i, j} : new int[] {j, i});
                }
            }
        } else {
            pairing = Pairing.PARTIAL;
            int twice = f.twiceOpponents() == null ? 0 : f.twiceOpponents();
            games.addAll(ix.hasTravel() ? InitialPairing.nearest(n, f.gamesPerTeam(), twice, ix.metres(), PAIRING_SECONDS)
                    : InitialPairing.partial(n, f.gamesPerTeam(), twice));
        }
        this.gamesPerTeam = f.gamesPerTeam() == null ? 0 : f.gamesPerTeam();
        this.twiceOpponents = f.twiceOpponents() == null ? 0 : f.twiceOpponents();
        this.everyPairMeets = pairing == Pairing.PARTIAL && gamesPerTeam >= n - 1 + twiceOpponents;
        this.gameHome = games.stream().mapToInt(g -> g[0]).toArray();
        this.gameAway = games.stream().mapToInt(g -> g[1]).toArray();
        this.fixedSlot = new int[games.size()];
        Arrays.fill(fixedSlot, -1);
        this.mayPlay = full();
        this.mayHost = full();
        this.mayVisit = full();
        List<List<TeamTerm>> perTeam = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            perTeam.add(new ArrayList<>());
        }
        List<GameTerm> overGames = new ArrayList<>();
        for (SeasonConstraint c : ix.season.constraints()) {
            compile(c, perTeam, overGames);
        }
        if (formatRestDays > 0) {
            for (int t = 0; t < n; t++) {
                perTeam.get(t).add(new TeamTerm.Rest("format.minRestDays", true, 0, day, formatRestDays));
            }
        }
        this.teamTerms = perTeam.stream().map(l -> l.toArray(TeamTerm[]::new)).toArray(TeamTerm[][]::new);
        this.gameTerms = overGames.toArray(GameTerm[]::new);
    }

    /** The same problem with rules over several teams of its own (their counters): one per search thread. */
    private CalendarProblem(CalendarProblem other) {
        this.ix = other.ix;
        this.n = other.n;
        this.slotCount = other.slotCount;
        this.words = other.words;
        this.day = other.day;
        this.metres = other.metres;
        this.returnHome = other.returnHome;
        this.travelWeight = other.travelWeight;
        this.penaltyWeight = other.penaltyWeight;
        this.pairing = other.pairing;
        this.gamesPerTeam = other.gamesPerTeam;
        this.twiceOpponents = other.twiceOpponents;
        this.everyPairMeets = other.everyPairMeets;
        this.gameHome = other.gameHome;
        this.gameAway = other.gameAway;
        this.fixedSlot = other.fixedSlot;
        this.mayPlay = other.mayPlay;
        this.mayHost = other.mayHost;
        this.mayVisit = other.mayVisit;
        this.teamTerms = other.teamTerms;
        this.formatRestDays = other.formatRestDays;
        this.gameTerms = Arrays.stream(other.gameTerms).map(GameTerm::copy).toArray(GameTerm[]::new);
    }

    CalendarProblem forAnotherThread() {
        return new CalendarProblem(this);
    }

    /** The compiled season, or empty when {@link #unsupported} names something the search does not score. */
    static Optional<CalendarProblem> of(SeasonIndex ix, ObjectiveWeights weights) {
        return unsupported(ix).isPresent() ? Optional.empty() : Optional.of(new CalendarProblem(ix, weights));
    }

    private static final Set<ConstraintType> SCORED = EnumSet.of(ConstraintType.CA1, ConstraintType.CA2, ConstraintType.CA3,
            ConstraintType.CA4, ConstraintType.GA1, ConstraintType.BR1, ConstraintType.SE1, ConstraintType.VENUE_UNAVAILABLE,
            ConstraintType.TEAM_UNAVAILABLE, ConstraintType.FIXED_GAME, ConstraintType.SHARED_VENUE, ConstraintType.MIN_REST_DAYS,
            ConstraintType.MAX_ROAD_TRIP, ConstraintType.WEEKDAY_PATTERN, ConstraintType.GAME_WINDOW,
            ConstraintType.CONSECUTIVE_GAMES, ConstraintType.GAMES_SPREAD);

    /**
     * Why the calendar search does not apply to a season, or empty when it does: relaxed seasons (byes)
     * with slots in date order, not phased or mirrored, whose rules are all of the types it scores.
     */
    static Optional<String> unsupported(SeasonIndex ix) {
        SeasonFormat f = ix.season.format();
        if (f.compact()) {
            return Optional.of("compact season");
        }
        if (f.phased() || f.mirrored()) {
            return Optional.of("phased or mirrored season");
        }
        if (ix.season.matchups().isEmpty() && f.roundRobin() == RoundRobin.PARTIAL && f.gamesPerTeam() == null) {
            return Optional.of("PARTIAL season without gamesPerTeam");
        }
        for (int s = 1; s < ix.slotCount; s++) {
            LocalDate a = ix.date(s - 1);
            LocalDate b = ix.date(s);
            if ((a == null) != (b == null) || (a != null && b.isBefore(a))) {
                return Optional.of("slots not in date order");
            }
        }
        for (SeasonConstraint c : ix.season.constraints()) {
            if (!SCORED.contains(c.type())) {
                return Optional.of(c.type() + " is not scored by the calendar search");
            }
        }
        return Optional.empty();
    }

    private long[][] full() {
        long[][] out = new long[n][words];
        for (long[] row : out) {
            for (int s = 0; s < slotCount; s++) {
                row[s >>> 6] |= 1L << s;
            }
        }
        return out;
    }

    private void compile(SeasonConstraint c, List<List<TeamTerm>> perTeam, List<GameTerm> overGames) {
        String id = c.id();
        boolean hard = c.hard();
        int pen = c.penalty();
        if (!hard && pen <= 0) {
            return; // a soft rule without penalty costs nothing
        }
        switch (c.type()) {
            case CA1 -> {
                Ca1 r = (Ca1) c.rule();
                long[] mask = mask(ix.slots(r.slots(), id));
                for (int t : ix.teams(r.teams(), id)) {
                    perTeam.get(t).add(new TeamTerm.Capacity(id, hard, pen, r.mode(), mask, r.min(), r.max()));
                }
            }
            case CA2 -> {
                Ca2 r = (Ca2) c.rule();
                boolean[] against = members(ix.teams(r.teams2(), id));
                long[] mask = mask(ix.slots(r.slots(), id));
                for (int t : ix.teams(r.teams1(), id)) {
                    perTeam.get(t).add(new TeamTerm.OpponentCapacity(id, hard, pen, r.mode(), against, mask, r.min(), r.max()));
                }
            }
            case CA3 -> {
                Ca3 r = (Ca3) c.rule();
                boolean[] against = members(ix.teams(r.teams2(), id));
                for (int t : ix.teams(r.teams1(), id)) {
                    perTeam.get(t).add(new TeamTerm.WindowCapacity(id, hard, pen, r.mode(), against, r.intp(), slotCount,
                            r.min(), r.max()));
                }
            }
            case CA4 -> {
                Ca4 r = (Ca4) c.rule();
                overGames.add(new GameTerm.SlotCapacity(id, hard, pen, r.mode(), members(ix.teams(r.teams1(), id)),
                        members(ix.teams(r.teams2(), id)), slotSet(ix.slots(r.slots(), id)), r.spread() == Ca4.Spread.EVERY,
                        r.min(), r.max()));
            }
            case GA1 -> {
                Ga1 r = (Ga1) c.rule();
                int[][] listed = new int[n][n];
                for (Meeting m : r.meetings()) {
                    listed[ix.team(m.home(), id)][ix.team(m.away(), id)]++;
                }
                overGames.add(new GameTerm.MeetingPlacement(id, hard, pen, listed, slotSet(ix.slots(r.slots(), id)), r.min(), r.max()));
            }
            case BR1 -> {
                Br1 r = (Br1) c.rule();
                long[] mask = mask(ix.slots(r.slots(), id));
                for (int t : ix.teams(r.teams(), id)) {
                    perTeam.get(t).add(new TeamTerm.Breaks(id, hard, pen, r.mode(), mask, r.intp()));
                }
            }
            case SE1 -> {
                Se1 r = (Se1) c.rule();
                int[] teams = ix.teams(r.teams(), id);
                boolean[] in = members(teams);
                for (int t : teams) {
                    boolean[] higher = new boolean[n];
                    for (int o = t + 1; o < n; o++) {
                        higher[o] = in[o];
                    }
                    perTeam.get(t).add(new TeamTerm.Rematch(id, hard, pen, higher, r.min()));
                }
            }
            case TEAM_UNAVAILABLE -> {
                TeamUnavailable r = (TeamUnavailable) c.rule();
                int t = ix.team(r.team(), id);
                long[] covered = mask(ix.covered(r.cover()));
                perTeam.get(t).add(new TeamTerm.Unavailable(id, hard, pen, r.mode(), covered));
                if (hard) {
                    forbid(r.mode() == Mode.HA ? mayPlay[t] : r.mode() == Mode.H ? mayHost[t] : mayVisit[t], covered);
                }
            }
            case VENUE_UNAVAILABLE -> {
                VenueUnavailable r = (VenueUnavailable) c.rule();
                long[] covered = mask(ix.covered(r.cover()));
                for (int t = 0; t < n; t++) {
                    if (r.venue().equals(ix.teams.get(t).venueId())) {
                        perTeam.get(t).add(new TeamTerm.Unavailable(id, hard, pen, Mode.H, covered));
                        if (hard) {
                            forbid(mayHost[t], covered);
                        }
                    }
                }
            }
            case FIXED_GAME -> {
                FixedGame r = (FixedGame) c.rule();
                int h = ix.team(r.home(), id);
                int a = ix.team(r.away(), id);
                int slot = fixedSlotOf(r);
                if (hard && slot >= 0 && fixGame(h, a, slot)) {
                    perTeam.get(h).add(new TeamTerm.FixedGame(id, true, 0, a, slot)); // kept 0 by the search; scored as a check
                } else {
                    perTeam.get(h).add(new TeamTerm.FixedGame(id, hard, pen, a, slot));
                }
            }
            case SHARED_VENUE -> {
                SharedVenue r = (SharedVenue) c.rule();
                boolean[] sharing = members(ix.teams(r.sharing(ix.teams), id));
                Map<Integer, Integer> dates = new HashMap<>();
                int[] dateOfSlot = new int[slotCount];
                for (int s = 0; s < slotCount; s++) {
                    dateOfSlot[s] = dates.computeIfAbsent(day[s], d -> dates.size());
                }
                overGames.add(new GameTerm.SharedVenue(id, hard, pen, sharing, dateOfSlot, dates.size()));
            }
            case MIN_REST_DAYS -> {
                MinRestDays r = (MinRestDays) c.rule();
                for (int t : ix.teams(r.teams(), id)) {
                    perTeam.get(t).add(new TeamTerm.Rest(id, hard, pen, day, r.days()));
                }
            }
            case MAX_ROAD_TRIP -> {
                MaxRoadTrip r = (MaxRoadTrip) c.rule();
                for (int t : ix.teams(r.teams(), id)) {
                    perTeam.get(t).add(new TeamTerm.RoadTrip(id, hard, pen, r.max()));
                }
            }
            case WEEKDAY_PATTERN -> {
                WeekdayPattern r = (WeekdayPattern) c.rule();
                int[] weekday = new int[slotCount];
                for (int s = 0; s < slotCount; s++) {
                    weekday[s] = ix.date(s) == null ? 0 : ix.date(s).getDayOfWeek().getValue();
                }
                int[] pattern = r.weekdays().stream().mapToInt(java.time.DayOfWeek::getValue).toArray();
                for (int t : ix.teams(r.teams(), id)) {
                    perTeam.get(t).add(new SequenceTerms.WeekdayPattern(id, hard, pen, weekday, day, pattern, r.withinDays()));
                }
            }
            case GAME_WINDOW -> {
                GameWindow r = (GameWindow) c.rule();
                for (int t : ix.teams(r.teams(), id)) {
                    perTeam.get(t).add(new SequenceTerms.GameWindow(id, hard, pen, r.position() == GameWindow.Position.FIRST, r.games(),
                            r.mode(), r.min(), r.max()));
                }
            }
            case CONSECUTIVE_GAMES -> {
                ConsecutiveGames r = (ConsecutiveGames) c.rule();
                for (int t : ix.teams(r.teams(), id)) {
                    perTeam.get(t).add(new SequenceTerms.ConsecutiveGames(id, hard, pen, r.games(), r.mode(), r.min(), r.max()));
                }
            }
            case GAMES_SPREAD -> {
                GamesSpread r = (GamesSpread) c.rule();
                overGames.add(new SpreadTerm(id, hard, pen, r.mode(), members(ix.teams(r.teams(), id)), slotSet(ix.covered(r.cover())),
                        r.spread()));
            }
            default -> throw new IllegalStateException(c.type() + " reached the calendar search: " + id);
        }
    }

    /** Fixes one still unfixed game (home, away) to the slot; false when the pairing has none left. */
    private boolean fixGame(int h, int a, int slot) {
        if (pairing != Pairing.GIVEN) {
            return false;
        }
        for (int g = 0; g < gameHome.length; g++) {
            if (gameHome[g] == h && gameAway[g] == a && fixedSlot[g] < 0) {
                fixedSlot[g] = slot;
                return true;
            }
        }
        return false;
    }

    /** The fixed game's slot: the one given, else the first slot on its date; -1 when the season has none. */
    private int fixedSlotOf(FixedGame r) {
        for (int s = 0; s < slotCount; s++) {
            boolean wanted = r.slot() != null ? ix.slotIndex(s) == r.slot() : r.date().equals(ix.date(s));
            if (wanted) {
                return s;
            }
        }
        return -1;
    }

    private static void forbid(long[] allowed, long[] covered) {
        for (int w = 0; w < allowed.length; w++) {
            allowed[w] &= ~covered[w];
        }
    }

    private long[] mask(int[] slots) {
        long[] m = new long[words];
        for (int s : slots) {
            m[s >>> 6] |= 1L << s;
        }
        return m;
    }

    private boolean[] slotSet(int[] slots) {
        boolean[] in = new boolean[slotCount];
        for (int s : slots) {
            in[s] = true;
        }
        return in;
    }

    private boolean[] members(int[] teams) {
        boolean[] in = new boolean[n];
        for (int t : teams) {
            in[t] = true;
        }
        return in;
    }

    int games() {
        return gameHome.length;
    }

    /** Every game fixed by a hard FIXED_GAME: there is one schedule at most. */
    boolean everyGameFixed() {
        return Arrays.stream(fixedSlot).allMatch(s -> s >= 0);
    }

    boolean allowed(long[] mask, int slot) {
        return (mask[slot >>> 6] & (1L << slot)) != 0;
    }
}
