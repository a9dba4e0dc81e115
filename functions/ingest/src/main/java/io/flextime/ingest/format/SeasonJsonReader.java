package io.flextime.ingest.format;

import io.flextime.core.format.Utf8Text;
import io.flextime.core.format.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.flextime.core.model.Season;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.Set;

/**
 * The canonical JSON season document, checked against the published JSON Schema
 * ({@code flextime/ingest/season.schema.json}) before it is mapped onto {@link Season}.
 */
@ApplicationScoped
public class SeasonJsonReader {
    public static final String SCHEMA_RESOURCE = "flextime/ingest/season.schema.json";

    private final ObjectMapper mapper;
    private final JsonSchema schema;

    public SeasonJsonReader(ObjectMapper mapper) {
        this.mapper = mapper;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot load " + SCHEMA_RESOURCE, e);
        }
    }

    public Season read(Upload upload) {
        try (InputStream in = Files.newInputStream(upload.file())) {
            return read(in, upload.fileName());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Season read(InputStream in, String file) throws IOException {
        JsonNode tree;
        try (Reader reader = Utf8Text.reader(in, file)) {
            tree = mapper.readTree(reader);
        } catch (JsonProcessingException e) {
            if (Utf8Text.isDecodingFailure(e)) {
                throw Problems.fatal(Utf8Text.NOT_UTF8, file, Utf8Text.notUtf8Reason());
            }
            var loc = e.getLocation();
            throw Problems.fatal(new io.flextime.core.problem.ProblemLocation("MALFORMED_JSON", file, null,
                    loc == null ? null : (long) loc.getLineNr(), loc == null ? null : "column " + loc.getColumnNr(),
                    e.getOriginalMessage()));
        } catch (IOException e) {
            if (Utf8Text.isDecodingFailure(e)) {
                throw Problems.fatal(Utf8Text.NOT_UTF8, file, Utf8Text.notUtf8Reason());
            }
            throw e;
        }
        if (tree == null || !tree.isObject()) {
            throw Problems.fatal("MALFORMED_JSON", file, "the document is not a JSON object");
        }
        Set<ValidationMessage> messages = schema.validate(tree);
        if (!messages.isEmpty()) {
            Problems problems = new Problems();
            messages.stream().sorted(Comparator.comparing(m -> m.getInstanceLocation().toString()))
                    .forEach(m -> problems.add("SCHEMA_VIOLATION", file, null, null, m.getInstanceLocation().toString(),
                            m.getMessage()));
            problems.throwIfAny(file + " does not match " + SCHEMA_RESOURCE);
        }
        ObjectNode season = (ObjectNode) tree;
        season.remove("$schema");
        try {
            return mapper.treeToValue(season, Season.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw Problems.fatal("WRONG_TYPE", file, e.getMessage());
        }
    }
}
