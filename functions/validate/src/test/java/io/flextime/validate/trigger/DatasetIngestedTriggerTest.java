package io.flextime.validate.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Season;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.flextime.core.testing.TestTokens;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.Topics;
import io.flextime.events.data.DatasetRejected;
import io.flextime.events.data.DatasetValidated;
import io.flextime.validate.SeasonFixtures;
import io.flextime.validate.VersionFixtures;
import io.flextime.validate.store.ReportObjects;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** dataset.ingested on the real broker → a report in PostgreSQL and S3 and one decision event. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class DatasetIngestedTriggerTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    VersionFixtures versions;
    @Inject
    ObjectMapper mapper;
    @Inject
    ObjectStore objects;
    @Inject
    FlexTimeConfig config;

    @Test
    void theBig12SampleIsValidatedWithAScoreOfAtLeast095() throws Exception {
        String tenant = VersionFixtures.tenant();
        Season big12 = SeasonFixtures.big12();
        UUID version = versions.store(tenant, big12);
        versions.send(versions.ingested(tenant, version, big12));

        CloudEvent event = decision(EventType.DATASET_VALIDATED, version, 1).get(0);
        DatasetValidated data = event.dataAs(DatasetValidated.class, mapper);
        assertTrue(data.score() >= 0.95, "score " + data.score());
        assertEquals(ReportObjects.jsonKey(tenant, version), data.reportKey());
        assertTrue(data.autoSolve());
        assertEquals("VALIDATED", status(version));
        String json = new String(objects.getBytes(config.buckets().data(), data.reportKey()), StandardCharsets.UTF_8);
        assertEquals(data.reportId(), mapper.readTree(json).path("reportId").asText(), "the S3 report is the one announced");
        String html = new String(objects.getBytes(config.buckets().data(), ReportObjects.htmlKey(tenant, version)),
                StandardCharsets.UTF_8);
        assertTrue(html.contains("VALIDATED") && html.contains(big12.season()), "readable HTML report");
    }

    @Test
    void aCraftedInfeasibleSeasonIsRejectedNamingExactlyItsConflictingConstraints() throws Exception {
        String tenant = VersionFixtures.tenant();
        ObjectNode noHome = SeasonFixtures.params().put("mode", "H").put("max", 0);
        noHome.putArray("teams").add("kansas");
        noHome.putArray("slots").add(2);
        ObjectNode decoy = SeasonFixtures.params().put("mode", "A").put("max", 2);
        decoy.putArray("teams").add("baylor");
        decoy.putArray("slots").add(0).add(1).add(2);
        Season season = SeasonFixtures.with(SeasonFixtures.valid(), b -> b
                .constraint(SeasonFixtures.hard("kansas-no-home-slot-2", ConstraintType.CA1, noHome))
                .constraint(SeasonFixtures.hard("decoy-baylor-road", ConstraintType.CA1, decoy))
                .constraint(SeasonFixtures.hard("kansas-hosts-baylor", ConstraintType.FIXED_GAME, SeasonFixtures.params()
                        .put("home", "kansas").put("away", "baylor").put("slot", 2))));
        UUID version = versions.store(tenant, season);
        versions.send(versions.ingested(tenant, version, season));

        DatasetRejected data = decision(EventType.DATASET_REJECTED, version, 1).get(0).dataAs(DatasetRejected.class, mapper);
        Set<String> named = new TreeSet<>();
        data.errors().forEach(e -> named.addAll(e.constraintIds() == null ? List.of() : e.constraintIds()));
        assertEquals(Set.of("kansas-hosts-baylor", "kansas-no-home-slot-2"), named);
        assertEquals(List.of("FEAS_FIXED_GAMES_EXCEED_CA1"), data.errors().stream().map(DatasetRejected.Issue::code).toList());
        assertEquals("REJECTED", status(version));
        assertEquals(Set.of("constraint:kansas-hosts-baylor", "constraint:kansas-no-home-slot-2"),
                Set.copyOf(strings("SELECT entity || ':' || entity_id FROM quarantine_record WHERE version_id = '" + version + "'")),
                "the conflicting constraints are quarantined, nothing else");
    }

    @Test
    void aDuplicateDatasetIngestedYieldsOneReportAndOneEvent() throws Exception {
        String tenant = VersionFixtures.tenant();
        Season season = SeasonFixtures.valid();
        UUID version = versions.store(tenant, season);
        CloudEvent ingested = versions.ingested(tenant, version, season);
        versions.send(ingested);
        versions.send(ingested); // redelivery of the same event
        List<CloudEvent> first = decision(EventType.DATASET_VALIDATED, version, 2);
        versions.send(versions.ingested(tenant, version, season)); // a second event (new id) for the same version
        List<CloudEvent> all = decision(EventType.DATASET_VALIDATED, version, 3);

        assertEquals(1, all.stream().map(CloudEvent::id).distinct().count(), "one event, re-emitted with the same id");
        assertEquals(first.get(0).id(), all.get(2).id());
        assertEquals(List.of("1"), strings("SELECT count(*) FROM validation_report WHERE version_id = '" + version + "'"),
                "one report");
        assertEquals(List.of("1"), strings("SELECT count(*) FROM validation_decision WHERE version_id = '" + version + "'"));
    }

    @Test
    void anEventForAnUnknownVersionGoesToTheDlqWithoutRetries() {
        KafkaProbe.ensureTopic(Topics.dlq("validate"));
        String tenant = VersionFixtures.tenant();
        UUID ghost = UUID.randomUUID();
        versions.send(versions.ingested(tenant, ghost, SeasonFixtures.valid()));
        List<ConsumerRecord<String, String>> dead = KafkaProbe.read(Topics.dlq("validate"), r -> ghost.toString().equals(r.key()),
                found -> !found.isEmpty(), WAIT);
        assertEquals(1, dead.size());
        assertTrue(KafkaProbe.header(dead.get(0), "dead-letter-reason").contains("does not exist"));
        assertEquals("1", KafkaProbe.header(dead.get(0), "flextime-attempts"), "a permanent failure is not retried");
    }

    @Test
    void theLambdaBindingTakesTheSameEventAsAnMskRecord() throws Exception {
        String tenant = VersionFixtures.tenant();
        Season season = SeasonFixtures.valid();
        UUID version = versions.store(tenant, season);
        CloudEvent ingested = versions.ingested(tenant, version, season);
        io.restassured.RestAssured.given().header(TestTokens.operator()).contentType(io.restassured.http.ContentType.JSON)
                .body(mapper.writeValueAsString(io.flextime.core.trigger.MskEvent.of(EventType.DATASET_INGESTED.topic(), 0, 42,
                        version.toString(), mapper.writeValueAsString(ingested))))
                .post("/datasetIngested").then().statusCode(204);
        assertEquals("VALIDATED", status(version), "handled within the invocation");
        assertEquals(1, decision(EventType.DATASET_VALIDATED, version, 1).size());
    }

    private List<CloudEvent> decision(EventType type, UUID version, int atLeast) throws Exception {
        List<ConsumerRecord<String, String>> records = KafkaProbe.read(type.topic(), r -> version.toString().equals(r.key()),
                found -> found.size() >= atLeast, WAIT);
        assertTrue(records.size() >= atLeast, "expected " + atLeast + " " + type.topic() + " record(s), got " + records.size());
        List<CloudEvent> events = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            events.add(mapper.readValue(r.value(), CloudEvent.class));
        }
        return events;
    }

    static String status(UUID version) throws Exception {
        return strings("SELECT status FROM dataset_version WHERE id = '" + version + "'").get(0);
    }

    static List<String> strings(String sql) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = TestDatabase.owner(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
