package io.flextime.validate.findings;

import static io.flextime.validate.findings.Category.ANOMALY;
import static io.flextime.validate.findings.Category.CONSISTENCY;
import static io.flextime.validate.findings.Category.FEASIBILITY;
import static io.flextime.validate.findings.Category.HISTORY;
import static io.flextime.validate.findings.Category.VALIDITY;
import static io.flextime.validate.findings.Severity.ERROR;
import static io.flextime.validate.findings.Severity.INFO;
import static io.flextime.validate.findings.Severity.WARNING;

import java.util.List;

/**
 * Every finding code validate can report. Codes are a public contract (reports, events, the quarantine
 * API): never rename one; add new ones. The README documents each (a test keeps them in step).
 */
public enum FindingCode {
    SCHEMA_REQUIRED(VALIDITY, ERROR, "A required field is missing or blank."),
    SCHEMA_PARAM_MISSING(VALIDITY, ERROR, "A constraint lacks a parameter its type requires."),
    SCHEMA_PARAM_TYPE(VALIDITY, ERROR, "A constraint parameter has the wrong type (e.g. a slot that is not an integer)."),
    RANGE_LATITUDE(VALIDITY, ERROR, "Venue latitude outside [-90, 90]."),
    RANGE_LONGITUDE(VALIDITY, ERROR, "Venue longitude outside [-180, 180]."),
    RANGE_CAPACITY(VALIDITY, ERROR, "Venue capacity is not > 0."),
    RANGE_PENALTY(VALIDITY, ERROR, "Constraint penalty is negative."),
    RANGE_SEASON_DATES(VALIDITY, ERROR, "Season end date before its start date."),
    RANGE_SLOT_DATE(VALIDITY, ERROR, "Slot date outside the season's start..end."),
    RANGE_SLOT_TIME(VALIDITY, ERROR, "Slot end time not after its start time."),
    RANGE_SLOT_INDEX(VALIDITY, ERROR, "Slot indexes are not consecutive (0, 1, 2, ... or 1, 2, 3, ...)."),
    RANGE_SLOT_ORDER(VALIDITY, ERROR, "A later slot has an earlier date than the slot before it."),
    RANGE_DISTANCE(VALIDITY, ERROR, "Distance is negative or not a number."),
    RANGE_MEETINGS(VALIDITY, ERROR, "Matchup meetings is not >= 1."),
    RANGE_TIME_ZONE(VALIDITY, ERROR, "Time zone is not a valid IANA zone id (e.g. America/Chicago)."),
    RANGE_CONSTRAINT_PARAM(VALIDITY, ERROR, "A constraint parameter is out of range (negative bound, min > max, unknown mode)."),
    RANGE_FORMAT(VALIDITY, ERROR, "The season format is incomplete (a partial round robin without gamesPerTeam, MATCHUPS without matchups)."),
    DUP_TEAM_ID(VALIDITY, ERROR, "Two teams share an id."),
    DUP_VENUE_ID(VALIDITY, ERROR, "Two venues share an id."),
    DUP_SLOT_INDEX(VALIDITY, ERROR, "Two slots share an index."),
    DUP_CONSTRAINT_ID(VALIDITY, ERROR, "Two constraints share an id."),
    DUP_MATCHUP(VALIDITY, ERROR, "The same home/away pairing is listed twice."),
    DUP_DISTANCE(VALIDITY, ERROR, "The same venue pair appears twice in the distance matrix."),
    REF_UNKNOWN_TEAM(VALIDITY, ERROR, "A matchup or constraint names a team that does not exist."),
    REF_UNKNOWN_VENUE(VALIDITY, ERROR, "A team, constraint or distance names a venue that does not exist."),
    REF_UNKNOWN_SLOT(VALIDITY, ERROR, "A constraint names a slot index that does not exist."),

