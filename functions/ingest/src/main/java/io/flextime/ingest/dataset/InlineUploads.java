package io.flextime.ingest.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.audit.Actor;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.ingest.store.UploadObjects;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A season posted inline becomes an object like any upload ({@code inline/<tenant>/<sha256>.json} in the
 * data bucket, outside {@code uploads/} so no S3 notification fires for it), and is then kept raw,
 * hashed and quarantined exactly as an S3 upload is.
 */
@ApplicationScoped
public class InlineUploads {
    private final UploadObjects objects;
    private final FlexTimeConfig config;
    private final ObjectMapper mapper;

    public InlineUploads(UploadObjects objects, FlexTimeConfig config, ObjectMapper mapper) {
        this.objects = objects;
        this.config = config;
        this.mapper = mapper;
    }

    /** Where a tenant's inline documents are kept (data bucket). */
    public static String prefix(String tenant) {
        return "inline/" + tenant + "/";
    }

    public IngestCommand store(String tenant, JsonNode dataset, String season, Actor actor) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(dataset);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the dataset cannot be serialized: " + e.getMessage());
        }
        String sha = HexFormat.of().formatHex(UploadObjects.sha256().digest(bytes));
        String key = prefix(tenant) + sha + ".json";
        objects.put(config.buckets().data(), key, bytes, "application/json");
        return new IngestCommand(tenant, config.buckets().data(), key, "json", season, "http", actor.correlationId(), actor);
    }
}
