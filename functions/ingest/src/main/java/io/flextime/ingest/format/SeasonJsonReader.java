package io.flextime.ingest.format;

import io.flextime.core.format.Utf8Text;
import io.flextime.core.format.Problems;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.flextime.core.model.Season;
import io.flextime.events.data.IngestRequested;
import io.flextime.ingest.config.IngestConfig;
import io.flextime.ingest.store.UploadObjects;
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
 * <p>
 * The schema check needs the whole tree, so the read is bounded instead of streamed: the document may
 * have at most {@code flextime.ingest.max-bytes.json} bytes (checked before, and again by the parser),
 * 64 levels of nesting and 1 MB per string. A season holds no historical games (those come as a CSV or
 * a sheet, streamed), so 16 MiB is far above any real season.
 */
@ApplicationScoped
public class SeasonJsonReader {
    public static final String SCHEMA_RESOURCE = "flextime/ingest/season.schema.json";

    private final ObjectMapper mapper;
    private final JsonSchema schema;

    public SeasonJsonReader(ObjectMapper mapper, IngestConfig config) {
        long maxBytes = config.maxBytes().getOrDefault(IngestRequested.FORMAT_JSON, config.maxUploadBytes());
        this.mapper = mapper.copyWith(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(maxBytes).maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(100).build())
                .build());
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
        } catch (StreamConstraintsException e) {
            throw Problems.fatal(UploadObjects.TOO_LARGE, file, "the JSON document is over a read limit: " + e.getOriginalMessage());
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
