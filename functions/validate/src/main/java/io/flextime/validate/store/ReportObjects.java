package io.flextime.validate.store;

import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.store.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The report files in the data bucket: reports/&lt;tenant&gt;/&lt;version&gt;/validation.json and .html. */
@ApplicationScoped
public class ReportObjects {
    private final ObjectStore objects;
    private final String bucket;

    public ReportObjects(ObjectStore objects, FlexTimeConfig config) {
        this.objects = objects;
        this.bucket = config.buckets().data();
    }

    public static String jsonKey(String tenant, UUID version) {
        return "reports/" + tenant + "/" + version + "/validation.json";
    }

    public static String htmlKey(String tenant, UUID version) {
        return "reports/" + tenant + "/" + version + "/validation.html";
    }

    /** Overwrites the version's report files: the latest revision is the one in S3 (all are in PostgreSQL). */
    public void put(String tenant, UUID version, byte[] json, String html) {
        objects.put(bucket, jsonKey(tenant, version), json, "application/json");
        objects.put(bucket, htmlKey(tenant, version), html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }

    public byte[] json(String key) {
        return objects.getBytes(bucket, key);
    }

    public String bucket() {
        return bucket;
    }
}
