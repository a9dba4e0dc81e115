package io.flextime.solve.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.problem.ProblemLocation;
import io.flextime.core.security.Caller;
import io.flextime.core.store.ScheduleLineage;
import io.flextime.core.store.ScheduleRepository;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.ScheduleSolved;
import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.solve.engine.SolveResult;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Edits a schedule version by hand (README "Edits"): the edits are applied in order, the result is checked
 * at once by the independent evaluator against the season and the unavailability rules marked on the
 * version and its ancestors, and — when it keeps every hard rule — saved as a new draft whose parent is the
 * edited version (origin {@code edit}). The same edits of the same version make the same draft, so a repeated
 * request saves nothing twice. The draft is announced by {@code schedule.solved} (same event id on a repeat),
 * which gives it its review files in export.
 */
@ApplicationScoped
public class DraftEditor {
    /** Rules marked by edits ({@code teamUnavailable}, {@code venueUnavailable}), kept in the version's metrics. */
    static final String EDIT_RULES = "editRules";

    private final TenantDb db;
    private final ScheduleRepository schedules;
    private final SeasonRepository seasons;
    private final ScheduleLineage lineage;
    private final EventPublisher publisher;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    public DraftEditor(TenantDb db, ScheduleRepository schedules, SeasonRepository seasons, ScheduleLineage lineage,
            EventPublisher publisher, AuditTrail audit, ObjectMapper mapper) {
        this.db = db;
        this.schedules = schedules;
        this.seasons = seasons;
        this.lineage = lineage;
        this.publisher = publisher;
        this.audit = audit;
        this.mapper = mapper;
    }

    /** A hard rule the edited schedule breaks. */
    @RegisterForReflection
    public record Violation(String constraintId, String type, int deviation) {
    }

    /**
     * The check and, unless {@code check} was asked for, the saved draft. Deltas are the edited schedule's
     * minus the parent's (km, penalty units × the penalty weight, objective).
     */
    @RegisterForReflection
    public record EditResult(String scheduleVersionId, String parentVersionId, boolean saved, List<Violation> hardViolations,
            double travelKm, double travelDeltaKm, double penalty, double penaltyDelta, double objective, double objectiveDelta,
            List<Integer> pinned) {
    }

    private record Stored(ScheduleVersion parent, Season season, Set<Integer> pinned) {
    }

