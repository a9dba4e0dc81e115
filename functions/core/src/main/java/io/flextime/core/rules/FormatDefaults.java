package io.flextime.core.rules;

import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonFormat.RoundRobin;
import io.flextime.core.model.SeasonFormat.TravelMode;
import java.util.List;

/**
 * The season format's defaults, decided once for every reader of a season (ingest, validate, solve):
 * a {@link io.flextime.core.model.Season} resolves its format through here, so no module meets an
 * undecided field.
 */
public final class FormatDefaults {
    public static final TravelMode TRAVEL = TravelMode.VENUE_TO_VENUE;

    /** One row of the format table in the README: a field, its default, what it means. */
    public record Field(String name, String fallback, String meaning) {
    }

    /** The format's fields as the README lists them. */
    public static final List<Field> FIELDS = List.of(
            new Field("roundRobin", "MATCHUPS when the season lists matchups, else DOUBLE",
                    "SINGLE, DOUBLE, PARTIAL or MATCHUPS (the listed matchups alone). Listed matchups are the games whatever "
                            + "the kind; a kind given with them is checked against them"),
            new Field("compact", "false", "every team plays in every slot (no byes)"),
            new Field("mirrored", "false", "the second half repeats the first with venues swapped (implies phased)"),
            new Field("phased", "false", "each pair meets at most once in each half of the slots"),
            new Field("gamesPerTeam", "none", "games of each team (PARTIAL: required)"),
            new Field("twiceOpponents", "none", "opponents each team meets twice, once at each venue (PARTIAL)"),
            new Field("minRestDays", "none", "fewest days between two games of a team (dated slots)"),
            new Field("travel", TRAVEL.name(), "VENUE_TO_VENUE: a road trip goes opponent to opponent; RETURN_HOME: home "
                    + "between any two games"));

    private FormatDefaults() {
    }

    /**
     * The format with its defaults: none at all is the compact double round robin of the ITC2021 and
     * TTP instances; an absent round-robin kind is MATCHUPS when the season lists matchups (a real
     * conference season: its matchups are the whole specification), else DOUBLE.
     */
    public static SeasonFormat resolve(SeasonFormat format, boolean matchupsListed) {
        SeasonFormat f = format == null ? SeasonFormat.compactDouble() : format;
        if (f.roundRobin() == null) {
            f = f.withRoundRobin(matchupsListed ? RoundRobin.MATCHUPS : RoundRobin.DOUBLE);
        }
        return f;
    }
}
