package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.time.LocalDate;
import java.util.List;

/** A game fixed in advance: {@code home} hosts {@code away} in a slot, or on a date (FlexTime extension). */
public record FixedGame(String home, String away, Integer slot, LocalDate date) implements Rule {
    static final Param<String> HOME = Param.of("home", ParamType.TEAM_ID, "the host").required();
    static final Param<String> AWAY = Param.of("away", ParamType.TEAM_ID, "the visitor").required();
    static final Param<Integer> SLOT = Param.of("slot", ParamType.SLOT_INDEX, "the slot (wins over date)");
    static final Param<LocalDate> DATE = Param.of("date", ParamType.DATE, "the date, when no slot is given");

    public static final RuleDefinition<FixedGame> DEFINITION = RuleDefinition.<FixedGame>of(ConstraintType.FIXED_GAME, "placement")
            .holds("home hosts away in slot (or in a slot on date)")
            .deviation("1 when it does not")
            .param(HOME, FixedGame::home).param(AWAY, FixedGame::away).param(SLOT, FixedGame::slot).param(DATE, FixedGame::date)
            .atLeastOne(SLOT, DATE)
            .check(List.of(HOME, AWAY), v -> !v.get(HOME).equals(v.get(AWAY)), v -> v == null ? "home ≠ away"
                    : "a team cannot host itself (" + v.get(HOME) + ")")
            .build(v -> new FixedGame(v.get(HOME), v.get(AWAY), v.get(SLOT), v.get(DATE)));

    @Override
    public ConstraintType type() {
        return ConstraintType.FIXED_GAME;
    }
}
