package io.flextime.rules.drift;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.Rule;
import io.flextime.rules.RuleFamilies;
import io.flextime.rules.evaluator.Assignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A family's drift test: random small seasons holding 1–4 random rules of the family (hard or soft), a
 * few random schedules each, and every implementation of the rules compared on each ({@link DriftCheck}).
 * Half the seasons keep to the types the annealing scores, so its cost is compared too.
 */
abstract class FamilyDrift {
    /** A random rule of one of the family's types, valid for the season. */
    @FunctionalInterface
    interface RuleMaker {
        Rule make(SplittableRandom random, Season season);
    }

    /** The family's rule makers, one per type. */
    abstract List<RuleMaker> makers();

    /** The season shapes the family is tried on. */
    abstract List<RandomSeasons.Shape> shapes();

    long seed() {
        return getClass().getSimpleName().hashCode();
    }

    int seasons() {
        return 24;
    }

    @Test
    void modelCostCheckAndProbeAgreeOnRandomSeasonsAndSchedules() {
        SplittableRandom random = new SplittableRandom(seed());
        int compared = 0;
        int broken = 0;
        int kept = 0;
        for (int k = 0; k < seasons(); k++) {
            RandomSeasons.Shape shape = shapes().get(k % shapes().size());
            Season base = RandomSeasons.season(random, shape, List.of());
            List<RuleMaker> makers = makers();
            boolean scoredOnly = k % 2 == 0;
            List<SeasonConstraint> rules = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int attempt = 0; rules.size() < count && attempt < 50; attempt++) {
                Rule rule = makers.get(random.nextInt(makers.size())).make(random, base);
                if (scoredOnly && !RuleFamilies.of(rule.type()).scored()) {
                    continue;
                }
                boolean hard = random.nextBoolean();
                rules.add(new SeasonConstraint("r" + rules.size(), hard, hard ? 0 : 1 + random.nextInt(5), rule));
            }
            Season season = RandomSeasons.with(base, rules);
            for (int sched = 0; sched < 3; sched++) {
                List<Assignment> games = RandomSeasons.schedule(random, season);
                String context = getClass().getSimpleName() + " season " + k + " " + shape + " schedule " + sched;
                compared += DriftCheck.all(season, games, context);
                for (Map.Entry<String, Integer> e : DriftCheck.reference(season, games).entrySet()) {
                    if (e.getValue() > 0) {
                        broken++;
                    } else {
                        kept++;
                    }
                }
            }
        }
        assertTrue(compared > 100, "comparisons made: " + compared);
        assertTrue(broken > 10 && kept > 10, "the schedules both keep and break the rules: " + kept + " kept, " + broken
                + " broken");
    }
}
