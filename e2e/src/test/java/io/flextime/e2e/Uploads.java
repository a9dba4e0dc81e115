package io.flextime.e2e;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.Season;
import io.flextime.core.security.Role;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.core.trigger.S3EventNotification;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cloud's part of an upload: the object lands in the uploads bucket, and S3 notifies the ingest
 * function with an ObjectCreated event (the exact AWS JSON shape), delivered to its S3 {@code @Funq}
 * over HTTP as the Lambda runtime would.
 */
final class Uploads {
    static final Path BIG12 = LocalStack.repoRoot().resolve("samples/big12-mbb-2025-26/season.json");
    /** The season the runs upload: the Big 12 sample unless -De2e.sample=<season.json> names another. */
    static final Path SAMPLE = Path.of(System.getProperty("e2e.sample", BIG12.toString()));

    private final ObjectStore store;
    private final ObjectMapper mapper;
    private final String bucket;

    Uploads(ObjectStore store, ObjectMapper mapper, String bucket) {
        this.store = store;
        this.mapper = mapper;
        this.bucket = bucket;
    }

    /** Puts the file under {@code uploads/<tenant>/<file name>} and returns the S3 notification for it. */
    S3EventNotification upload(String tenant, Path file) {
        String key = "uploads/" + tenant + "/" + file.getFileName();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.put(bucket, key, bytes, "application/json");
        String eTag = store.head(bucket, key).orElseThrow().eTag();
        return S3EventNotification.objectCreated(bucket, key, bytes.length, eTag);
    }

    /** Games a schedule of this season has, from its format or matchups (Big 12: 16 teams x 18 games / 2 = 144). */
    int expectedGames(Path seasonFile) {
        Season season;
        try {
            season = mapper.readValue(seasonFile.toFile(), Season.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = season.teams().size();
        return switch (season.format().roundRobin()) {
            case SINGLE -> n * (n - 1) / 2;
            case DOUBLE -> n * (n - 1);
            case PARTIAL -> n * season.format().gamesPerTeam() / 2;
            case MATCHUPS -> season.matchups().stream().mapToInt(m -> m.meetings()).sum();
        };
    }

    /** Delivers the notification to ingest's {@code ingestUpload}; returns its outcome per record. */
    JsonNode deliver(String ingestUrl, S3EventNotification event) {
        String body;
        try {
            // As AWS sends it: core's Entry.isObjectCreated() is a bean getter to Jackson, not a field of the shape.
            JsonNode tree = mapper.valueToTree(event);
            tree.path("Records").forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("objectCreated"));
            body = mapper.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The local stack's upload command plays S3 with the uploader's token (the key's tenant, role scheduler).
        String tenant = event.getRecords().get(0).objectKey().split("/")[1];
        String answer = given().baseUri(ingestUrl).header(TestTokens.auth(tenant, Role.SCHEDULER)).contentType(ContentType.JSON)
                .body(body)
                .when().post("/ingestUpload")
                .then().statusCode(200).extract().asString();
        try {
            return mapper.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
