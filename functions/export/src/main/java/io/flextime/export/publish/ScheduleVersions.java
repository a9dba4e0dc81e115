package io.flextime.export.publish;

import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.ScheduleLineage;
import io.flextime.core.store.TenantDb;
import io.flextime.events.Ids;
import io.flextime.export.store.SeasonPublications;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A season's versions as the office sees them: drafts and publications, how each was made, which one is current. */
@ApplicationScoped
public class ScheduleVersions {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final TenantDb db;
    private final ScheduleLineage lineage;
    private final SeasonPublications publications;

    public ScheduleVersions(TenantDb db, ScheduleLineage lineage, SeasonPublications publications) {
        this.db = db;
        this.lineage = lineage;
        this.publications = publications;
    }

    @RegisterForReflection
    public record Version(String scheduleVersionId, String lifecycle, String origin, String parentVersionId, Instant createdAt,
            Instant publishedAt, boolean current) {
    }

    @RegisterForReflection
    public record SeasonVersions(String season, String currentVersionId, List<Version> versions) {
    }

    public SeasonVersions of(String tenant, String season, Integer limit) {
        if (season == null || !Ids.SEASON_KEY.matches(season)) {
            throw new ProblemException(Problem.badRequest("invalid-season", "season must be a season key, e.g. big12-mbb-2025-26"));
        }
        int n = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(limit, MAX_LIMIT));
        return db.inTenantBlocking(tenant, conn -> publications.current(conn, tenant, season)
                .chain(current -> lineage.ofSeason(conn, season, n).map(all -> {
                    UUID cur = current.orElse(null);
                    return new SeasonVersions(season, cur == null ? null : cur.toString(), all.stream()
                            .map(l -> new Version(l.id().toString(), l.lifecycle(), l.origin(),
                                    l.parentVersionId() == null ? null : l.parentVersionId().toString(), l.createdAt(),
                                    l.publishedAt(), l.id().equals(cur)))
                            .toList());
                })));
    }
}
