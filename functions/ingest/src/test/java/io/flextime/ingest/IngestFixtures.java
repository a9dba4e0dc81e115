package io.flextime.ingest;

import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.TestDatabase;
import io.flextime.events.EventType;
import io.flextime.ingest.samples.SamplePaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Helpers shared by the ingest tests: unique tenants, sample files, zips, DB counts, events. */
public final class IngestFixtures {
    public static final Path SAMPLE = SamplePaths.sample("big12-mbb-2025-26");
    public static final String UPLOADS = "flextime-uploads";
    public static final String DATA = "flextime-data";

    private IngestFixtures() {
    }

    public static String tenant(String prefix) {
        return "ingesttest-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static byte[] sampleJson() throws IOException {
        return Files.readAllBytes(SAMPLE.resolve("season.json"));
    }

    /** The sample CSV set's files (name → bytes), to edit and zip. */
    public static Map<String, byte[]> sampleCsvFiles() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(SAMPLE.resolve("csv"))) {
            for (Path p : s.sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    public static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    public static long count(String sql) {
        try (Connection c = TestDatabase.owner(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String string(String sql) {
        try (Connection c = TestDatabase.owner(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long versions(String tenant) {
        return count("SELECT count(*) FROM dataset_version WHERE tenant = '" + tenant + "'");
    }

    /** Events of a type for a tenant; waits until {@code atLeast} arrived or the time is up. */
    public static List<ConsumerRecord<String, String>> events(EventType type, String tenant, int atLeast, Duration wait) {
        return KafkaProbe.read(type.topic(), r -> r.value().contains("\"tenant\":\"" + tenant + "\""),
                found -> found.size() >= atLeast, wait);
    }

    /** An S3 ObjectCreated notification exactly as AWS delivers it to Lambda. */
    public static String s3Event(String bucket, String key, long size) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                "eventTime":"2026-01-02T10:00:00.000Z","eventName":"ObjectCreated:Put",
                "userIdentity":{"principalId":"AWS:AIDAEXAMPLE"},
                "requestParameters":{"sourceIPAddress":"127.0.0.1"},
                "responseElements":{"x-amz-request-id":"C3D13FE58DE4C810","x-amz-id-2":"FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"},
                "s3":{"s3SchemaVersion":"1.0","configurationId":"flextime-uploads",
                "bucket":{"name":"%s","ownerIdentity":{"principalId":"A3NL1KOZZKExample"},"arn":"arn:aws:s3:::%s"},
                "object":{"key":"%s","size":%d,"eTag":"d41d8cd98f00b204e9800998ecf8427e","sequencer":"0055AED6DCD90281E5"}}}]}
                """.formatted(bucket, bucket, key.replace(" ", "+"), size);
    }
}