    CONS_TOO_FEW_TEAMS(CONSISTENCY, ERROR, "A season needs at least two teams."),
    CONS_COMPACT_ODD_TEAMS(CONSISTENCY, ERROR, "A compact round robin (every team plays every slot) needs an even number of teams."),
    CONS_ROUND_ROBIN_SLOTS(CONSISTENCY, ERROR,
            "Slot count does not fit the format: a compact round robin needs exactly one slot per game of a team "
                    + "(2(n-1) for a double round robin), a relaxed one at least as many."),
    CONS_MATCHUP_SELF(CONSISTENCY, ERROR, "A matchup has the same team at home and away."),
    CONS_MATCHUP_PAIRS(CONSISTENCY, ERROR,
            "Matchups do not fit the format: double = each ordered pair once, single = each pair once in total, "
                    + "partial = at most twice and twice only with both venues."),
    CONS_MATCHUP_GAMES_PER_TEAM(CONSISTENCY, ERROR, "A team's number of games in the matchups differs from the format's games per team."),
    CONS_MATCHUP_HOME_AWAY(CONSISTENCY, WARNING, "A team's home and away game counts differ by more than one."),
    CONS_FIXED_GAME_OUTSIDE_SEASON(CONSISTENCY, ERROR, "A fixed game's date is outside the season or on no slot."),
    CONS_FIXED_GAME_NOT_REQUIRED(CONSISTENCY, ERROR, "A fixed game pairs teams that the matchups do not make meet (home at home)."),
    CONS_SHARED_VENUE_UNDECLARED(CONSISTENCY, WARNING, "Teams share a home venue but no SHARED_VENUE constraint covers them."),
    CONS_SHARED_VENUE_MISMATCH(CONSISTENCY, WARNING, "A SHARED_VENUE constraint names a team whose home venue is another."),
    CONS_TEAM_VENUE_TIME_ZONE(CONSISTENCY, WARNING, "A team's time zone differs from its home venue's."),
    CONS_SLOT_DATES_PARTIAL(CONSISTENCY, WARNING, "Some slots have dates and some do not."),
    CONS_SOFT_ZERO_PENALTY(CONSISTENCY, INFO, "A soft constraint with penalty 0 has no effect."),

    ANOM_VENUE_LOCATION_OUTLIER(ANOMALY, WARNING,
            "A venue lies far (robust z-score above the threshold and > 1000 km) from the other venues: swapped or mistyped coordinates?"),
    ANOM_VENUE_TIME_ZONE_LONGITUDE(ANOMALY, WARNING,
            "A venue's longitude is far (> 30 degrees) from where its time zone's UTC offset puts it."),
    ANOM_CAPACITY_OUTLIER(ANOMALY, WARNING, "A venue capacity is a statistical outlier (robust z-score above the threshold)."),
    ANOM_CAPACITY_IMPLAUSIBLE(ANOMALY, WARNING, "A venue capacity is outside [100, 200000]."),
    ANOM_DISTANCE_ASYMMETRIC(ANOMALY, WARNING, "The distance matrix gives a->b and b->a differing beyond the tolerance."),
    ANOM_DISTANCE_TRIANGLE(ANOMALY, WARNING, "a->c is longer than a->b->c beyond the tolerance."),
    ANOM_DISTANCE_BELOW_GREAT_CIRCLE(ANOMALY, WARNING,
            "A matrix distance is shorter than the great-circle distance between the venues' coordinates beyond the tolerance."),
    ANOM_DUPLICATE_COORDINATES(ANOMALY, INFO, "Two venues have the same coordinates."),

