package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/**
 * Home or away games in every run of n consecutive games of a team, byes skipped (FlexTime extension):
 * "avoid 4 of 5 games on the road" is n 5, A, max 3; "home stands of at most 3" is n 4, H, max 3.
 */
public record ConsecutiveGames(List<String> teams, int games, Mode mode, int min, int max) implements Rule {
    static final Param<List<String>> TEAMS = Param.teams("teams", "the teams, each on its own");
    static final Param<Integer> GAMES = Param.of("games", ParamType.COUNT, "n: how many consecutive games of a team").required();
    static final Param<Mode> MODE = Param.of("mode", ParamType.choice(Mode.values()),
            "the games counted: home (H), away (A) or both (HA)").required();
    static final Param<Integer> MIN = RuleCatalogue.min("fewest such games in each run");
    static final Param<Integer> MAX = RuleCatalogue.max("most such games in each run");

    public static final RuleDefinition<ConsecutiveGames> DEFINITION = RuleDefinition.<ConsecutiveGames>of(
                    ConstraintType.CONSECUTIVE_GAMES, "sequence")
            .holds("in every run of games consecutive games of a team (byes skipped), between min and max are games of mode")
            .deviation("per team and run: games above max or below min")
            .param(TEAMS, ConsecutiveGames::teams).param(GAMES, ConsecutiveGames::games).param(MODE, ConsecutiveGames::mode)
            .param(MIN, ConsecutiveGames::min).param(MAX, ConsecutiveGames::max)
            .atLeastOne(MIN, MAX).minAtMostMax(MIN, MAX)
            .check(List.of(GAMES), v -> v.get(GAMES) >= 1, v -> v == null ? "games ≥ 1" : "games must be at least 1")
            .build(v -> new ConsecutiveGames(v.get(TEAMS), v.get(GAMES), v.get(MODE), v.get(MIN), v.get(MAX)));

    public ConsecutiveGames {
        teams = List.copyOf(teams);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.CONSECUTIVE_GAMES;
    }
}
