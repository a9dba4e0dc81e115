package io.flextime.export.store;

import io.flextime.export.render.GameStatus;
import io.flextime.export.render.PublishedGame;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Published export sets and the calendar identity of their games (tables export_set, exported_game). */
@ApplicationScoped
public class ExportSets {

    /** One published set. {@code files} is the manifest's file list as JSON. */
    public record ExportSet(UUID scheduleVersionId, String season, UUID previousVersionId, String manifestKey,
            String files, Instant publishedAt) {
    }

    private static final String COLUMNS = "schedule_version_id, season, previous_version_id, manifest_key, files::text, published_at";

    public Uni<Optional<ExportSet>> find(SqlConnection conn, UUID scheduleVersionId) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM export_set WHERE schedule_version_id = $1")
                .execute(Tuple.of(scheduleVersionId)).map(rows -> first(rows));
    }

    /** The newest published set of a season other than {@code except}: what a new version is diffed against. */
    public Uni<Optional<ExportSet>> latest(SqlConnection conn, String season, UUID except) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM export_set WHERE season = $1 AND schedule_version_id <> $2 "
                        + "ORDER BY published_at DESC LIMIT 1")
                .execute(Tuple.of(season, except)).map(rows -> first(rows));
    }

    public Uni<List<ExportSet>> ofSeason(SqlConnection conn, String season) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM export_set WHERE season = $1 ORDER BY published_at DESC")
                .execute(Tuple.of(season)).map(rows -> {
                    List<ExportSet> out = new ArrayList<>();
                    rows.forEach(r -> out.add(set(r)));
                    return out;
                });
    }

    public Uni<List<PublishedGame>> games(SqlConnection conn, UUID scheduleVersionId) {
        return conn.preparedQuery("SELECT uid, sequence, status, game_number, slot_index, game_date, home_team, away_team, "
                        + "meeting, venue_id FROM exported_game WHERE schedule_version_id = $1")
                .execute(Tuple.of(scheduleVersionId)).map(rows -> {
                    List<PublishedGame> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new PublishedGame(r.getString(0), r.getInteger(1), GameStatus.valueOf(r.getString(2)),
                                r.getInteger(3), r.getInteger(4), r.getLocalDate(5), r.getString(6), r.getString(7),
                                r.getInteger(8), r.getString(9)));
                    }
                    return out;
                });
    }

    /** A publication as the publishSchedule door reports it. {@code changes}: the {added, moved, removed} counts as JSON. */
    public record Publication(UUID scheduleVersionId, String season, int number, UUID previousVersionId, String manifestKey,
            String changes, Instant publishedAt, String publishedBy) {
    }

    public Uni<Optional<Publication>> publication(SqlConnection conn, UUID scheduleVersionId) {
        return conn.preparedQuery("SELECT schedule_version_id, season, publication_number, previous_version_id, manifest_key, "
                        + "changes::text, published_at, published_by FROM export_set WHERE schedule_version_id = $1")
                .execute(Tuple.of(scheduleVersionId)).map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row r = it.next();
                    return Optional.of(new Publication(r.getUUID(0), r.getString(1), r.getInteger(2), r.getUUID(3), r.getString(4),
                            r.getString(5), r.getOffsetDateTime(6).toInstant(), r.getString(7)));
                });
    }

    /** The events a publication emitted (re-emitted when the same publication is asked for again). */
    public Uni<Optional<String>> outputs(SqlConnection conn, UUID scheduleVersionId) {
        return conn.preparedQuery("SELECT outputs::text FROM export_set WHERE schedule_version_id = $1")
                .execute(Tuple.of(scheduleVersionId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next().getString(0)) : Optional.empty());
    }

    /**
     * Records the season's {@code number}-th publication with its games; false (and nothing written) if the
     * version was published already. The unique (tenant, season, number) keeps two publications from
     * taking one place, whatever the caller's lease says.
     */
    public Uni<Boolean> insert(SqlConnection conn, String tenant, String season, UUID scheduleVersionId, UUID previousVersionId,
            String manifestKey, String filesJson, String changesJson, Instant publishedAt, List<PublishedGame> games, int number,
            String publishedBy, String outputsJson) {
        return conn.preparedQuery("INSERT INTO export_set (schedule_version_id, tenant, season, previous_version_id, manifest_key, "
                        + "files, changes, published_at, publication_number, published_by, outputs) "
                        + "VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8, $9, $10, $11::text::jsonb) "
                        + "ON CONFLICT (schedule_version_id) DO NOTHING")
                .execute(Tuple.from(new Object[] { scheduleVersionId, tenant, season, previousVersionId, manifestKey, filesJson,
                        changesJson, publishedAt.atOffset(ZoneOffset.UTC), number, publishedBy, outputsJson }))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    List<Tuple> tuples = games.stream().map(g -> Tuple.from(new Object[] { scheduleVersionId, tenant, g.uid(),
                            g.number(), g.slotIndex(), g.date(), g.homeTeam(), g.awayTeam(), g.meeting(), g.venueId(),
                            g.sequence(), g.status().name() })).toList();
                    if (tuples.isEmpty()) {
                        return Uni.createFrom().item(true);
                    }
                    return conn.preparedQuery("INSERT INTO exported_game (schedule_version_id, tenant, uid, game_number, slot_index, "
                                    + "game_date, home_team, away_team, meeting, venue_id, sequence, status) "
                                    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
                            .executeBatch(tuples).replaceWith(true);
                });
    }

    private static Optional<ExportSet> first(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(set(it.next())) : Optional.empty();
    }

    private static ExportSet set(Row r) {
        return new ExportSet(r.getUUID(0), r.getString(1), r.getUUID(2), r.getString(3), r.getString(4),
                r.getOffsetDateTime(5).toInstant());
    }
}
