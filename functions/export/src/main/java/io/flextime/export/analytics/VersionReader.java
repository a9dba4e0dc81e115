package io.flextime.export.analytics;

import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.store.ScheduleRepository;
import io.flextime.core.store.SeasonRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Reads a stored schedule version together with the season it solves (on a tenant connection). */
@ApplicationScoped
public class VersionReader {
    private final ScheduleRepository schedules;
    private final SeasonRepository seasons;

    public VersionReader(ScheduleRepository schedules, SeasonRepository seasons) {
        this.schedules = schedules;
        this.seasons = seasons;
    }

    /** A schedule version and its season. */
    public record Version(ScheduleVersion schedule, Season season) {
    }

    /** Empty when the version is not in this tenant's data, or its dataset version is gone. */
    public Uni<Optional<Version>> find(SqlConnection conn, UUID id) {
        return schedules.find(conn, id).chain(found -> found.isEmpty() ? Uni.createFrom().item(Optional.<Version>empty())
                : withSeason(conn, found.get(), null));
    }

    /** The newest version of the same season solved before this one, if any ({@code season}: this one's). */
    public Uni<Optional<Version>> previous(SqlConnection conn, ScheduleVersion schedule, Season season) {
        return schedules.previous(conn, schedule.season(), schedule.createdAt())
                .chain(found -> found.isEmpty() ? Uni.createFrom().item(Optional.<Version>empty())
                        : withSeason(conn, found.get(), found.get().datasetVersionId().equals(schedule.datasetVersionId()) ? season : null));
    }

    private Uni<Optional<Version>> withSeason(SqlConnection conn, ScheduleVersion schedule, Season known) {
        if (known != null) {
            return Uni.createFrom().item(Optional.of(new Version(schedule, known)));
        }
        return seasons.loadSeason(conn, schedule.datasetVersionId()).map(s -> s.map(season -> new Version(schedule, season)));
    }
}
