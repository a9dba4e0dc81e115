package io.flextime.solve.replan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a re-plan changes about a base schedule version (the {@code replan} door; stored with the job's
 * parameters, so that a continuation re-derives the same season). Dates are ISO strings, as stored.
 *
 * @param baseVersionId the schedule version re-planned (usually the published one)
 * @param frozenBefore  games before this date were played: they stay, and nothing new is placed before it
 * @param changeWeight  the penalty of each base game that does not stay where it was (in the season's penalty
 *                      units, weighed by its penalty weight like any soft rule)
 * @param changes       what happened: postponed games, unavailable teams and venues
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Replan(String baseVersionId, String frozenBefore, int changeWeight, List<Change> changes) {
    public static final String POSTPONE = "postpone";
    public static final String TEAM_UNAVAILABLE = "teamUnavailable";
    public static final String VENUE_UNAVAILABLE = "venueUnavailable";
    public static final int DEFAULT_CHANGE_WEIGHT = 100;

    public Replan {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /**
     * One change. {@code postpone}: {@code game} (the base version's game number) needs a new date, not its
     * old one; {@code teamUnavailable}: {@code team} plays no game on {@code dates}; {@code venueUnavailable}:
     * no game at {@code venue} on {@code dates}.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String type, Integer game, String team, String venue, List<String> dates) {
        public Change {
            dates = dates == null ? null : List.copyOf(dates);
        }

        static Change postpone(int game) {
            return new Change(POSTPONE, game, null, null, null);
        }

        String canonical() {
            return type + ":" + (game == null ? "" : game) + ":" + (team == null ? "" : team) + ":" + (venue == null ? "" : venue)
                    + ":" + (dates == null ? "" : dates.stream().sorted().collect(Collectors.joining(",")));
        }
    }

    /** The re-plan's part of the job key: the same re-plan asked twice is one job. */
    public String canonical() {
        return "base=" + baseVersionId + ";frozen=" + frozenBefore + ";cw=" + changeWeight + ";changes="
                + changes.stream().map(Change::canonical).sorted().collect(Collectors.joining("|"));
    }
}
