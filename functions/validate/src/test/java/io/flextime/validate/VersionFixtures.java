package io.flextime.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.Season;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.DatasetIngested;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/** Stores dataset versions the way ingest does, and announces them on Kafka (tests). */
@ApplicationScoped
public class VersionFixtures {
    private final TenantDb db;
    private final SeasonRepository seasons;
    private final ObjectMapper mapper;
    private final KafkaClientService kafka;

    public VersionFixtures(TenantDb db, SeasonRepository seasons, ObjectMapper mapper, KafkaClientService kafka) {
        this.kafka = kafka;
        this.db = db;
        this.seasons = seasons;
        this.mapper = mapper;
    }

    public static String tenant() {
        return "valtest-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public UUID store(String tenant, Season season) {
        UUID id = UUID.randomUUID();
        db.inTenantBlocking(tenant, c -> seasons.insert(c, new SeasonRepository.NewVersion(id, tenant, "sha-" + id, "json",
                "uploads/" + tenant + "/season.json", "raw/" + tenant + "/" + id, mapper.createObjectNode(), null, "corr-" + id),
                season));
        return id;
    }

    /** A dataset.ingested event for a stored version (a new event id each call). */
    public CloudEvent ingested(String tenant, UUID version, Season season) {
        return ingested(tenant, version, season, UUID.randomUUID().toString());
    }

    /** The same, in the pipeline run {@code correlationId}. */
    public CloudEvent ingested(String tenant, UUID version, Season season, String correlationId) {
        DatasetIngested data = new DatasetIngested(UUID.randomUUID().toString(), version.toString(), 1, season.season(),
                "0".repeat(64), "json", "raw/" + tenant + "/" + version, new DatasetIngested.Counts(season.teams().size(),
                        season.venues().size(), season.slots().size(), season.constraints().size(), season.matchups().size(),
                        season.distances().size(), 0), null, season.autoSolve());
        return CloudEvent.create(EventType.DATASET_INGESTED, "/flextime/ingest", version.toString(), tenant,
                correlationId, 1L, data, mapper);
    }

    /** Sends to dataset.ingested once the function's consumer has its partitions and positions (it starts at the end). */
    public void send(CloudEvent event) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // position() resolves the "latest" reset of each assigned partition, so nothing sent after this is skipped
        while (kafka.<String, String>getConsumer("dataset-ingested").runOnPollingThread(c -> {
            c.assignment().forEach(c::position);
            return c.assignment();
        }).await().atMost(Duration.ofSeconds(30)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the dataset-ingested consumer got no partitions within 60 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        try {
            KafkaProbe.send(EventType.DATASET_INGESTED.topic(), event.subject(), mapper.writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