    public EditResult edit(Caller caller, EditRequest request) {
        String tenant = caller.tenant();
        UUID parentId = uuid(request.scheduleVersionId());
        List<DraftEdit> edits = request.edits() == null ? List.of() : request.edits();
        if (edits.isEmpty()) {
            throw new ProblemException(Problem.unprocessable("invalid-edit", "The edit request is invalid",
                    List.of(field("edits", "at least one edit"))));
        }
        Stored stored = db.inTenantBlocking(tenant, conn -> schedules.find(conn, parentId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<Stored>empty());
            }
            return seasons.loadSeason(conn, found.get().datasetVersionId()).chain(season -> lineage.pinned(conn, parentId)
                    .map(pins -> season.map(s -> new Stored(found.get(), s, pins))));
        })).orElseThrow(() -> new ProblemException(Problem.of(404, "unknown-schedule-version", "Unknown schedule version",
                "No schedule version " + parentId + " for tenant " + tenant)));

        List<SeasonConstraint> parentRules = rules(stored.parent().metrics());
        EditedSchedule edited = EditedSchedule.apply(stored.season(), stored.parent().games(), stored.pinned(), parentRules, edits);
        Season season = stored.season();
        Evaluation before = evaluator.evaluate(withRules(season, parentRules), assignments(stored.parent().games()), season.weights());
        Evaluation after = evaluator.evaluate(withRules(season, edited.rules()), assignments(edited.games()), season.weights());
        List<Violation> violations = violations(withRules(season, edited.rules()), after);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.unprocessable("edit-breaks-hard-rules", "The edited schedule breaks hard rules",
                    violations.stream().map(v -> new ProblemLocation("hard-violation", "editDraft", null, null, v.constraintId(),
                            v.type() + " broken " + v.deviation() + " time(s)")).toList()));
        }
        List<Integer> pins = List.copyOf(new TreeSet<>(edited.pinned()));
        if (Boolean.TRUE.equals(request.check())) {
            return result(null, parentId, false, before, after, pins);
        }
        UUID childId = UUID.nameUUIDFromBytes(("edit/" + parentId + "/" + edits.stream().map(DraftEdit::canonical)
                .collect(Collectors.joining("|"))).getBytes(StandardCharsets.UTF_8));
        ScheduleVersion parent = stored.parent();
        double bound = parent.bestBound() == null ? 0.0 : Math.min(parent.bestBound(), after.objective());
        ObjectNode metrics = mapper.createObjectNode();
        metrics.set("violations", mapper.valueToTree(after.softPenalties()));
        metrics.set("travelPerTeam", mapper.valueToTree(after.travelKm()));
        metrics.set("breaksPerTeam", mapper.valueToTree(after.breaks()));
        ObjectNode edit = metrics.putObject("edit");
        edit.put("parentVersionId", parentId.toString());
        edit.set("edits", mapper.valueToTree(edits));
        edit.put("travelDeltaKm", after.totalKm() - before.totalKm());
        edit.put("penaltyDelta", after.totalPenalty() - before.totalPenalty());
        metrics.set(EDIT_RULES, mapper.valueToTree(edited.rules()));
        String run = caller.actor().correlationId();
        ScheduleVersion child = new ScheduleVersion(childId, tenant, parent.datasetVersionId(), childId, parent.season(), "FEASIBLE",
                after.objective(), bound, SolveResult.gap(after.objective(), bound), after.totalKm(), metrics, run, null,
                edited.games());
        CloudEvent announced = publisher.create(EventType.SCHEDULE_SOLVED, childId.toString(), tenant, run, null,
                new ScheduleSolved(childId.toString(), parent.datasetVersionId().toString(), childId.toString(), parent.season(),
                        "FEASIBLE", after.objective(), bound, SolveResult.gap(after.objective(), bound), edited.games().size(),
                        after.totalKm(), 0.0))
                .withId(UUID.nameUUIDFromBytes(("schedule.solved/" + childId).getBytes(StandardCharsets.UTF_8)).toString());
        db.inTenantBlocking(tenant, conn -> schedules.insert(conn, child).call(inserted -> !inserted ? Uni.createFrom().voidItem()
                : lineage.derived(conn, childId, ScheduleLineage.EDIT, parentId)
                        .chain(() -> lineage.pin(conn, childId, edited.pinned()))
                        .chain(() -> audit.record(conn, tenant, caller.actor(), AuditTrail.OK, "scheduleVersionId", childId,
                                "parentVersionId", parentId, "edits", edits.size()))));
        publisher.publishBlocking(announced);
        return result(childId, parentId, true, before, after, pins);
    }

    private static EditResult result(UUID child, UUID parent, boolean saved, Evaluation before, Evaluation after, List<Integer> pins) {
        return new EditResult(child == null ? null : child.toString(), parent.toString(), saved, List.of(), after.totalKm(),
                after.totalKm() - before.totalKm(), after.totalPenalty(), after.totalPenalty() - before.totalPenalty(),
                after.objective(), after.objective() - before.objective(), pins);
    }

    private static List<Violation> violations(Season season, Evaluation e) {
        List<Violation> out = new ArrayList<>();
        e.structureErrors().forEach(s -> out.add(new Violation("format", "FORMAT: " + s, 1)));
        e.hardDeviations().forEach((id, dev) -> out.add(new Violation(id, season.constraints().stream()
                .filter(c -> c.id().equals(id)).findFirst().map(c -> c.type().name()).orElse("?"), dev)));
        return out;
    }

    private List<SeasonConstraint> rules(JsonNode metrics) {
        return markedRules(metrics, mapper);
    }

    /** The unavailability rules marked by edits on a version and its ancestors (its metrics' {@code editRules}). */
    public static List<SeasonConstraint> markedRules(JsonNode metrics, ObjectMapper mapper) {
        JsonNode rules = metrics == null ? null : metrics.path(EDIT_RULES);
        List<SeasonConstraint> out = new ArrayList<>();
        if (rules != null && rules.isArray()) {
            rules.forEach(r -> out.add(mapper.convertValue(r, SeasonConstraint.class)));
        }
        return out;
    }

    /** The season with the rules marked by edits. */
    public static Season withRules(Season s, List<SeasonConstraint> extra) {
        if (extra.isEmpty()) {
            return s;
        }
        List<SeasonConstraint> all = new ArrayList<>(s.constraints());
        all.addAll(extra);
        return new Season(s.season(), s.name(), s.sport(), s.start(), s.end(), s.timeZone(), s.format(), s.weights(), s.autoSolve(),
                s.teams(), s.venues(), s.slots(), all, s.matchups(), s.distances());
    }

    private static List<Assignment> assignments(List<Game> games) {
        return games.stream().map(g -> new Assignment(g.slotIndex(), g.homeTeam(), g.awayTeam())).toList();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest("invalid-id", "expected a schedule version id (UUID), got '" + id + "'"));
        }
    }

    static ProblemLocation field(String name, String reason) {
        return new ProblemLocation("invalid-field", "editDraft", null, null, name, reason);
    }
}
