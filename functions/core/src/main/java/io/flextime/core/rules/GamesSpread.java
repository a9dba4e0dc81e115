package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/**
 * Games of a mode in some slots spread evenly over the teams (FlexTime extension): "weekend home games,
 * similar for every institution" is the weekend slots, H, spread 1. The slots are named like the other
 * calendar rules' (by index, date or weekday); none named: every slot.
 */
public record GamesSpread(List<String> teams, SlotCover cover, Mode mode, int spread) implements Rule {
    static final Param<List<String>> TEAMS = Param.teams("teams", "the teams compared");
    static final Param<Mode> MODE = Param.of("mode", ParamType.choice(Mode.values()),
            "the games counted: home (H), away (A) or both (HA)").required();
    static final Param<Integer> SPREAD = Param.of("spread", ParamType.COUNT, "largest difference allowed between two teams' counts")
            .required();

    public static final RuleDefinition<GamesSpread> DEFINITION = RuleDefinition.<GamesSpread>of(ConstraintType.GAMES_SPREAD,
                    "fairness")
            .holds("the counts of games of mode in the covered slots (none named: every slot) of any two of the teams differ by "
                    + "at most spread")
            .deviation("one: max(0, largest count − smallest count − spread)")
            .param(TEAMS, GamesSpread::teams).coverOrEverySlot(GamesSpread::cover).param(MODE, GamesSpread::mode)
            .param(SPREAD, GamesSpread::spread)
            .build(v -> new GamesSpread(v.get(TEAMS), SlotCover.of(v), v.get(MODE), v.get(SPREAD)));

    public GamesSpread {
        teams = List.copyOf(teams);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.GAMES_SPREAD;
    }
}
