package io.flextime.ingest.trigger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.Season;
import io.flextime.core.security.Role;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.events.EventType;
import io.flextime.events.data.DatasetIngested;
import io.flextime.ingest.IngestFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** S3 ObjectCreated (the AWS JSON) → a version; the same notification twice → one version, one event. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class S3UploadTriggerTest {
    @Inject
    ObjectStore store;
    @Inject
    TenantDb db;
    @Inject
    SeasonRepository seasons;
    @Inject
    ObjectMapper mapper;

    @Test
    void theSameNotificationTwiceGivesOneVersionAndOneEvent() throws Exception {
        String tenant = IngestFixtures.tenant("s3");
        String key = "uploads/" + tenant + "/big12 season.json";
        byte[] json = IngestFixtures.sampleJson();
        store.put(IngestFixtures.UPLOADS, key, json, "application/json");
        String notification = IngestFixtures.s3Event(IngestFixtures.UPLOADS, key, json.length);

        Header uploader = TestTokens.auth(tenant, Role.SCHEDULER);
        String versionId = given().header(uploader).contentType(ContentType.JSON).body(notification).post("/ingestUpload")
                .then().statusCode(200).body("[0].status", equalTo("INGESTED")).body("[0].versionNumber", equalTo(1))
                .extract().path("[0].versionId");
        given().header(uploader).contentType(ContentType.JSON).body(notification).post("/ingestUpload")
                .then().statusCode(200).body("[0].status", equalTo("UNCHANGED")).body("[0].versionId", equalTo(versionId));

        assertEquals(1, IngestFixtures.versions(tenant));
        assertTrue(store.exists(IngestFixtures.DATA, "raw/" + tenant + "/" + versionId + "/big12 season.json"), "raw kept");
        var events = IngestFixtures.events(EventType.DATASET_INGESTED, tenant, 2, Duration.ofSeconds(8));
        assertEquals(1, events.size(), "one dataset.ingested");
        DatasetIngested data = mapper.readValue(events.get(0).value(), io.flextime.events.CloudEvent.class)
                .dataAs(DatasetIngested.class, mapper);
        assertEquals(versionId, data.versionId());
        assertEquals(16, data.counts().teams());
        assertEquals(IngestFixtures.count("SELECT count(*) FROM ingest_attempt WHERE tenant = '" + tenant
                + "' AND published_at IS NOT NULL"), 1);

        Season stored = db.inTenantBlocking(tenant, c -> seasons.loadSeason(c, UUID.fromString(versionId))).orElseThrow();
        assertEquals(mapper.readValue(json, Season.class), stored, "the canonical season, unchanged");
    }

    @Test
    void csvPartsWaitForTheirManifestAndOtherKeysAreIgnored() {
        String tenant = IngestFixtures.tenant("s3csv");
        String key = "uploads/" + tenant + "/set/teams.csv";
        store.put(IngestFixtures.UPLOADS, key, "id,name\n".getBytes(), "text/csv");
        Header uploader = TestTokens.auth(tenant, Role.SCHEDULER);
        given().header(uploader).contentType(ContentType.JSON).body(IngestFixtures.s3Event(IngestFixtures.UPLOADS, key, 8))
                .post("/ingestUpload").then().statusCode(200).body("[0].status", equalTo("IGNORED"));
        given().header(uploader).contentType(ContentType.JSON).body(IngestFixtures.s3Event(IngestFixtures.UPLOADS, "elsewhere/x.json", 8))
                .post("/ingestUpload").then().statusCode(200).body("[0].status", equalTo("IGNORED"));
        assertTrue(store.exists(IngestFixtures.UPLOADS, key), "a CSV part is not quarantined");
        assertEquals(0, IngestFixtures.versions(tenant));
        Map.of();
    }
}
