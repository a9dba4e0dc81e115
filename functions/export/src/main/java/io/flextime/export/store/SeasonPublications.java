package io.flextime.export.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may publish a season now, and what is published (table season_publication, V82). A publication
 * claims the season's lease (one at a time, across every process: the row in PostgreSQL is the lock),
 * renders and uploads without holding a transaction, and commits only while it still holds the lease;
 * a crashed publisher's lease expires.
 */
@ApplicationScoped
public class SeasonPublications {

    /** The season's state when a lease was claimed: the current publication (null if none) and how many there were. */
    public record Claimed(UUID token, UUID currentVersionId, int publications) {
    }

    /** Someone else holds the lease: which version they publish and until when. */
    public record Busy(UUID versionId, Instant until) {
    }

    /** Claims the lease, or says who holds it. */
    public Uni<Claim> claim(SqlConnection conn, String tenant, String season, UUID versionId, Duration lease) {
        UUID token = UUID.randomUUID();
        return conn.preparedQuery("INSERT INTO season_publication (tenant, season) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(tenant, season))
                .chain(() -> conn.preparedQuery("UPDATE season_publication SET lease_token = $3, lease_version_id = $4, "
                                + "lease_until = now() + make_interval(secs => $5) WHERE tenant = $1 AND season = $2 "
                                + "AND (lease_until IS NULL OR lease_until < now()) RETURNING current_version_id, publications")
                        .execute(Tuple.from(new Object[] { tenant, season, token, versionId, (double) lease.toSeconds() })))
                .chain(rows -> {
                    if (rows.iterator().hasNext()) {
                        Row r = rows.iterator().next();
                        return Uni.createFrom().item(new Claim(new Claimed(token, r.getUUID(0), r.getInteger(1)), null));
                    }
                    return conn.preparedQuery("SELECT lease_version_id, lease_until FROM season_publication "
                                    + "WHERE tenant = $1 AND season = $2").execute(Tuple.of(tenant, season))
                            .map(busy -> {
                                Row r = busy.iterator().next();
                                return new Claim(null, new Busy(r.getUUID(0), r.getOffsetDateTime(1).toInstant()));
                            });
                });
    }

    /** Either claimed or busy. */
    public record Claim(Claimed claimed, Busy busy) {
    }

    /**
     * Locks the season's row for the committing transaction and returns the publication number this one
     * takes, if the lease is still {@code token}'s and nothing was published since the claim.
     */
    public Uni<Optional<Integer>> lockForCommit(SqlConnection conn, String tenant, String season, UUID token, UUID expectedCurrent) {
        return conn.preparedQuery("SELECT lease_token, current_version_id, publications FROM season_publication "
                        + "WHERE tenant = $1 AND season = $2 FOR UPDATE").execute(Tuple.of(tenant, season))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row r = it.next();
                    boolean ours = token.equals(r.getUUID(0)) && java.util.Objects.equals(expectedCurrent, r.getUUID(1));
                    return ours ? Optional.of(r.getInteger(2) + 1) : Optional.empty();
                });
    }

    /** Makes {@code versionId} the season's current publication and frees the lease (in the committing transaction). */
    public Uni<Void> advance(SqlConnection conn, String tenant, String season, UUID versionId, int number) {
        return conn.preparedQuery("UPDATE season_publication SET current_version_id = $3, publications = $4, lease_token = NULL, "
                        + "lease_version_id = NULL, lease_until = NULL WHERE tenant = $1 AND season = $2")
                .execute(Tuple.of(tenant, season, versionId, number)).replaceWithVoid();
    }

    /** Frees the lease if it is still {@code token}'s (after a failed publication). */
    public Uni<Void> release(SqlConnection conn, String tenant, String season, UUID token) {
        return conn.preparedQuery("UPDATE season_publication SET lease_token = NULL, lease_version_id = NULL, lease_until = NULL "
                        + "WHERE tenant = $1 AND season = $2 AND lease_token = $3")
                .execute(Tuple.of(tenant, season, token)).replaceWithVoid();
    }

    /** The season's current publication, if any. */
    public Uni<Optional<UUID>> current(SqlConnection conn, String tenant, String season) {
        return conn.preparedQuery("SELECT current_version_id FROM season_publication WHERE tenant = $1 AND season = $2")
                .execute(Tuple.of(tenant, season))
                .map(rows -> rows.iterator().hasNext() ? Optional.ofNullable(rows.iterator().next().getUUID(0)) : Optional.empty());
    }

}
