package io.flextime.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.DatasetVersion;
import io.flextime.core.model.Distance;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Season datasets in PostgreSQL: immutable versions and their rows. Every method runs on a connection
 * of a {@link TenantDb#inTenant tenant transaction}, so the caller decides what is atomic.
 */
@ApplicationScoped
public class SeasonRepository {
    private static final String VERSION_COLUMNS = "v.id, v.tenant, v.dataset_id, d.season, v.version_number, v.checksum, "
            + "v.source_format, v.source_key, v.raw_object_key, v.status, v.counts::text, v.delta::text, "
            + "v.correlation_id, v.created_at";

    private final ObjectMapper mapper;

    public SeasonRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Fields of a new version that are not part of the season itself. */
    public record NewVersion(UUID id, String tenant, String checksum, String sourceFormat, String sourceKey,
            String rawObjectKey, JsonNode counts, JsonNode delta, String correlationId) {
    }

    public Uni<Optional<DatasetVersion>> findByChecksum(SqlConnection conn, String tenant, String checksum) {
        return one(conn, "WHERE v.tenant = $1 AND v.checksum = $2", Tuple.of(tenant, checksum));
    }

    public Uni<Optional<DatasetVersion>> find(SqlConnection conn, UUID versionId) {
        return one(conn, "WHERE v.id = $1", Tuple.of(versionId));
    }

    /** The newest version of a season, if any. */
    public Uni<Optional<DatasetVersion>> latest(SqlConnection conn, String season) {
        return one(conn, "WHERE d.season = $1 ORDER BY v.version_number DESC LIMIT 1", Tuple.of(season));
    }

    public Uni<List<DatasetVersion>> versions(SqlConnection conn, String season) {
        return conn.preparedQuery("SELECT " + VERSION_COLUMNS + " FROM dataset_version v JOIN dataset d ON d.id = v.dataset_id "
                        + "WHERE d.season = $1 ORDER BY v.version_number")
                .execute(Tuple.of(season)).map(rows -> map(rows, this::version));
    }

    /**
     * Inserts a new version (number = previous + 1) with all its rows. Call inside one transaction:
     * either the whole version exists or nothing does.
     */
    public Uni<DatasetVersion> insert(SqlConnection conn, NewVersion v, Season season) {
        return conn.preparedQuery("INSERT INTO dataset (id, tenant, season) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (tenant, season) DO UPDATE SET season = EXCLUDED.season RETURNING id")
                .execute(Tuple.of(UUID.randomUUID(), v.tenant(), season.season()))
                .map(rows -> rows.iterator().next().getUUID(0))
                .chain(datasetId -> conn.preparedQuery("SELECT id FROM dataset WHERE id = $1 FOR UPDATE")
                        .execute(Tuple.of(datasetId)).replaceWith(datasetId))
                .chain(datasetId -> conn.preparedQuery(
                                "INSERT INTO dataset_version (id, tenant, dataset_id, version_number, checksum, source_format, "
                                        + "source_key, raw_object_key, sport, name, season_start, season_end, time_zone, format, "
                                        + "objective_weights, auto_solve, counts, delta, correlation_id) "
                                        + "SELECT $1, $2, $3, coalesce(max(version_number), 0) + 1, $4, $5, $6, $7, $8, $9, $10, $11, "
                                        + "$12, $13::text::jsonb, $14::text::jsonb, $15, $16::text::jsonb, $17::text::jsonb, $18 "
                                        + "FROM dataset_version WHERE dataset_id = $3")
                        .execute(Tuple.from(new Object[] { v.id(), v.tenant(), datasetId, v.checksum(), v.sourceFormat(),
                                v.sourceKey(), v.rawObjectKey(), season.sport(), season.name(), season.start(), season.end(),
                                season.timeZone(), json(season.format()), json(season.weights()), season.autoSolve(),
                                json(v.counts()), v.delta() == null ? null : json(v.delta()), v.correlationId() })))
                .chain(() -> insertRows(conn, v.id(), v.tenant(), season))
                .chain(() -> find(conn, v.id()))
                .map(Optional::orElseThrow);
    }

    private Uni<Void> insertRows(SqlConnection conn, UUID versionId, String tenant, Season s) {
        List<Tuple> teams = new ArrayList<>();
        for (int i = 0; i < s.teams().size(); i++) {
            Team t = s.teams().get(i);
            teams.add(Tuple.from(new Object[] { versionId, tenant, t.id(), i, t.name(), t.venueId(), t.timeZone(),
                    json(t.attributes()) }));
        }
        List<Tuple> venues = s.venues().stream().map(v -> Tuple.from(new Object[] { versionId, tenant, v.id(), v.name(),
                v.city(), v.latitude(), v.longitude(), v.capacity(), v.timeZone() })).toList();
        List<Tuple> slots = s.slots().stream().map(x -> Tuple.from(new Object[] { versionId, tenant, x.index(), x.date(),
                x.startTime(), x.endTime(), x.label() })).toList();
        List<Tuple> constraints = new ArrayList<>();
        for (int i = 0; i < s.constraints().size(); i++) {
            SeasonConstraint c = s.constraints().get(i);
            constraints.add(Tuple.from(new Object[] { versionId, tenant, c.id(), i, c.type().name(), c.hard(), c.penalty(),
                    json(c.params() == null ? mapper.createObjectNode() : c.params()) }));
        }
        List<Tuple> matchups = s.matchups().stream().map(m -> Tuple.of(versionId, tenant, m.home(), m.away(), m.meetings()))
                .toList();
        List<Tuple> distances = s.distances().stream().map(d -> Tuple.of(versionId, tenant, d.fromVenue(), d.toVenue(), d.km()))
                .toList();
        return batch(conn, "INSERT INTO venue (version_id, tenant, venue_id, name, city, latitude, longitude, capacity, time_zone) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", venues)
                .chain(() -> batch(conn, "INSERT INTO team (version_id, tenant, team_id, position, name, venue_id, time_zone, attributes) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb)", teams))
                .chain(() -> batch(conn, "INSERT INTO slot (version_id, tenant, slot_index, slot_date, start_time, end_time, label) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7)", slots))
                .chain(() -> batch(conn, "INSERT INTO season_constraint (version_id, tenant, constraint_id, position, type, hard, "
                        + "penalty, params) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb)", constraints))
                .chain(() -> batch(conn, "INSERT INTO matchup (version_id, tenant, home_team, away_team, meetings) "
                        + "VALUES ($1, $2, $3, $4, $5)", matchups))
                .chain(() -> batch(conn, "INSERT INTO distance (version_id, tenant, from_venue, to_venue, km) "
                        + "VALUES ($1, $2, $3, $4, $5)", distances));
    }

    /** Loads the canonical season of a version. */
    public Uni<Optional<Season>> loadSeason(SqlConnection conn, UUID versionId) {
        return conn.preparedQuery("SELECT d.season, v.name, v.sport, v.season_start, v.season_end, v.time_zone, "
                        + "v.format::text, v.objective_weights::text, v.auto_solve FROM dataset_version v "
                        + "JOIN dataset d ON d.id = v.dataset_id WHERE v.id = $1")
                .execute(Tuple.of(versionId))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<Season>empty());
                    }
                    Row head = rows.iterator().next();
                    Tuple id = Tuple.of(versionId);
                    Uni<List<Team>> teams = conn.preparedQuery("SELECT team_id, name, venue_id, time_zone, attributes::text "
                            + "FROM team WHERE version_id = $1 ORDER BY position").execute(id).map(r -> map(r, this::team));
                    Uni<List<Venue>> venues = conn.preparedQuery("SELECT venue_id, name, city, latitude, longitude, capacity, "
                            + "time_zone FROM venue WHERE version_id = $1 ORDER BY venue_id").execute(id).map(r -> map(r, this::venue));
                    Uni<List<Slot>> slots = conn.preparedQuery("SELECT slot_index, slot_date, start_time, end_time, label "
                            + "FROM slot WHERE version_id = $1 ORDER BY slot_index").execute(id).map(r -> map(r, this::slot));
                    Uni<List<SeasonConstraint>> constraints = conn.preparedQuery("SELECT constraint_id, type, hard, penalty, "
                            + "params::text FROM season_constraint WHERE version_id = $1 ORDER BY position").execute(id)
                            .map(r -> map(r, this::constraint));
                    Uni<List<Matchup>> matchups = conn.preparedQuery("SELECT home_team, away_team, meetings FROM matchup "
                            + "WHERE version_id = $1 ORDER BY home_team, away_team").execute(id)
                            .map(r -> map(r, x -> new Matchup(x.getString(0), x.getString(1), x.getInteger(2))));
                    Uni<List<Distance>> distances = conn.preparedQuery("SELECT from_venue, to_venue, km FROM distance "
                            + "WHERE version_id = $1 ORDER BY from_venue, to_venue").execute(id)
                            .map(r -> map(r, x -> new Distance(x.getString(0), x.getString(1), x.getDouble(2))));
                    // One connection runs one query at a time: chain, don't combine.
                    return teams.chain(t -> venues.chain(v -> slots.chain(s -> constraints.chain(c -> matchups.chain(
                            m -> distances.map(d -> Optional.of(new Season(head.getString(0), head.getString(1),
                                    head.getString(2), head.getLocalDate(3), head.getLocalDate(4), head.getString(5),
                                    read(head.getString(6), SeasonFormat.class), read(head.getString(7), ObjectiveWeights.class),
                                    head.getBoolean(8), t, v, s, c, m, d))))))));
                });
    }

    public Uni<Void> setStatus(SqlConnection conn, UUID versionId, String status) {
        return conn.preparedQuery("UPDATE dataset_version SET status = $2 WHERE id = $1")
                .execute(Tuple.of(versionId, status)).replaceWithVoid();
    }

    private Uni<Optional<DatasetVersion>> one(SqlConnection conn, String where, Tuple args) {
        return conn.preparedQuery("SELECT " + VERSION_COLUMNS + " FROM dataset_version v JOIN dataset d ON d.id = v.dataset_id "
                + where).execute(args).map(rows -> map(rows, this::version).stream().findFirst());
    }

    private DatasetVersion version(Row r) {
        return new DatasetVersion(r.getUUID(0), r.getString(1), r.getUUID(2), r.getString(3), r.getInteger(4), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), r.getString(9), tree(r.getString(10)), tree(r.getString(11)),
                r.getString(12), r.getOffsetDateTime(13).toInstant());
    }

    @SuppressWarnings("unchecked")
    private Team team(Row r) {
        return new Team(r.getString(0), r.getString(1), r.getString(2), r.getString(3), read(r.getString(4), Map.class));
    }

    private Venue venue(Row r) {
        return new Venue(r.getString(0), r.getString(1), r.getString(2), r.getDouble(3), r.getDouble(4), r.getInteger(5),
                r.getString(6));
    }

    private Slot slot(Row r) {
        return new Slot(r.getInteger(0), r.getLocalDate(1), r.getLocalTime(2), r.getLocalTime(3), r.getString(4));
    }

    private SeasonConstraint constraint(Row r) {
        return new SeasonConstraint(r.getString(0), ConstraintType.parse(r.getString(1)), r.getBoolean(2), r.getInteger(3),
                (ObjectNode) tree(r.getString(4)));
    }

    static <T> List<T> map(RowSet<Row> rows, Function<Row, T> f) {
        List<T> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(f.apply(r));
        }
        return out;
    }

    static Uni<Void> batch(SqlConnection conn, String sql, List<Tuple> tuples) {
        return tuples.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery(sql).executeBatch(tuples).replaceWithVoid();
    }

    String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
