package io.flextime.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Schedule versions and their games. Runs on a connection of a tenant transaction. */
@ApplicationScoped
public class ScheduleRepository {
    private static final String COLUMNS = "id, tenant, dataset_version_id, job_id, season, status, objective, best_bound, gap, "
            + "travel_total, metrics::text, correlation_id, created_at";

    private final ObjectMapper mapper;

    public ScheduleRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Stores a schedule version and its games; a second insert for the same job is a no-op (job_id is unique). */
    public Uni<Boolean> insert(SqlConnection conn, ScheduleVersion s) {
        String metrics;
        try {
            metrics = mapper.writeValueAsString(s.metrics() == null ? mapper.createObjectNode() : s.metrics());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return conn.preparedQuery("INSERT INTO schedule_version (id, tenant, dataset_version_id, job_id, season, status, "
                        + "objective, best_bound, gap, travel_total, metrics, correlation_id) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::jsonb, $12) ON CONFLICT (job_id) DO NOTHING")
                .execute(Tuple.from(new Object[] { s.id(), s.tenant(), s.datasetVersionId(), s.jobId(), s.season(), s.status(),
                        s.objective(), s.bestBound(), s.gap(), s.travelTotal(), metrics, s.correlationId() }))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    List<Tuple> games = s.games().stream().map(g -> Tuple.from(new Object[] { s.id(), s.tenant(), g.number(),
                            g.slotIndex(), g.date(), g.homeTeam(), g.awayTeam(), g.venueId() })).toList();
                    return SeasonRepository.batch(conn, "INSERT INTO game (schedule_version_id, tenant, game_number, slot_index, "
                            + "game_date, home_team, away_team, venue_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", games)
                            .replaceWith(true);
                });
    }

    public Uni<Optional<ScheduleVersion>> find(SqlConnection conn, UUID id) {
        return one(conn, "WHERE id = $1", Tuple.of(id));
    }

    public Uni<Optional<ScheduleVersion>> findByJob(SqlConnection conn, UUID jobId) {
        return one(conn, "WHERE job_id = $1", Tuple.of(jobId));
    }

    /** The newest schedule version of a season created before {@code before}, if any (for diffs). */
    public Uni<Optional<ScheduleVersion>> previous(SqlConnection conn, String season, Instant before) {
        return one(conn, "WHERE season = $1 AND created_at < $2 ORDER BY created_at DESC LIMIT 1",
                Tuple.of(season, before.atOffset(java.time.ZoneOffset.UTC)));
    }

    private Uni<Optional<ScheduleVersion>> one(SqlConnection conn, String where, Tuple args) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM schedule_version " + where).execute(args)
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<ScheduleVersion>empty());
                    }
                    Row r = rows.iterator().next();
                    return conn.preparedQuery("SELECT game_number, slot_index, game_date, home_team, away_team, venue_id "
                                    + "FROM game WHERE schedule_version_id = $1 ORDER BY game_number")
                            .execute(Tuple.of(r.getUUID(0)))
                            .map(games -> Optional.of(new ScheduleVersion(r.getUUID(0), r.getString(1), r.getUUID(2),
                                    r.getUUID(3), r.getString(4), r.getString(5), r.getDouble(6), r.getDouble(7), r.getDouble(8),
                                    r.getDouble(9), tree(r.getString(10)), r.getString(11), r.getOffsetDateTime(12).toInstant(),
                                    SeasonRepository.map(games, g -> new Game(g.getInteger(0), g.getInteger(1), g.getLocalDate(2),
                                            g.getString(3), g.getString(4), g.getString(5))))));
                });
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
