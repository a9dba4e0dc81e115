package io.flextime.core.model;

/**
 * How a season is played.
 *
 * @param roundRobin      SINGLE (each pair meets once), DOUBLE (twice, once at each venue), PARTIAL
 *                        (each team meets {@code twiceOpponents} opponents twice and the rest at most once,
 *                        {@code gamesPerTeam} games in all) or MATCHUPS (the season's matchups say who meets
 *                        whom); absent, {@link io.flextime.core.rules.FormatDefaults} decides
 * @param compact         every team plays in every slot (no byes); otherwise relaxed
 * @param mirrored        the second half repeats the first with venues swapped
 * @param phased          each pair meets once in each half (implied by mirrored)
 * @param gamesPerTeam    games per team (PARTIAL only)
 * @param twiceOpponents  opponents met twice per team (PARTIAL only)
 * @param minRestDays     minimum days between two games of a team (relaxed seasons on dates)
 * @param travel          how road trips are counted
 */
public record SeasonFormat(
        RoundRobin roundRobin,
        boolean compact,
        boolean mirrored,
        boolean phased,
        Integer gamesPerTeam,
        Integer twiceOpponents,
        Integer minRestDays,
        TravelMode travel) {

    /**
     * Who meets whom. With listed matchups, the matchups are the games whatever the kind; a kind given
     * with them is a claim validate checks them against. MATCHUPS: the matchups alone, no claim.
     */
    public enum RoundRobin { SINGLE, DOUBLE, PARTIAL, MATCHUPS }

    /**
     * VENUE_TO_VENUE: the TTP convention, a road trip goes opponent to opponent and starts and ends at
     * home. RETURN_HOME: the team returns home between any two games.
     */
    public enum TravelMode { VENUE_TO_VENUE, RETURN_HOME }

    public SeasonFormat {
        travel = travel == null ? io.flextime.core.rules.FormatDefaults.TRAVEL : travel;
        if (mirrored) {
            phased = true;
        }
    }

    /** The same format with its round-robin kind decided (see {@link io.flextime.core.rules.FormatDefaults}). */
    public SeasonFormat withRoundRobin(RoundRobin kind) {
        return new SeasonFormat(kind, compact, mirrored, phased, gamesPerTeam, twiceOpponents, minRestDays, travel);
    }

    /** The compact double round robin of the ITC2021 and TTP instances. */
    public static SeasonFormat compactDouble() {
        return new SeasonFormat(RoundRobin.DOUBLE, true, false, false, null, null, null, TravelMode.VENUE_TO_VENUE);
    }
}
