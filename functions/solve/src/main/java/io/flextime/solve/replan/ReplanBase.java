package io.flextime.solve.replan;

import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.store.ScheduleLineage;
import io.flextime.core.store.ScheduleRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads a re-plan's base version with its pinned games (on a tenant connection). */
@ApplicationScoped
public class ReplanBase {
    private final ScheduleRepository schedules;
    private final ScheduleLineage lineage;

    public ReplanBase(ScheduleRepository schedules, ScheduleLineage lineage) {
        this.schedules = schedules;
        this.lineage = lineage;
    }

    /** The base version and the numbers of its pinned games. */
    public record Base(ScheduleVersion version, Set<Integer> pinned) {
    }

    public Uni<Optional<Base>> load(SqlConnection conn, UUID baseVersionId) {
        return schedules.find(conn, baseVersionId).chain(found -> found.isEmpty() ? Uni.createFrom().item(Optional.<Base>empty())
                : lineage.pinned(conn, baseVersionId).map(pins -> Optional.of(new Base(found.get(), pins))));
    }
}
