package io.flextime.solve.profile;

import io.flextime.rules.cost.ScheduleCost;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat.RoundRobin;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a profile is chosen by: size, format, constraint mix, whether travel counts, and whether the
 * annealing over round-robin moves scores the season exactly ({@code roundRobinMoves}: the engine knows
 * which shapes it scores, see engine/ScheduleCost), and whether the calendar search does
 * ({@code calendarSearch}: relaxed seasons in date order under the rules it scores, see calendar/CalendarSearch).
 */
public record InstanceFeatures(int teams, int slots, boolean compact, RoundRobin roundRobin, boolean travel,
        int hardConstraints, int softConstraints, Map<ConstraintType, Integer> mix, boolean roundRobinMoves,
        boolean calendarSearch) {

    public static InstanceFeatures of(Season season, double travelWeight, boolean roundRobinMoves, boolean calendarSearch) {
        Map<ConstraintType, Integer> mix = new EnumMap<>(ConstraintType.class);
        int hard = 0;
        int soft = 0;
        for (SeasonConstraint c : season.constraints()) {
            mix.merge(c.type(), 1, Integer::sum);
            if (c.hard()) {
                hard++;
            } else {
                soft++;
            }
        }
        boolean geography = !season.distances().isEmpty()
                || season.venues().stream().anyMatch(v -> v.latitude() != null && v.longitude() != null);
        return new InstanceFeatures(season.teams().size(), season.slots().size(), season.format().compact(),
                season.format().roundRobin(), geography && travelWeight > 0, hard, soft, mix,
                roundRobinMoves, calendarSearch);
    }

    /** Hard constraints per team: a measure of how tight finding any feasible schedule is. */
    public double hardPerTeam() {
        return teams == 0 ? 0 : (double) hardConstraints / teams;
    }
}
