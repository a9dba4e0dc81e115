package io.flextime.validate.store;

import static io.flextime.validate.store.HistoricalGameStats.BLANK;
import static io.flextime.validate.store.HistoricalGameStats.DATE;
import static io.flextime.validate.store.HistoricalGameStats.NEGATIVE;
import static io.flextime.validate.store.HistoricalGameStats.SAME;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.validate.quarantine.QuarantinedRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Quarantined records in PostgreSQL: one per (version, entity, id), idempotent on re-validation. */
@ApplicationScoped
public class QuarantineStore {
    private static final String COLUMNS = "id, version_id, entity, entity_id, row_number, record::text, reasons::text, status, "
            + "correction::text, replayed_version_id";

    private final ObjectMapper mapper;

    public QuarantineStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Season records (teams, venues, constraints, ...) with their reasons; returns how many were new. */
    public Uni<Integer> insert(SqlConnection conn, String tenant, UUID versionId, List<QuarantinedRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Tuple> rows = records.stream().map(r -> Tuple.from(new Object[] { UUID.randomUUID(), tenant, versionId, r.entity(),
                r.entityId(), r.row(), r.record() == null ? null : json(r.record()), json(r.reasons()) })).toList();
        return conn.preparedQuery("INSERT INTO quarantine_record (id, tenant, version_id, entity, entity_id, row_number, record, "
                        + "reasons) VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb) "
                        + "ON CONFLICT (version_id, entity, entity_id) DO NOTHING")
                .executeBatch(rows).map(QuarantineStore::total);
    }

    /** Every historical-game row with an error, in one statement (the rows never leave PostgreSQL). */
    public Uni<Integer> insertHistorical(SqlConnection conn, UUID versionId, LocalDate latest) {
        return conn.preparedQuery("INSERT INTO quarantine_record (id, tenant, version_id, entity, entity_id, row_number, record, reasons) "
                        + "SELECT gen_random_uuid(), h.tenant, h.version_id, 'historical_game', h.row_number::text, h.row_number, "
                        + "jsonb_build_object('rowNumber', h.row_number, 'season', h.season, 'date', h.game_date, "
                        + "'homeTeam', h.home_team, 'awayTeam', h.away_team, 'homeScore', h.home_score, 'awayScore', h.away_score, "
                        + "'venueId', h.venue_id, 'neutral', h.neutral), "
                        + "jsonb_path_query_array(jsonb_build_array("
                        + reason(BLANK, "HIST_BLANK_TEAM", "homeTeam", "blank home or away team") + ", "
                        + reason(SAME, "HIST_SAME_TEAM", "awayTeam", "the same team at home and away") + ", "
                        + reason(NEGATIVE, "HIST_NEGATIVE_SCORE", "homeScore", "negative score") + ", "
                        + reason(DATE, "HIST_DATE_RANGE", "date", "dated before 1850 or after the season end")
                        + "), '$[*] ? (@ != null)') "
                        + "FROM historical_game h WHERE h.version_id = $1 AND (" + BLANK + " OR " + SAME + " OR " + NEGATIVE
                        + " OR " + DATE + ") ON CONFLICT (version_id, entity, entity_id) DO NOTHING")
                .execute(Tuple.of(versionId, latest)).map(RowSet::rowCount);
    }

    private static String reason(String condition, String code, String field, String message) {
        return "CASE WHEN " + condition + " THEN jsonb_build_object('code', '" + code + "', 'severity', 'ERROR', 'field', '"
                + field + "', 'message', '" + message + "') END";
    }

    public Uni<List<QuarantinedRecord>> list(SqlConnection conn, UUID versionId, String status, int limit) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM quarantine_record WHERE version_id = $1 "
                        + "AND ($2::text IS NULL OR status = $2) ORDER BY entity, row_number NULLS LAST, entity_id LIMIT $3")
                .execute(Tuple.of(versionId, status, limit)).map(this::records);
    }

    public Uni<Long> count(SqlConnection conn, UUID versionId) {
        return conn.preparedQuery("SELECT count(*) FROM quarantine_record WHERE version_id = $1").execute(Tuple.of(versionId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Optional<QuarantinedRecord>> find(SqlConnection conn, UUID id) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM quarantine_record WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> records(rows).stream().findFirst());
    }

    /** Stores a correction (or a drop) of a record not yet replayed. */
    public Uni<Optional<QuarantinedRecord>> correct(SqlConnection conn, UUID id, JsonNode correction, boolean drop) {
        return conn.preparedQuery("UPDATE quarantine_record SET status = $2, correction = $3::text::jsonb, corrected_at = now() "
                        + "WHERE id = $1 AND status <> 'REPLAYED' RETURNING " + COLUMNS)
                .execute(Tuple.of(id, drop ? QuarantinedRecord.DROPPED : QuarantinedRecord.CORRECTED,
                        correction == null ? null : json(correction)))
                .map(rows -> records(rows).stream().findFirst());
    }

    public Uni<Integer> markReplayed(SqlConnection conn, UUID versionId, UUID newVersion) {
        return conn.preparedQuery("UPDATE quarantine_record SET status = 'REPLAYED', replayed_version_id = $2 "
                        + "WHERE version_id = $1 AND status IN ('CORRECTED', 'DROPPED')")
                .execute(Tuple.of(versionId, newVersion)).map(RowSet::rowCount);
    }

    /**
     * Copies a version's historical games to a new version: rows that were corrected are replaced by
     * their correction (keeping their row number), dropped rows are left out, the rest copied as is.
     */
    public Uni<Void> copyHistorical(SqlConnection conn, UUID from, UUID to, List<QuarantinedRecord> corrections,
            List<io.flextime.core.model.HistoricalGame> corrected) {
        Long[] replaced = corrections.stream().filter(q -> "historical_game".equals(q.entity())).map(QuarantinedRecord::row)
                .toArray(Long[]::new);
        List<Tuple> rows = corrected.stream().map(g -> Tuple.from(new Object[] { to, g.season(), g.date(), g.homeTeam(),
                g.awayTeam(), g.homeScore(), g.awayScore(), g.venueId(), g.neutral(), g.rowNumber() })).toList();
        return conn.preparedQuery("INSERT INTO historical_game (version_id, tenant, row_number, season, game_date, home_team, "
                        + "away_team, home_score, away_score, venue_id, neutral) SELECT $2, tenant, row_number, season, game_date, "
                        + "home_team, away_team, home_score, away_score, venue_id, neutral FROM historical_game "
                        + "WHERE version_id = $1 AND row_number <> ALL($3::bigint[])")
                .execute(Tuple.of(from, to, replaced))
                .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery(
                                "INSERT INTO historical_game (version_id, tenant, row_number, season, game_date, home_team, away_team, "
                                        + "home_score, away_score, venue_id, neutral) SELECT $1, tenant, $10, $2, $3, $4, $5, $6, $7, $8, $9 "
                                        + "FROM dataset_version WHERE id = $1")
                        .executeBatch(rows).replaceWithVoid());
    }

    private List<QuarantinedRecord> records(RowSet<Row> rows) {
        List<QuarantinedRecord> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new QuarantinedRecord(r.getUUID(0), r.getUUID(1), r.getString(2), r.getString(3), r.getLong(4),
                    tree(r.getString(5)), tree(r.getString(6)), r.getString(7), tree(r.getString(8)), r.getUUID(9)));
        }
        return out;
    }

    private static int total(RowSet<Row> rows) {
        int n = 0;
        for (RowSet<Row> r = rows; r != null; r = r.next()) {
            n += r.rowCount();
        }
        return n;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
