package io.flextime.ingest.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.core.problem.ProblemException;
import io.flextime.ingest.format.Locator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Constraint params are checked as the rule catalogue declares them, whatever the upload's format. */
class SeasonChecksTest {
    /** The caps (flextime.ingest.max-teams / max-slots) are not what these tests are about: far above a two-team season. */
    private static final int MAX_TEAMS = 1000;
    private static final int MAX_SLOTS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SeasonConstraint constraint(String id, ConstraintType type, String params) throws Exception {
        return new SeasonConstraint(id, type, true, 0, (ObjectNode) JSON.readTree(params.replace('\'', '"')));
    }

    private static Season season(SeasonConstraint... constraints) {
        return new Season("s", "s", null, null, null, null, null, null, false,
                List.of(new Team("a", "A", "va", null, Map.of()), new Team("b", "B", "vb", null, Map.of())),
                List.of(new Venue("va", "VA", null, null, null, null, null), new Venue("vb", "VB", null, null, null, null, null)),
                List.of(new Slot(0, null, null, null, null), new Slot(1, null, null, null, null)), List.of(constraints), List.of(),
                List.of());
    }

    private static List<String> problems(Season s) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> SeasonChecks.check(s, Locator.json("season.json"), MAX_TEAMS, MAX_SLOTS));
        return e.problem().errors().stream().map(l -> l.code() + " " + l.column()).toList();
    }

    @Test
    void paramsTheCatalogueRejectsAreLocatedProblems() throws Exception {
        Season s = season(constraint("no-mode", ConstraintType.CA1, "{'teams':['a'],'max':1}"),
                constraint("ghost", ConstraintType.TEAM_UNAVAILABLE, "{'team':'zz','slots':[7]}"),
                constraint("bad", ConstraintType.SE1, "{'min':'two'}"),
                constraint("ok", ConstraintType.CA2, "{'teams1':'a;b','mode1':'H','max':1}"));
        assertEquals(List.of("MISSING_VALUE $.constraints[0].params.mode", "UNKNOWN_REFERENCE $.constraints[1].params.team",
                "UNKNOWN_REFERENCE $.constraints[1].params.slots", "WRONG_TYPE $.constraints[2].params.min"), problems(s));
    }

    @Test
    void aRuleReadingDatesIsRejectedInASeasonWithoutDates() throws Exception {
        Season s = season(constraint("sat-mon-wed", ConstraintType.WEEKDAY_PATTERN,
                "{'weekdays':['SATURDAY','MONDAY','WEDNESDAY']}"));
        assertEquals(List.of("WRONG_TYPE $.constraints[0].type"), problems(s));
    }

    @Test
    void theUploadSchemaAcceptsEveryTypeOfTheCatalogue() throws Exception {
        try (var in = SeasonChecks.class.getResourceAsStream("/flextime/ingest/season.schema.json")) {
            var types = JSON.readTree(in).at("/properties/constraints/items/properties/type/enum");
            List<String> listed = new java.util.ArrayList<>();
            types.forEach(t -> listed.add(t.asText()));
            assertEquals(java.util.Arrays.stream(ConstraintType.values()).map(Enum::name).sorted().toList(),
                    listed.stream().sorted().toList());
        }
    }

    @Test
    void wellFormedParamsPass() throws Exception {
        SeasonChecks.check(season(constraint("ok", ConstraintType.CA1, "{'teams':['a'],'mode':'HA','min':1,'slots':[0,1]}")),
                Locator.json("season.json"), MAX_TEAMS, MAX_SLOTS);
    }
}
