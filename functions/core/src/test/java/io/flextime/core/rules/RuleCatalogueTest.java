package io.flextime.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonFormat.RoundRobin;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue reads raw parameters once, the same way for every format, and writes them back. */
class RuleCatalogueTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One well-formed raw parameter object per type, in the shapes uploads use. */
    static final Map<ConstraintType, String> EXAMPLES = Map.ofEntries(
            Map.entry(ConstraintType.CA1, "{'teams':['a','b'],'slots':[0,1],'mode':'H','max':1}"),
            Map.entry(ConstraintType.CA2, "{'teams1':'a;b','teams2':['c'],'mode1':'HA','min':1,'max':2}"),
            Map.entry(ConstraintType.CA3, "{'teams1':['a'],'teams2':['b','c'],'intp':3,'mode1':'A','max':2}"),
            Map.entry(ConstraintType.CA4, "{'teams1':['a'],'teams2':['b'],'mode1':'H','mode2':'EVERY','max':0,'slots':'0;2'}"),
            Map.entry(ConstraintType.GA1, "{'meetings':'a,b;b,a;','slots':[3],'min':1}"),
            Map.entry(ConstraintType.BR1, "{'teams':['a'],'mode2':'A','intp':0}"),
            Map.entry(ConstraintType.BR2, "{'intp':4,'slots':[1,2,3]}"),
            Map.entry(ConstraintType.FA2, "{'teams':['a','b'],'intp':1}"),
            Map.entry(ConstraintType.SE1, "{'min':2}"),
            Map.entry(ConstraintType.VENUE_UNAVAILABLE, "{'venue':'v','dates':['2026-01-05'],'weekdays':['sunday']}"),
            Map.entry(ConstraintType.TEAM_UNAVAILABLE, "{'team':'a','slots':[4],'mode':'A'}"),
            Map.entry(ConstraintType.FIXED_GAME, "{'home':'a','away':'b','date':'2026-01-07'}"),
            Map.entry(ConstraintType.SHARED_VENUE, "{'venue':'v'}"),
            Map.entry(ConstraintType.MIN_REST_DAYS, "{'days':2}"),
            Map.entry(ConstraintType.MAX_ROAD_TRIP, "{'teams':['a'],'max':2}"),
            Map.entry(ConstraintType.WEEKDAY_PATTERN, "{'teams':['a'],'weekdays':['saturday','MONDAY','wednesday'],'withinDays':7}"),
            Map.entry(ConstraintType.GAME_WINDOW, "{'teams':['a'],'position':'first','games':4,'mode':'H','min':2}"),
            Map.entry(ConstraintType.CONSECUTIVE_GAMES, "{'games':5,'mode':'A','max':3}"),
            Map.entry(ConstraintType.GAMES_SPREAD, "{'weekdays':['SATURDAY','SUNDAY'],'mode':'H','spread':1}"));

    static ObjectNode raw(String json) {
        try {
            return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    @Test
    void everyTypeHasAnEntryThatReadsAndWritesItsRecord() {
        assertEquals(EnumSet.allOf(ConstraintType.class), EXAMPLES.keySet());
        for (ConstraintType type : ConstraintType.values()) {
            Rule rule = RuleCatalogue.read(type, raw(EXAMPLES.get(type)));
            assertEquals(type, rule.type());
            assertTrue(!(rule instanceof Malformed), () -> type + ": " + rule);
            ObjectNode written = RuleCatalogue.write(rule);
            assertEquals(rule, RuleCatalogue.read(type, written), type + " written as " + written);
            Set<String> canonical = RuleCatalogue.definition(type).params().stream().map(Param::key).collect(Collectors.toSet());
            written.fieldNames().forEachRemaining(k -> assertTrue(canonical.contains(k), type + " writes " + k));
        }
    }

    @Test
    void listsReadFromArraysAndFromRobinXStrings() {
        Ca2 ca2 = (Ca2) RuleCatalogue.read(ConstraintType.CA2, raw(EXAMPLES.get(ConstraintType.CA2)));
        assertEquals(List.of("a", "b"), ca2.teams1());
        assertEquals(List.of(), ca2.slots(), "absent: every slot");
        Ga1 ga1 = (Ga1) RuleCatalogue.read(ConstraintType.GA1, raw(EXAMPLES.get(ConstraintType.GA1)));
        assertEquals(List.of(new Meeting("a", "b"), new Meeting("b", "a")), ga1.meetings());
        assertEquals(RuleCatalogue.NO_LIMIT, ga1.max());
        VenueUnavailable venue = (VenueUnavailable) RuleCatalogue.read(ConstraintType.VENUE_UNAVAILABLE,
                raw(EXAMPLES.get(ConstraintType.VENUE_UNAVAILABLE)));
        assertEquals(List.of(LocalDate.of(2026, 1, 5)), venue.cover().dates());
        assertEquals(List.of(DayOfWeek.SUNDAY), venue.cover().weekdays());
        Ca1 all = (Ca1) RuleCatalogue.read(ConstraintType.CA1, raw("{'teams':'all','mode':'HA','min':1}"));
        assertEquals(List.of(), all.teams(), "'all' is every team, as an absent list");
    }

    @Test
    void aliasesAndDefaultsAreDecidedOnce() {
        Ca1 byAlias = (Ca1) RuleCatalogue.read(ConstraintType.CA1, raw("{'mode1':'A','max':2}"));
        assertEquals(Mode.A, byAlias.mode());
        Br1 br1 = (Br1) RuleCatalogue.read(ConstraintType.BR1, raw("{'mode':'H','intp':1}"));
        assertEquals(Mode.H, br1.mode());
        assertEquals(Mode.HA, ((Br1) RuleCatalogue.read(ConstraintType.BR1, raw("{'intp':1}"))).mode());
        assertEquals(Ca4.Spread.GLOBAL, ((Ca4) RuleCatalogue.read(ConstraintType.CA4, raw("{'mode1':'H','max':1}"))).spread());
        assertEquals(Mode.HA, ((TeamUnavailable) RuleCatalogue.read(ConstraintType.TEAM_UNAVAILABLE,
                raw("{'team':'a','slots':[1]}"))).mode());
    }

    @Test
    void aCa1WithoutModeIsMalformed() {
        Malformed m = assertInstanceOf(Malformed.class, RuleCatalogue.read(ConstraintType.CA1, raw("{'teams':['a'],'max':1}")));
        assertEquals(List.of(new ParamProblem("mode", ParamProblem.Kind.MISSING, "needs parameter mode")), m.problems());
        assertEquals(raw("{'teams':['a'],'max':1}"), RuleCatalogue.write(m), "the raw parameters are kept");
    }

    @Test
    void everyProblemIsNamedWithItsKind() {
        Malformed m = (Malformed) RuleCatalogue.read(ConstraintType.CA1, raw("{'mode':'X','min':3,'max':1,'slots':[1,'x']}"));
        assertEquals(List.of("slots:WRONG_TYPE", "mode:OUT_OF_RANGE", "min|max:OUT_OF_RANGE"),
                m.problems().stream().map(p -> p.key() + ":" + p.kind()).toList());
        m = (Malformed) RuleCatalogue.read(ConstraintType.CA1, raw("{'mode':'H','min':3,'max':1}"));
        assertEquals(List.of(new ParamProblem("min|max", ParamProblem.Kind.OUT_OF_RANGE, "min 3 > max 1")), m.problems());
        m = (Malformed) RuleCatalogue.read(ConstraintType.CA1, raw("{'mode':'H'}"));
        assertEquals(List.of(new ParamProblem("min|max", ParamProblem.Kind.MISSING, "needs parameter min or max")), m.problems());
        m = (Malformed) RuleCatalogue.read(ConstraintType.SE1, raw("{'min':-1}"));
        assertEquals(ParamProblem.Kind.OUT_OF_RANGE, m.problems().get(0).kind());
        m = (Malformed) RuleCatalogue.read(ConstraintType.MAX_ROAD_TRIP, raw("{'max':2.5}"));
        assertEquals(ParamProblem.Kind.WRONG_TYPE, m.problems().get(0).kind());
        m = (Malformed) RuleCatalogue.read(ConstraintType.FIXED_GAME, raw("{'home':'a','away':'a','date':'07/01/2026'}"));
        assertEquals(List.of("date:WRONG_TYPE", "home|away:OUT_OF_RANGE"), m.problems().stream().map(p -> p.key() + ":" + p.kind()).toList());
        m = (Malformed) RuleCatalogue.read(ConstraintType.CA1, raw("{'mode':'H','mode1':'A','max':1}"));
        assertEquals(List.of("mode:WRONG_TYPE"), m.problems().stream().map(p -> p.key() + ":" + p.kind()).toList());
        m = (Malformed) RuleCatalogue.read(ConstraintType.GA1, raw("{'meetings':[['a','a']],'max':1}"));
        assertEquals(ParamProblem.Kind.OUT_OF_RANGE, m.problems().get(0).kind());
    }

    @Test
    void robinXAttributesMapThroughTheDeclarations() {
        Rule ca1 = RuleCatalogue.read(ConstraintType.CA1, RuleCatalogue.fromRobinX(ConstraintType.CA1,
                Map.of("teams", "0", "slots", "0;1;2", "mode", "H", "max", "1", "min", "0", "type", "HARD", "penalty", "1")));
        assertEquals(new Ca1(List.of("0"), List.of(0, 1, 2), Mode.H, 0, 1), ca1);
        Rule br1 = RuleCatalogue.read(ConstraintType.BR1, RuleCatalogue.fromRobinX(ConstraintType.BR1,
                Map.of("teams", "3", "slots", "1", "mode1", "LEQ", "mode2", "HA", "intp", "0")));
        assertEquals(new Br1(List.of("3"), List.of(1), Mode.HA, 0), br1);
        assertEquals(ConstraintType.SE1, RuleCatalogue.robinX("SE1").orElseThrow());
        assertTrue(RuleCatalogue.robinX("FIXED_GAME").isEmpty(), "extensions are not RobinX elements");
    }

    @Test
    void constraintsTravelAsRawParamsAndLoadTyped() throws Exception {
        SeasonConstraint c = new SeasonConstraint("c1", true, 0, new Ca1(List.of("a"), List.of(1), Mode.A, 0, 2));
        String json = JSON.writeValueAsString(c);
        assertEquals("{\"id\":\"c1\",\"type\":\"CA1\",\"hard\":true,\"penalty\":0,"
                + "\"params\":{\"teams\":[\"a\"],\"slots\":[1],\"mode\":\"A\",\"min\":0,\"max\":2}}", json);
        assertEquals(c, JSON.readValue(json, SeasonConstraint.class));
        SeasonConstraint legacy = JSON.readValue("{\"id\":\"old\",\"type\":\"CA1\",\"hard\":true,\"params\":{\"max\":1}}",
                SeasonConstraint.class);
        assertTrue(!legacy.wellFormed());
        assertEquals(raw("{'max':1}"), legacy.params(), "a stored malformed rule keeps its raw parameters");
    }

    @Test
    void theFormatKindDefaultsToTheMatchupsWhenTheSeasonListsThem() {
        SeasonFormat open = new SeasonFormat(null, false, false, false, null, null, null, null);
        Season withMatchups = new Season("s", "s", null, null, null, null, open, null, false, List.of(), List.of(), List.of(),
                List.of(), List.of(new Matchup("a", "b", 1)), List.of());
        assertEquals(RoundRobin.MATCHUPS, withMatchups.format().roundRobin());
        Season without = new Season("s", "s", null, null, null, null, open, null, false, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
        assertEquals(RoundRobin.DOUBLE, without.format().roundRobin());
        Season claimed = new Season("s", "s", null, null, null, null, open.withRoundRobin(RoundRobin.SINGLE), null, false,
                List.of(), List.of(), List.of(), List.of(), List.of(new Matchup("a", "b", 1)), List.of());
        assertEquals(RoundRobin.SINGLE, claimed.format().roundRobin());
    }
}
