package io.flextime.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.ConstraintType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published season schema names the constraint types the catalogue defines, no more and no fewer. */
class SeasonSchemaTest {

    @Test
    void theSchemaListsEveryConstraintTypeOfTheCatalogue() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SeasonJsonReader.SCHEMA_RESOURCE)) {
            schema = new ObjectMapper().readTree(in);
        }
        List<String> listed = new ArrayList<>();
        schema.at("/properties/constraints/items/properties/type/enum").forEach(t -> listed.add(t.asText()));
        assertEquals(Arrays.stream(ConstraintType.values()).map(Enum::name).toList(), listed,
                SeasonJsonReader.SCHEMA_RESOURCE + ": the constraint type enum must list ConstraintType's constants, in order");
    }
}
