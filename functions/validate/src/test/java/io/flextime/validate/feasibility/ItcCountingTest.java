package io.flextime.validate.feasibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Season;
import io.flextime.validate.bench.ItcInstances;
import io.flextime.core.model.SeasonIndex;
import io.flextime.validate.checks.SeasonValidator;
import io.flextime.validate.checks.ValidationSettings;
import io.flextime.validate.findings.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every ITC2021 instance is feasible (each has a published solution), so none may fail a counting
 * check or a record check: a finding here would be a false alarm of validate, not a data problem.
 */
class ItcCountingTest {

    @Test
    void everyItc2021InstancePassesTheCountingAndRecordChecks() throws Exception {
        List<Path> files = ItcInstances.files();
        assertEquals(39, files.size(), "Early 1-15, Middle 1-15, Test 1-8 and the demo");
        SeasonValidator checks = new SeasonValidator(ValidationSettings.defaults().withProbe(false));
        List<String> alarms = new ArrayList<>();
        int hardConstraints = 0;
        for (Path file : files) {
            Season season = ItcInstances.read(file);
            hardConstraints += (int) season.constraints().stream().filter(c -> c.hard()).count();
            long started = System.nanoTime();
            List<Finding> counting = new FeasibilityPass().counting(SeasonIndex.tolerant(season));
            double seconds = (System.nanoTime() - started) / 1e9;
            counting.forEach(f -> alarms.add(file.getFileName() + ": " + f.code() + " " + f.message()));
            checks.validate(season).findings().stream().filter(Finding::isError)
                    .forEach(f -> alarms.add(file.getFileName() + ": " + f.code() + " " + f.message()));
            assertTrue(seconds < 2, file.getFileName() + " took " + seconds + " s");
        }
        assertTrue(hardConstraints > 1000, "the instances' hard constraints were read and checked: " + hardConstraints);
        assertEquals(List.of(), alarms);
    }
}
