package io.flextime.solve.replan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.store.ScheduleLineage;
import io.flextime.core.store.ScheduleRepository;
import io.flextime.solve.edit.DraftEditor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads a re-plan's base version with its pinned games and marked unavailability (on a tenant connection). */
@ApplicationScoped
public class ReplanBase {
    private final ScheduleRepository schedules;
    private final ScheduleLineage lineage;
    private final ObjectMapper mapper;

    public ReplanBase(ScheduleRepository schedules, ScheduleLineage lineage, ObjectMapper mapper) {
        this.schedules = schedules;
        this.lineage = lineage;
        this.mapper = mapper;
    }

    /** The base version, the numbers of its pinned games, and the unavailability marked on it by edits. */
    public record Base(ScheduleVersion version, Set<Integer> pinned, List<SeasonConstraint> marked) {
    }

    public Uni<Optional<Base>> load(SqlConnection conn, UUID baseVersionId) {
        return schedules.find(conn, baseVersionId).chain(found -> found.isEmpty() ? Uni.createFrom().item(Optional.<Base>empty())
                : lineage.pinned(conn, baseVersionId).map(pins -> Optional.of(new Base(found.get(), pins,
                        DraftEditor.markedRules(found.get().metrics(), mapper)))));
    }
}
