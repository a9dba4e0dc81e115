package io.flextime.validate.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every finding code is documented in the README table with its category and severity. */
class FindingCodesDocumentedTest {

    @Test
    void everyCodeHasAReadmeRow() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = Arrays.stream(FindingCode.values())
                .filter(c -> !readme.contains("| `" + c.name() + "` | " + c.category() + " | " + c.severity() + " |"))
                .map(Enum::name).toList();
        assertEquals(List.of(), missing, "codes without a README row (or with a stale category/severity)");
    }
}
