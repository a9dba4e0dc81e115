package io.flextime.core.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where a schedule version stands in the scheduler's workflow (V82): DRAFT or PUBLISHED, how it was made
 * (a solve, an edit of a draft, a re-plan of a base version) and from which parent, and its pinned games.
 * Runs on a connection of a tenant transaction.
 */
@ApplicationScoped
public class ScheduleLineage {
    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String SOLVE = "solve";
    public static final String EDIT = "edit";
    public static final String REPLAN = "replan";

    /** A version's place in the workflow. */
    public record Lineage(UUID id, String season, String lifecycle, String origin, UUID parentVersionId, Instant createdAt,
            Instant publishedAt) {
        public boolean published() {
            return PUBLISHED.equals(lifecycle);
        }
    }

    private static final String COLUMNS = "id, season, lifecycle, origin, parent_version_id, created_at, published_at";

    public Uni<Optional<Lineage>> find(SqlConnection conn, UUID id) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM schedule_version WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(lineage(rows.iterator().next())) : Optional.empty());
    }

    /** A season's versions, newest first. */
    public Uni<List<Lineage>> ofSeason(SqlConnection conn, String season, int limit) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM schedule_version WHERE season = $1 ORDER BY created_at DESC LIMIT $2")
                .execute(Tuple.of(season, limit)).map(rows -> {
                    List<Lineage> out = new ArrayList<>();
                    rows.forEach(r -> out.add(lineage(r)));
                    return out;
                });
    }

    /** Records how a just-stored version was made (an edit or a re-plan of {@code parent}). */
    public Uni<Void> derived(SqlConnection conn, UUID id, String origin, UUID parent) {
        return conn.preparedQuery("UPDATE schedule_version SET origin = $2, parent_version_id = $3 WHERE id = $1")
                .execute(Tuple.of(id, origin, parent)).replaceWithVoid();
    }

    public Uni<Void> markPublished(SqlConnection conn, UUID id, Instant at) {
        return conn.preparedQuery("UPDATE schedule_version SET lifecycle = 'PUBLISHED', published_at = $2 WHERE id = $1")
                .execute(Tuple.of(id, at.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    /** The numbers of a version's pinned games. */
    public Uni<Set<Integer>> pinned(SqlConnection conn, UUID id) {
        return conn.preparedQuery("SELECT game_number FROM game WHERE schedule_version_id = $1 AND pinned").execute(Tuple.of(id))
                .map(rows -> {
                    Set<Integer> out = new HashSet<>();
                    rows.forEach(r -> out.add(r.getInteger(0)));
                    return out;
                });
    }

    /** Pins exactly {@code numbers} among the version's games (the others are unpinned). */
    public Uni<Void> pin(SqlConnection conn, UUID id, Set<Integer> numbers) {
        return conn.preparedQuery("UPDATE game SET pinned = (game_number = ANY($2)) WHERE schedule_version_id = $1")
                .execute(Tuple.of(id, numbers.toArray(new Integer[0]))).replaceWithVoid();
    }

    private static Lineage lineage(Row r) {
        return new Lineage(r.getUUID(0), r.getString(1), r.getString(2), r.getString(3), r.getUUID(4),
                r.getOffsetDateTime(5).toInstant(), r.getOffsetDateTime(6) == null ? null : r.getOffsetDateTime(6).toInstant());
    }
}
