package io.flextime.rules.drift;

import static io.flextime.rules.drift.RandomSeasons.slots;
import static io.flextime.rules.drift.RandomSeasons.team;

import io.flextime.core.model.Season;
import io.flextime.core.rules.FixedGame;
import io.flextime.core.rules.Ga1;
import io.flextime.core.rules.Meeting;
import io.flextime.core.rules.RuleCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** GA1 and FIXED_GAME (game placement): rows, cost terms, reference check and probe agree. */
class PlacementDriftTest extends FamilyDrift {

    @Override
    List<RuleMaker> makers() {
        return List.of(
                (r, s) -> {
                    List<Meeting> meetings = new ArrayList<>();
                    for (int k = 1 + r.nextInt(3); k > 0; k--) {
                        meetings.add(meeting(r, s));
                    }
                    int min = r.nextInt(2);
                    int max = r.nextInt(5) == 0 ? RuleCatalogue.NO_LIMIT : min + r.nextInt(2);
                    return new Ga1(meetings, slots(r, s), min, max);
                },
                (r, s) -> {
                    Meeting m = meeting(r, s);
                    int slot = r.nextInt(s.slots().size());
                    boolean byDate = s.slots().get(slot).date() != null && r.nextBoolean();
                    return new FixedGame(m.home(), m.away(), byDate ? null : slot, byDate ? s.slots().get(slot).date() : null);
                });
    }

    private static Meeting meeting(SplittableRandom r, Season s) {
        String home = team(r, s);
        String away = team(r, s);
        while (away.equals(home)) {
            away = team(r, s);
        }
        return new Meeting(home, away);
    }

    @Override
    List<RandomSeasons.Shape> shapes() {
        return List.of(RandomSeasons.Shape.compact(4), RandomSeasons.Shape.compact(6), RandomSeasons.Shape.relaxed(4, 3, true));
    }
}
