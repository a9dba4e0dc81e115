package io.flextime.core.model;

/**
 * How a season is played.
 *
 * @param roundRobin      SINGLE (each pair meets once), DOUBLE (twice, once at each venue) or PARTIAL
 *                        (each team meets {@code twiceOpponents} opponents twice and the rest at most once,
 *                        {@code gamesPerTeam} games in all)
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

    public enum RoundRobin { SINGLE, DOUBLE, PARTIAL }

    /**
     * VENUE_TO_VENUE: the TTP convention, a road trip goes opponent to opponent and starts and ends at
     * home. RETURN_HOME: the team returns home between any two games.
     */
    public enum TravelMode { VENUE_TO_VENUE, RETURN_HOME }

    public SeasonFormat {
        if (roundRobin == null) {
            roundRobin = RoundRobin.DOUBLE;
        }
        if (travel == null) {
            travel = TravelMode.VENUE_TO_VENUE;
        }
        if (mirrored) {
            phased = true;
        }
    }

    /** The compact double round robin of the ITC2021 and TTP instances. */
    public static SeasonFormat compactDouble() {
        return new SeasonFormat(RoundRobin.DOUBLE, true, false, false, null, null, null, TravelMode.VENUE_TO_VENUE);
    }
}
