package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/**
 * The first or last few games of a team, counted on its own games (byes skipped), not on slots
 * (FlexTime extension): "first four games: at least 2 home and 2 away" is two rules, H min 2 and A min 2.
 */
public record GameWindow(List<String> teams, Position position, int games, Mode mode, int min, int max) implements Rule {
    /** Which end of a team's season the window lies at. */
    public enum Position { FIRST, LAST }

    static final Param<List<String>> TEAMS = Param.teams("teams", "the teams, each counted on its own");
    static final Param<Position> POSITION = Param.of("position", ParamType.choice(Position.values()),
            "the team's first or last games").required();
    static final Param<Integer> GAMES = Param.of("games", ParamType.COUNT, "how many of the team's games").required();
    static final Param<Mode> MODE = Param.of("mode", ParamType.choice(Mode.values()),
            "the games counted: home (H), away (A) or both (HA)").required();
    static final Param<Integer> MIN = RuleCatalogue.min("fewest such games among them");
    static final Param<Integer> MAX = RuleCatalogue.max("most such games among them");

    public static final RuleDefinition<GameWindow> DEFINITION = RuleDefinition.<GameWindow>of(ConstraintType.GAME_WINDOW,
                    "sequence")
            .holds("among each team's first (last) games games, between min and max are games of mode; a team with fewer "
                    + "games counts them all")
            .deviation("per team: games above max or below min")
            .param(TEAMS, GameWindow::teams).param(POSITION, GameWindow::position).param(GAMES, GameWindow::games)
            .param(MODE, GameWindow::mode).param(MIN, GameWindow::min).param(MAX, GameWindow::max)
            .atLeastOne(MIN, MAX).minAtMostMax(MIN, MAX)
            .check(List.of(GAMES), v -> v.get(GAMES) >= 1, v -> v == null ? "games ≥ 1" : "games must be at least 1")
            .build(v -> new GameWindow(v.get(TEAMS), v.get(POSITION), v.get(GAMES), v.get(MODE), v.get(MIN), v.get(MAX)));

    public GameWindow {
        teams = List.copyOf(teams);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.GAME_WINDOW;
    }
}
