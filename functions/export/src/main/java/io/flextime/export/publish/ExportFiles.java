package io.flextime.export.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.store.ObjectStore;
import io.flextime.events.data.ExportCompleted.ExportFile;
import io.flextime.export.render.RenderedFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Writes a version's files to the exports bucket under {@code exports/<tenant>/<season>/<version>/}
 * and, last, {@code manifest.json} listing each file with its format, size and SHA-256. Keys are
 * deterministic, so writing the same version again overwrites rather than adds.
 */
@ApplicationScoped
public class ExportFiles {
    public static final String MANIFEST = "manifest.json";

    private final ObjectStore store;
    private final FlexTimeConfig config;
    private final ObjectMapper mapper;

    public ExportFiles(ObjectStore store, FlexTimeConfig config, ObjectMapper mapper) {
        this.store = store;
        this.config = config;
        this.mapper = mapper;
    }

    /** The written set: the manifest's key and the files (full keys). */
    public record Written(String manifestKey, List<ExportFile> files) {
    }

    public static String folder(String tenant, String season, UUID version) {
        return "exports/" + tenant + "/" + season + "/" + version + "/";
    }

    /** Where a draft's review files go: never under a publication's folder, never in a public feed. */
    public static String draftFolder(String tenant, String season, UUID version) {
        return "exports/" + tenant + "/" + season + "/drafts/" + version + "/";
    }

    public String bucket() {
        return config.buckets().exports();
    }

    public List<ExportFile> upload(String folder, List<RenderedFile> files) {
        List<ExportFile> out = new ArrayList<>();
        for (RenderedFile f : files) {
            String key = folder + f.name();
            store.put(bucket(), key, f.bytes(), f.contentType());
            out.add(new ExportFile(key, f.format(), f.bytes().length, sha256(f.bytes())));
        }
        return out;
    }

    public Written write(String tenant, String season, UUID version, UUID previousVersion, Instant publishedAt,
            List<RenderedFile> files) {
        ObjectNode manifest = mapper.createObjectNode();
        manifest.put("previousScheduleVersionId", previousVersion == null ? null : previousVersion.toString());
        manifest.put("publishedAt", publishedAt.toString());
        return write(folder(tenant, season, version), tenant, season, version, manifest, files);
    }

    /** A draft's review files and their manifest ({@code stage: draft}, the version compared with). */
    public Written writeDraft(String tenant, String season, UUID version, UUID comparedWith, List<RenderedFile> files) {
        ObjectNode manifest = mapper.createObjectNode();
        manifest.put("stage", "draft");
        manifest.put("comparedWithScheduleVersionId", comparedWith == null ? null : comparedWith.toString());
        return write(draftFolder(tenant, season, version), tenant, season, version, manifest, files);
    }

    private Written write(String folder, String tenant, String season, UUID version, ObjectNode extra, List<RenderedFile> files) {
        List<ExportFile> written = upload(folder, files);
        ObjectNode manifest = mapper.createObjectNode();
        manifest.put("tenant", tenant);
        manifest.put("season", season);
        manifest.put("scheduleVersionId", version.toString());
        manifest.setAll(extra);
        ArrayNode list = manifest.putArray("files");
        for (ExportFile f : written) {
            list.addObject().put("file", f.file()).put("format", f.format()).put("bytes", f.bytes()).put("sha256", f.sha256());
        }
        String key = folder + MANIFEST;
        try {
            store.put(bucket(), key, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Written(key, written);
    }

    public String json(List<ExportFile> files) {
        ArrayNode list = mapper.createArrayNode();
        files.forEach(f -> list.addObject().put("file", f.file()).put("format", f.format()).put("bytes", f.bytes())
                .put("sha256", f.sha256()));
        return list.toString();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
