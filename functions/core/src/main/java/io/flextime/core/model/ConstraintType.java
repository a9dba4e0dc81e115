package io.flextime.core.model;

/**
 * The constraint vocabulary: the RobinX classes used by ITC2021 (OrganizationITC2021_V7.pdf) plus
 * FlexTime's calendar and travel extensions. What each type's parameters are and mean is declared once,
 * in its record of the rule catalogue ({@link io.flextime.core.rules.RuleCatalogue}).
 */
public enum ConstraintType {
    /** Capacity: a team's games in some slots ({@link io.flextime.core.rules.Ca1}). */
    CA1(true),
    /** Capacity: a team's games against a group ({@link io.flextime.core.rules.Ca2}). */
    CA2(true),
    /** Capacity: games against a group in every window of slots ({@link io.flextime.core.rules.Ca3}). */
    CA3(true),
    /** Capacity: games between two groups ({@link io.flextime.core.rules.Ca4}). */
    CA4(true),
    /** Game placement: some games in some slots ({@link io.flextime.core.rules.Ga1}). */
    GA1(true),
    /** Breaks of each team ({@link io.flextime.core.rules.Br1}). */
    BR1(true),
    /** Breaks of a group together ({@link io.flextime.core.rules.Br2}). */
    BR2(true),
    /** Fairness: home games balanced along the season ({@link io.flextime.core.rules.Fa2}). */
    FA2(true),
    /** Separation: slots between two meetings of a pair ({@link io.flextime.core.rules.Se1}). */
    SE1(true),
    /** A venue that cannot host ({@link io.flextime.core.rules.VenueUnavailable}). */
    VENUE_UNAVAILABLE(false),
    /** A team that cannot play ({@link io.flextime.core.rules.TeamUnavailable}). */
    TEAM_UNAVAILABLE(false),
    /** A game fixed in advance ({@link io.flextime.core.rules.FixedGame}). */
    FIXED_GAME(false),
    /** Teams sharing an arena ({@link io.flextime.core.rules.SharedVenue}). */
    SHARED_VENUE(false),
    /** Rest days between a team's games ({@link io.flextime.core.rules.MinRestDays}). */
    MIN_REST_DAYS(false),
    /** Consecutive away games ({@link io.flextime.core.rules.MaxRoadTrip}). */
    MAX_ROAD_TRIP(false),
    /** Weekdays of consecutive games of a team within a week ({@link io.flextime.core.rules.WeekdayPattern}). */
    WEEKDAY_PATTERN(false),
    /** Home or away games among a team's first or last games ({@link io.flextime.core.rules.GameWindow}). */
    GAME_WINDOW(false),
    /** Home or away games in every run of consecutive games of a team ({@link io.flextime.core.rules.ConsecutiveGames}). */
    CONSECUTIVE_GAMES(false),
    /** Games in some slots spread evenly over the teams ({@link io.flextime.core.rules.GamesSpread}). */
    GAMES_SPREAD(false);

    private final boolean robinX;

    ConstraintType(boolean robinX) {
        this.robinX = robinX;
    }

    /** True for the RobinX / ITC2021 classes, false for FlexTime's extensions. */
    public boolean isRobinX() {
        return robinX;
    }

    /** Parses a type name case-insensitively; throws IllegalArgumentException listing the known types. */
    public static ConstraintType parse(String name) {
        if (name != null) {
            String wanted = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            for (ConstraintType t : values()) {
                if (t.name().equals(wanted)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown constraint type '" + name + "'; known: "
                + java.util.Arrays.toString(values()));
    }
}
