package io.flextime.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flextime.core.rules.ConstraintTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's constraint tables are the catalogue's: a change to a definition must show there too. */
class ConstraintTableTest {

    @Test
    void theReadmeTablesAreWrittenFromTheCatalogue() throws Exception {
        Path readme = Path.of("README.md");
        String committed = Files.readString(readme);
        String generated = ConstraintTable.into(committed);
        if (Boolean.getBoolean("flextime.readme.write")) {
            Files.writeString(readme, generated);
            return;
        }
        assertEquals(generated, committed, "functions/rules/README.md is not what the catalogue says; regenerate it with "
                + "./flextime test -pl functions/rules -am -Dtest=ConstraintTableTest -Dflextime.readme.write=true "
                + "-Dsurefire.failIfNoSpecifiedTests=false");
    }
}
