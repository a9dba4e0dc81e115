package io.flextime.rules.sequence;

import io.flextime.core.rules.ConsecutiveGames;
import io.flextime.core.rules.GameWindow;
import io.flextime.core.rules.WeekdayPattern;
import io.flextime.rules.RuleLogic;

/**
 * The sequence family: rules read on a team's own games in order (byes skipped), not on slots: the
 * weekdays of consecutive games. No annealing term: these types occur in dated seasons with byes, which
 * the calendar search scores (its own terms); a compact season holding one goes to CP-SAT.
 */
public final class Sequence {
    public static final RuleLogic<WeekdayPattern> WEEKDAY_PATTERN = RuleLogic.of(SequenceRows::weekdayPattern,
            SequenceCheck::weekdayPattern);
    public static final RuleLogic<ConsecutiveGames> CONSECUTIVE_GAMES = RuleLogic.of(ConsecutiveGamesRows::consecutiveGames,
            SequenceCheck::consecutiveGames).reversibleWhen(r -> true);
    public static final RuleLogic<GameWindow> GAME_WINDOW = RuleLogic.of(GameWindowRows::gameWindow, SequenceCheck::gameWindow);

    private Sequence() {
    }
}