    FEAS_TEAM_SLOTS(FEASIBILITY, ERROR, "A team can play in fewer slots than its games (compact: a slot where it can play neither home nor away)."),
    FEAS_TEAM_HOME_SLOTS(FEASIBILITY, ERROR, "A team's available home slots (after hard blackouts and capacity limits) are fewer than its home games."),
    FEAS_TEAM_AWAY_SLOTS(FEASIBILITY, ERROR, "A team's available away slots are fewer than its away games."),
    FEAS_TEAM_REST_DAYS(FEASIBILITY, ERROR, "With the minimum rest days, a team cannot fit its games into its available dates."),
    FEAS_SLOT_HOME_CAPACITY(FEASIBILITY, ERROR, "Compact: fewer than n/2 teams may play at home (or away) in a slot."),
    FEAS_SEASON_SLOT_CAPACITY(FEASIBILITY, ERROR, "All slots together cannot hold the season's games."),
    FEAS_SHARED_VENUE_CAPACITY(FEASIBILITY, ERROR, "Teams sharing a venue need more home dates than the venue has."),
    FEAS_FIXED_GAME_FORBIDDEN(FEASIBILITY, ERROR, "A fixed game falls where a hard blackout forbids it."),
    FEAS_FIXED_GAME_CLASH(FEASIBILITY, ERROR, "Two fixed games of one team in one slot."),
    FEAS_FIXED_GAMES_EXCEED_CA1(FEASIBILITY, ERROR, "Fixed games put more games in a CA1's slots than its max allows."),
    FEAS_FIXED_GAME_GA1(FEASIBILITY, ERROR, "A fixed game contradicts a GA1 that allows at most that many of its meetings in those slots."),
    FEAS_CA1_CONTRADICTION(FEASIBILITY, ERROR, "Two CA1 of one team: the min of one exceeds the max of another over a superset of its slots."),
    FEAS_CA1_MIN_UNREACHABLE(FEASIBILITY, ERROR, "A CA1 min is larger than the team's available slots of that mode in its slots."),
    FEAS_BREAK_LIMIT(FEASIBILITY, ERROR,
            "Break limits impossible for a compact round robin: fewer than n-2 breaks in all, or more than two teams without breaks."),
    FEAS_SE1_SEPARATION(FEASIBILITY, ERROR, "An SE1 separation cannot fit the slot count (or contradicts a mirrored format)."),
    FEAS_CPSAT_CONFLICT(FEASIBILITY, ERROR, "The CP-SAT probe proved the hard constraints named infeasible together."),
    FEAS_CPSAT_INCONCLUSIVE(FEASIBILITY, INFO, "The CP-SAT probe reached its time limit without an answer."),
    FEAS_CPSAT_FEASIBLE(FEASIBILITY, INFO, "The CP-SAT probe found a schedule meeting every hard constraint it models."),

    HIST_BLANK_TEAM(HISTORY, ERROR, "A historical game has a blank home or away team."),
    HIST_SAME_TEAM(HISTORY, ERROR, "A historical game has the same team at home and away."),
    HIST_NEGATIVE_SCORE(HISTORY, ERROR, "A historical game has a negative score."),
    HIST_DATE_RANGE(HISTORY, ERROR, "A historical game date is before 1850 or after the season's end."),
    HIST_DUPLICATE_GAME(HISTORY, WARNING, "The same date, home and away team appear on more than one row."),
    HIST_TEAM_TWICE_ON_DATE(HISTORY, WARNING, "A team plays more than one game on one date (counted per team and date)."),
    HIST_SCORE_OUTLIER(HISTORY, WARNING, "A game's total score is a statistical outlier (z-score above the threshold)."),
    HIST_SCORE_MISSING(HISTORY, INFO, "Historical games without a score (counted as missing values)."),
    HIST_ROWS_QUARANTINED(HISTORY, INFO, "Historical-game rows with errors were quarantined and are excluded from analytics."),

    GATE_SCORE(VALIDITY, ERROR, "The quality score is below the gate's minimum (default 0.8)."),
    GATE_NULL_FRACTION(VALIDITY, ERROR, "More expected values are missing than the gate allows (default 10 %).");

    private final Category category;
    private final Severity severity;
    private final String description;

    FindingCode(Category category, Severity severity, String description) {
        this.category = category;
        this.severity = severity;
        this.description = description;
    }

    public Category category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    /** A finding about one record (row = 1-based position in its entity list). */
    public Finding at(String entity, String entityId, Integer row, String field, String message) {
        return new Finding(name(), severity, category, entity, entityId, row, field, message, List.of(), 1);
    }

    /** A finding about the season as a whole. */
    public Finding season(String message) {
        return new Finding(name(), severity, category, "season", null, null, null, message, List.of(), 1);
    }

    /** A feasibility finding naming the conflicting constraints. */
    public Finding conflict(String entity, String entityId, String message, List<String> constraintIds) {
        return new Finding(name(), severity, category, entity, entityId, null, null, message, constraintIds, 1);
    }

    /** An aggregate of {@code count} historical-game rows; {@code row} is the first one. */
    public Finding rows(long count, Long firstRow, String field, String message) {
        return new Finding(name(), severity, category, "historical_game", null,
                firstRow == null ? null : (int) Math.min(Integer.MAX_VALUE, firstRow), field, message, List.of(), count);
    }
}
