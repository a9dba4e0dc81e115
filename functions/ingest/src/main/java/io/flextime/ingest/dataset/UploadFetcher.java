package io.flextime.ingest.dataset;

import io.flextime.events.data.IngestRequested;
import io.flextime.ingest.config.IngestConfig;
import io.flextime.ingest.format.CsvSetReader;
import io.flextime.ingest.format.FormatDetector;
import io.flextime.core.format.Problems;
import io.flextime.ingest.format.Upload;
import io.flextime.ingest.format.UploadParts;
import io.flextime.ingest.store.UploadObjects;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Brings an upload (and, for a manifest, the files it lists beside it) to local disk and identifies it. */
@ApplicationScoped
public class UploadFetcher {
    private final UploadObjects objects;
    private final CsvSetReader csv;
    private final IngestConfig config;

    public UploadFetcher(UploadObjects objects, CsvSetReader csv, IngestConfig config) {
        this.objects = objects;
        this.csv = csv;
        this.config = config;
    }

    /** Empty when the object does not exist (any more). */
    public Optional<FetchedUpload> fetch(String bucket, String key, String declaredFormat, Path dir) throws IOException {
        Optional<Upload> main = objects.spool(bucket, key, config.maxUploadBytes(), dir.resolve("upload"));
        if (main.isEmpty()) {
            return Optional.empty();
        }
        Upload upload = main.get();
        String format = FormatDetector.detect(upload, declaredFormat);
        if (!format.equals(IngestRequested.FORMAT_CSV_MANIFEST)) {
            return Optional.of(new FetchedUpload(upload, format, null, upload.sha256(), List.of(key), upload.size()));
        }
        Map<String, String> files = csv.manifestFiles(Files.readAllBytes(upload.file()), upload.fileName());
        String prefix = key.substring(0, key.lastIndexOf('/') + 1);
        Map<String, Path> local = new LinkedHashMap<>();
        local.put(CsvSetReader.MANIFEST, upload.file());
        List<String> keys = new ArrayList<>(List.of(key));
        MessageDigest combined = UploadObjects.sha256();
        combined.update(HexFormat.of().parseHex(upload.sha256()));
        long total = upload.size();
        int n = 0;
        for (String name : files.values()) {
            if (local.containsKey(name)) {
                continue;
            }
            Optional<Upload> part = objects.spool(bucket, prefix + name, config.maxUploadBytes() - total,
                    dir.resolve("part-" + (n++)));
            if (part.isEmpty()) {
                throw Problems.fatal("MISSING_FILE", name, "the manifest lists " + name + " but there is no " + prefix + name
                        + " (upload the CSV files first and the manifest last)");
            }
            total += part.get().size();
            local.put(name, part.get().file());
            keys.add(prefix + name);
            combined.update(name.getBytes(StandardCharsets.UTF_8));
            combined.update((byte) 0);
            combined.update(HexFormat.of().parseHex(part.get().sha256()));
        }
        UploadParts parts = new UploadParts() {
            @Override
            public List<String> names() {
                return new ArrayList<>(local.keySet());
            }

            @Override
            public InputStream open(String name) throws IOException {
                Path p = local.get(name);
                if (p == null) {
                    throw new java.io.FileNotFoundException(name);
                }
                return Files.newInputStream(p);
            }
        };
        return Optional.of(new FetchedUpload(upload, format, parts, HexFormat.of().formatHex(combined.digest()), keys, total));
    }
}
