package io.flextime.e2e;

import io.flextime.core.store.TenantDb;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the pipeline stored for one tenant, read as the functions read it: through {@link TenantDb}
 * (the app role, row-level security scoped to the tenant).
 */
final class Stored {
    record GameRow(int number, int slot, LocalDate date, String home, String away, String venue) {
    }

    record Schedule(UUID id, UUID datasetVersionId, UUID jobId, String season, String status, String correlationId,
            List<GameRow> games) {
    }

    record SolveJobRow(UUID id, String status, int checkpoints, int checkpointLoads, int invocations, UUID scheduleVersionId) {
    }

    record Stage(String type, String source) {
    }

    private final TenantDb db;
    private final String tenant;

    Stored(TenantDb db, String tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    /** {@code SELECT count(*) ...} with $1.. parameters, in the tenant's scope. */
    long count(String sql, Object... params) {
        return db.inTenantBlocking(tenant, c -> c.preparedQuery(sql).execute(Tuple.from(params))
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    Optional<String> correlationIdOfVersion(UUID versionId) {
        return db.inTenantBlocking(tenant, c -> c.preparedQuery("SELECT correlation_id FROM dataset_version WHERE id = $1")
                .execute(Tuple.of(versionId))
                .map(rows -> rows.size() == 0 ? Optional.<String>empty() : Optional.ofNullable(rows.iterator().next().getString(0))));
    }

    List<Schedule> schedules() {
        List<Schedule> out = new ArrayList<>();
        List<Row> versions = db.inTenantBlocking(tenant, c -> c.query(
                "SELECT id, dataset_version_id, job_id, season, status, correlation_id FROM schedule_version ORDER BY created_at")
                .execute().map(rows -> {
                    List<Row> l = new ArrayList<>();
                    rows.forEach(l::add);
                    return l;
                }));
        for (Row v : versions) {
            UUID id = v.getUUID("id");
            List<GameRow> games = db.inTenantBlocking(tenant, c -> c.preparedQuery(
                    "SELECT game_number, slot_index, game_date, home_team, away_team, venue_id FROM game "
                            + "WHERE schedule_version_id = $1 ORDER BY game_number")
                    .execute(Tuple.of(id)).map(rows -> {
                        List<GameRow> l = new ArrayList<>();
                        rows.forEach(r -> l.add(new GameRow(r.getInteger(0), r.getInteger(1), r.getLocalDate(2), r.getString(3),
                                r.getString(4), r.getString(5))));
                        return l;
                    }));
            out.add(new Schedule(id, v.getUUID("dataset_version_id"), v.getUUID("job_id"), v.getString("season"),
                    v.getString("status"), v.getString("correlation_id"), games));
        }
        return out;
    }

    List<SolveJobRow> solveJobs() {
        return db.inTenantBlocking(tenant, c -> c.query(
                "SELECT id, status, checkpoints, checkpoint_loads, invocations, schedule_version_id FROM solve_job")
                .execute().map(rows -> {
                    List<SolveJobRow> l = new ArrayList<>();
                    rows.forEach(r -> l.add(new SolveJobRow(r.getUUID(0), r.getString(1), r.getInteger(2), r.getInteger(3),
                            r.getInteger(4), r.getUUID(5))));
                    return l;
                }));
    }

    /** The run's events as the pipeline event log recorded them, oldest first. */
    List<Stage> stages(String correlationId) {
        return db.inTenantBlocking(tenant, c -> c.preparedQuery(
                "SELECT type, source FROM pipeline_event WHERE correlation_id = $1 ORDER BY event_time")
                .execute(Tuple.of(correlationId)).map(rows -> {
                    List<Stage> l = new ArrayList<>();
                    rows.forEach(r -> l.add(new Stage(r.getString(0), r.getString(1))));
                    return l;
                }));
    }

    Optional<String> exportManifestKey(UUID scheduleVersionId) {
        return db.inTenantBlocking(tenant, c -> c.preparedQuery("SELECT manifest_key FROM export_set WHERE schedule_version_id = $1")
                .execute(Tuple.of(scheduleVersionId))
                .map(rows -> rows.size() == 0 ? Optional.<String>empty() : Optional.of(rows.iterator().next().getString(0))));
    }
}
