package io.flextime.validate.checks;

import static io.flextime.validate.SeasonFixtures.hard;
import static io.flextime.validate.SeasonFixtures.params;
import static io.flextime.validate.SeasonFixtures.valid;
import static io.flextime.validate.SeasonFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.validate.findings.Finding;
import io.flextime.validate.findings.Severity;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Check class 1: schema, ranges and integrity — each rule once failing, and the valid fixture passing. */
class RecordChecksTest {

    @Test
    void aValidSeasonHasNoRecordFindings() {
        assertEquals(List.of(), Findings.of(new RangeCheck(), valid()));
        assertEquals(List.of(), Findings.of(new IdentityCheck(), valid()));
        assertEquals(List.of(), Findings.of(new ConstraintParamCheck(), valid()));
    }

    @Test
    void coordinatesOffEarthAndBadCapacityAreErrorsOnTheVenueRowAndField() {
        var season = with(valid(), b -> {
            b.venues.set(1, new Venue("hilton", "Hilton Coliseum", "Ames", 142.02, -193.6, 0, "America/Chicago"));
            return b;
        });
        List<Finding> found = Findings.of(new RangeCheck(), season);
        assertEquals(List.of("RANGE_LATITUDE", "RANGE_LONGITUDE", "RANGE_CAPACITY"), found.stream().map(Finding::code).toList());
        Finding lat = found.get(0);
        assertEquals("venue", lat.entity());
        assertEquals("hilton", lat.entityId());
        assertEquals(2, lat.row(), "second venue of the list");
        assertEquals("latitude", lat.field());
        assertEquals(Severity.ERROR, lat.severity());
    }

    @Test
    void datesOutsideTheSeasonBadTimesZonesAndPenaltiesAreFlagged() {
        var season = with(valid(), b -> {
            b.slots.set(5, new Slot(5, b.end.plusDays(1), LocalTime.of(20, 0), LocalTime.of(19, 0), "late"));
            b.teams.set(0, new Team("kansas", "Kansas", "allen", "Central Time", Map.of()));
            b.constraints.add(new io.flextime.core.model.SeasonConstraint("soft-1", ConstraintType.CA1, false, -5,
                    params().put("max", 1)));
            return b;
        });
        assertEquals(List.of("RANGE_TIME_ZONE", "RANGE_SLOT_DATE", "RANGE_SLOT_TIME", "RANGE_PENALTY"),
                Findings.codes(new RangeCheck(), season));
    }

    @Test
    void duplicatesBrokenReferencesAndSlotGapsAreIntegrityErrors() {
        var season = with(valid(), b -> {
            b.teams.add(new Team("kansas", "Kansas again", "phog", null, Map.of()));
            b.slots.set(3, new Slot(7, b.slots.get(3).date(), null, null, "gap"));
            b.matchups.add(new Matchup("kansas", "texas", 1));
            return b;
        });
        List<String> codes = Findings.codes(new IdentityCheck(), season);
        assertTrue(codes.contains("DUP_TEAM_ID"), codes.toString());
        assertTrue(codes.contains("REF_UNKNOWN_VENUE"), codes.toString());
        assertTrue(codes.contains("REF_UNKNOWN_TEAM"), codes.toString());
        assertTrue(codes.contains("RANGE_SLOT_INDEX"), codes.toString());
    }

    @Test
    void constraintParametersAreCheckedForPresenceRangeAndReferences() {
        var season = with(valid(), b -> b
                .constraint(hard("no-bound", ConstraintType.CA1, params().put("mode", "H")))
                .constraint(hard("min-over-max", ConstraintType.CA1, params().put("min", 3).put("max", 1).put("mode", "X")))
                .constraint(hard("ghost", ConstraintType.TEAM_UNAVAILABLE, params().put("team", "texas").put("slots", "99")))
                .constraint(hard("bad-date", ConstraintType.VENUE_UNAVAILABLE, params().put("venue", "allen")
                        .put("dates", "14/02/2026"))));
        List<Finding> found = Findings.of(new ConstraintParamCheck(), season);
        List<String> got = found.stream().map(f -> f.entityId() + ":" + f.code()).toList();
        assertEquals(List.of("no-bound:SCHEMA_PARAM_MISSING", "min-over-max:RANGE_CONSTRAINT_PARAM",
                "min-over-max:RANGE_CONSTRAINT_PARAM", "ghost:REF_UNKNOWN_TEAM", "ghost:REF_UNKNOWN_SLOT",
                "bad-date:SCHEMA_PARAM_TYPE"), got);
    }
}
