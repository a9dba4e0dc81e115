package io.flextime.validate.trigger;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.Season;
import io.flextime.core.model.Venue;
import io.flextime.core.security.Door;
import io.flextime.core.security.Role;
import io.flextime.core.testing.DoorMatrix;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.core.trigger.MskEvent;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.validate.SeasonFixtures;
import io.flextime.validate.VersionFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** validate's doors × roles × own/other tenant, from the Door table (DoorMatrix). */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ValidateDoorMatrixTest {
    private static final String TENANT = VersionFixtures.tenant();
    private static final Map<String, Object> HILTON = Map.of("id", "hilton", "name", "Hilton Coliseum", "city", "Ames",
            "latitude", 42.022694, "longitude", -93.635083, "capacity", 14384, "timeZone", "America/Chicago");

    @Inject
    VersionFixtures versions;
    @Inject
    ObjectMapper mapper;

    @Test
    void everyFunqIsARowOfTheDoorTable() {
        DoorMatrix.assertEveryFunqGuarded("validate");
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        TestTokens.register(TENANT);
        Header scheduler = TestTokens.auth(TENANT, Role.SCHEDULER);
        UUID good = versions.store(TENANT, SeasonFixtures.valid());
        revalidate(scheduler, good);
        UUID toCorrect = badVersion();
        String venueRecord = quarantinedVenue(scheduler, toCorrect);
        UUID toReplay = badVersion();
        given().header(scheduler).contentType(ContentType.JSON)
                .body(Map.of("id", quarantinedVenue(scheduler, toReplay), "record", HILTON)).post("/correctQuarantined")
                .then().statusCode(200);
        return DoorMatrix.of("validate", TENANT, Map.of(
                Door.DATASET_INGESTED, (tenant, id) -> ingested(id),
                Door.REVALIDATE, (tenant, id) -> Map.of("tenant", tenant, "versionId", good.toString()),
                Door.VALIDATION_REPORT, (tenant, id) -> Map.of("tenant", tenant, "versionId", good.toString()),
                Door.QUARANTINED, (tenant, id) -> Map.of("tenant", tenant, "versionId", toCorrect.toString()),
                Door.CORRECT_QUARANTINED, (tenant, id) -> Map.of("tenant", tenant, "id", venueRecord, "record", HILTON),
                Door.REPLAY_QUARANTINE, (tenant, id) -> Map.of("tenant", tenant, "versionId", toReplay.toString())));
    }

    /** A version whose second venue lies off the globe: one quarantined venue record once validated. */
    private UUID badVersion() {
        Season season = SeasonFixtures.with(SeasonFixtures.valid(), b -> {
            b.venues.set(1, new Venue("hilton", "Hilton Coliseum", "Ames", 142.022694, -93.635083, 14384, "America/Chicago"));
            return b;
        });
        return versions.store(TENANT, season);
    }

    private static String quarantinedVenue(Header scheduler, UUID version) {
        revalidate(scheduler, version);
        List<String> ids = given().header(scheduler).contentType(ContentType.JSON)
                .body(Map.of("versionId", version.toString())).post("/quarantined").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.entity == 'venue' }.id");
        return ids.get(0);
    }

    private static void revalidate(Header scheduler, UUID version) {
        given().header(scheduler).contentType(ContentType.JSON).body(Map.of("versionId", version.toString()))
                .post("/revalidate").then().statusCode(200);
    }

    /** An MSK batch with the dataset.ingested event of a new version of the own tenant. */
    private MskEvent ingested(String correlationId) {
        Season season = SeasonFixtures.valid();
        UUID version = versions.store(TENANT, season);
        CloudEvent event = versions.ingested(TENANT, version, season, correlationId);
        try {
            return MskEvent.of(EventType.DATASET_INGESTED.topic(), 0, 1, version.toString(), mapper.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
