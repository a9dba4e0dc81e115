package io.flextime.solve.job;

import io.flextime.core.messaging.PermanentFailure;
import io.flextime.core.store.ScheduleLineage;
import io.flextime.solve.replan.Replan;
import io.flextime.solve.replan.ReplanBase;
import io.flextime.solve.replan.ReplanOutcome;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.Set;
import io.flextime.rules.evaluator.Assignment;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.metrics.FunctionMetrics;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.store.ScheduleRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.events.CloudEvent;
import io.flextime.solve.engine.SolveResult;
import io.flextime.solve.store.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Ends a job: the schedule version (once per job) and the job's final state are committed together
 * with the event that announces them, which the caller publishes after the commit and which duplicate
 * triggers re-emit.
 */
@ApplicationScoped
public class ResultRecorder {
    private final TenantDb db;
    private final JobStore jobs;
    private final ScheduleRepository schedules;
    private final JobEvents events;
    private final ObjectMapper mapper;
    private final FunctionMetrics metrics;
    private final ReplanBase bases;
    private final ScheduleLineage lineage;

    public ResultRecorder(TenantDb db, JobStore jobs, ScheduleRepository schedules, JobEvents events, ObjectMapper mapper,
            FunctionMetrics metrics, ReplanBase bases, ScheduleLineage lineage) {
        this.bases = bases;
        this.lineage = lineage;
        this.metrics = metrics;
        this.db = db;
        this.jobs = jobs;
        this.schedules = schedules;
        this.events = events;
        this.mapper = mapper;
    }

    /** The schedule version id of a job: fixed, so a retried finish stores and announces the same one. */
    public static UUID scheduleVersionId(UUID jobId) {
        return UUID.nameUUIDFromBytes(("schedule/" + jobId).getBytes(StandardCharsets.UTF_8));
    }

    public CloudEvent solved(SolveJob job, Season season, FinalSolution s) {
        UUID scheduleId = scheduleVersionId(job.jobId());
        List<Game> games = games(season, s.games());
        ScheduleVersion version = new ScheduleVersion(scheduleId, job.tenant(), job.versionId(), job.jobId(), season.season(),
                s.status(), s.objective(), s.bestBound(), SolveResult.gap(s.objective(), s.bestBound()), s.travelTotal(),
                metrics(s), job.correlationId(), null, games);
        CloudEvent event = events.solved(job, scheduleId, season.season(), s.status(), s.objective(), s.bestBound(),
                games.size(), s.travelTotal(), s.elapsedSeconds());
        JobStore.Outcome outcome = new JobStore.Outcome(s.status(), s.objective(), s.bestBound(),
                SolveResult.gap(s.objective(), s.bestBound()), s.elapsedSeconds(), s.solutions(), scheduleId);
        Replan replan = job.parameters().replan();
        db.inTenantBlocking(job.tenant(), conn -> (replan == null ? schedules.insert(conn, version)
                        : replanned(conn, version, replan, s.games()))
                .chain(() -> jobs.finish(conn, job.jobId(), JobState.SOLVED, outcome, event)));
        metrics.records("games-scheduled", games.size());
        return event;
    }

    /**
     * A re-plan's draft: stored with its base as parent and origin {@code replan}, the base's pins carried
     * over, and {@code metrics.replan} listing the moved games (the postponed ones marked) and the travel change.
     */
    private Uni<Boolean> replanned(SqlConnection conn, ScheduleVersion version, Replan replan, List<Assignment> result) {
        UUID baseId = UUID.fromString(replan.baseVersionId());
        return bases.load(conn, baseId).chain(found -> {
            ReplanBase.Base base = found.orElseThrow(() -> new PermanentFailure("the re-plan's base version " + baseId + " is gone"));
            Set<Integer> postponed = replan.changes().stream().filter(c -> Replan.POSTPONE.equals(c.type()))
                    .map(Replan.Change::game).collect(Collectors.toSet());
            List<ReplanOutcome.MovedGame> moved = ReplanOutcome.moved(base.version().games(), result, postponed);
            ObjectNode metrics = version.metrics() == null ? mapper.createObjectNode() : ((ObjectNode) version.metrics()).deepCopy();
            ObjectNode r = metrics.putObject("replan");
            r.put("baseVersionId", baseId.toString());
            r.put("frozenBefore", replan.frozenBefore());
            r.put("changeWeight", replan.changeWeight());
            r.set("changes", mapper.valueToTree(replan.changes()));
            r.put("movedBesidesPostponed", ReplanOutcome.movesBesidesPostponed(moved));
            r.set("moved", mapper.valueToTree(moved));
            Double baseTravel = base.version().travelTotal();
            r.put("travelDeltaKm", baseTravel == null || version.travelTotal() == null ? null : version.travelTotal() - baseTravel);
            ScheduleVersion withReplan = new ScheduleVersion(version.id(), version.tenant(), version.datasetVersionId(),
                    version.jobId(), version.season(), version.status(), version.objective(), version.bestBound(), version.gap(),
                    version.travelTotal(), metrics, version.correlationId(), version.createdAt(), version.games());
            Set<Integer> pins = pinnedNumbers(base, version.games());
            return schedules.insert(conn, withReplan).call(inserted -> !inserted ? Uni.createFrom().voidItem()
                    : lineage.derived(conn, version.id(), ScheduleLineage.REPLAN, baseId).chain(() -> lineage.pin(conn, version.id(), pins)));
        });
    }

