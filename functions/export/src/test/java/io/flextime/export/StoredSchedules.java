package io.flextime.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.DatasetVersion;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.store.ScheduleRepository;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.ScheduleSolved;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * What the solve function leaves behind, made directly: a dataset version and a schedule version in
 * PostgreSQL, then the schedule.solved event on Kafka.
 */
@ApplicationScoped
public class StoredSchedules {
    private final TenantDb db;
    private final SeasonRepository seasons;
    private final ScheduleRepository schedules;
    private final ObjectMapper mapper;

    public StoredSchedules(TenantDb db, SeasonRepository seasons, ScheduleRepository schedules, ObjectMapper mapper) {
        this.db = db;
        this.seasons = seasons;
        this.schedules = schedules;
        this.mapper = mapper;
    }

    public DatasetVersion dataset(String tenant, Season season, String sourceFormat) {
        UUID id = UUID.randomUUID();
        return db.inTenantBlocking(tenant, conn -> seasons.insert(conn, new SeasonRepository.NewVersion(id, tenant,
                "sha-" + id, sourceFormat, "uploads/" + tenant + "/x", "raw/" + tenant + "/" + id, mapper.createObjectNode(),
                null, "corr-" + id), season));
    }

    public ScheduleVersion schedule(String tenant, DatasetVersion dataset, Season season, List<Game> games) {
        return schedule(tenant, dataset, season, games, null);
    }

    /** {@code metrics}: what the solver records (violations, travelPerTeam, breaksPerTeam, statistics), or null. */
    public ScheduleVersion schedule(String tenant, DatasetVersion dataset, Season season, List<Game> games, JsonNode metrics) {
        ScheduleVersion f = Fixtures.schedule(tenant, dataset.id(), season, games);
        ScheduleVersion s = new ScheduleVersion(f.id(), f.tenant(), f.datasetVersionId(), f.jobId(), f.season(), f.status(),
                f.objective(), f.bestBound(), f.gap(), f.travelTotal(), metrics, f.correlationId(), f.createdAt(), f.games());
        db.inTenantBlocking(tenant, conn -> schedules.insert(conn, s));
        return db.inTenantBlocking(tenant, conn -> schedules.find(conn, s.id())).orElseThrow();
    }

    public CloudEvent solvedEvent(ScheduleVersion s) {
        return solvedEvent(s, s.correlationId());
    }

    /** The same, in the pipeline run {@code correlationId}. */
    public CloudEvent solvedEvent(ScheduleVersion s, String correlationId) {
        ScheduleSolved data = new ScheduleSolved(s.jobId().toString(), s.datasetVersionId().toString(), s.id().toString(),
                s.season(), s.status(), s.objective(), s.bestBound(), s.gap(), s.games().size(), s.travelTotal(), 1.5);
        return CloudEvent.create(EventType.SCHEDULE_SOLVED, CloudEvent.source("solve"), s.id().toString(), s.tenant(),
                correlationId, 1L, data, mapper);
    }

    public void send(CloudEvent event) {
        try {
            KafkaProbe.send(EventType.SCHEDULE_SOLVED.topic(), event.subject(), mapper.writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