    /** The new numbers of the base's pinned games (a pinned game keeps its teams and slot). */
    private static Set<Integer> pinnedNumbers(ReplanBase.Base base, List<Game> games) {
        Set<String> pinned = base.version().games().stream().filter(g -> base.pinned().contains(g.number()))
                .map(g -> g.homeTeam() + '\u0000' + g.awayTeam() + '\u0000' + g.slotIndex()).collect(Collectors.toSet());
        return games.stream().filter(g -> pinned.contains(g.homeTeam() + '\u0000' + g.awayTeam() + '\u0000' + g.slotIndex()))
                .map(Game::number).collect(Collectors.toSet());
    }

    /** The budget ended before any schedule was found (not a proof that none exists). */
    public CloudEvent unfinished(SolveJob job, double elapsedSeconds, int solutions, Double bestBound, Integer fewestHardDeviations) {
        CloudEvent event = events.unfinished(job, elapsedSeconds, fewestHardDeviations);
        JobStore.Outcome outcome = new JobStore.Outcome("UNKNOWN", null, bestBound, null, elapsedSeconds, solutions, null);
        db.inTenantBlocking(job.tenant(), conn -> jobs.finish(conn, job.jobId(), JobState.UNFINISHED, outcome, event));
        return event;
    }

    /** No schedule: {@code status} INFEASIBLE (with the conflicting constraints) or MODEL_INVALID. */
    public CloudEvent infeasible(SolveJob job, String status, List<SolveResult.Conflict> conflicts, double elapsedSeconds,
            int solutions, Double bestBound) {
        CloudEvent event = events.infeasible(job, status, conflicts, elapsedSeconds);
        JobStore.Outcome outcome = new JobStore.Outcome(status, null, bestBound, null, elapsedSeconds, solutions, null);
        db.inTenantBlocking(job.tenant(), conn -> jobs.finish(conn, job.jobId(), JobState.INFEASIBLE, outcome, event));
        return event;
    }

    public void cancelled(SolveJob job, Checkpoint best, double elapsedSeconds) {
        JobStore.Outcome outcome = new JobStore.Outcome(null, best == null ? null : best.objective(),
                best == null ? null : best.bestBound(), null, elapsedSeconds, best == null ? 0 : best.solutions(), null);
        db.inTenantBlocking(job.tenant(), conn -> jobs.finish(conn, job.jobId(), JobState.CANCELLED, outcome, null));
    }

    /** Games in slot order; the date is the slot's, the venue the home team's. */
    public static List<Game> games(Season season, List<Assignment> assignments) {
        Map<Integer, LocalDate> dates = season.slots().stream().filter(s -> s.date() != null)
                .collect(Collectors.toMap(Slot::index, Slot::date, (a, b) -> a));
        Map<String, String> venues = season.teams().stream().filter(t -> t.venueId() != null)
                .collect(Collectors.toMap(Team::id, Team::venueId, (a, b) -> a));
        List<Assignment> ordered = new ArrayList<>(assignments);
        ordered.sort(Comparator.comparingInt(Assignment::slot).thenComparing(Assignment::home).thenComparing(Assignment::away));
        List<Game> games = new ArrayList<>(ordered.size());
        for (Assignment a : ordered) {
            games.add(new Game(games.size() + 1, a.slot(), dates.get(a.slot()), a.home(), a.away(), venues.get(a.home())));
        }
        return games;
    }

    private ObjectNode metrics(FinalSolution s) {
        ObjectNode m = mapper.createObjectNode();
        m.set("violations", mapper.valueToTree(s.violations()));
        m.set("travelPerTeam", mapper.valueToTree(s.travelPerTeam()));
        m.set("breaksPerTeam", mapper.valueToTree(s.breaksPerTeam()));
        m.set("statistics", mapper.valueToTree(s.statistics()));
        m.put("solutions", s.solutions());
        m.put("elapsedSeconds", s.elapsedSeconds());
        return m;
    }

}
