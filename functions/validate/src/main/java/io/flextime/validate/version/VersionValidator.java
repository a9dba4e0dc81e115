package io.flextime.validate.version;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.metrics.FunctionMetrics;
import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.messaging.ConsumerInbox;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.messaging.PermanentFailure;
import io.flextime.core.model.DatasetVersion;
import io.flextime.core.model.Season;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.events.CloudEvent;
import io.flextime.validate.ValidateConfig;
import io.flextime.validate.checks.SeasonValidator;
import io.flextime.validate.checks.ValidationSettings;
import io.flextime.validate.history.HistoryFindings;
import io.flextime.validate.quarantine.QuarantineSelection;
import io.flextime.validate.quarantine.QuarantinedRecord;
import io.flextime.validate.report.ReportRenderer;
import io.flextime.validate.report.ValidationReport;
import io.flextime.validate.store.HistoricalGameStats;
import io.flextime.validate.store.QuarantineStore;
import io.flextime.validate.store.ReportObjects;
import io.flextime.validate.store.ReportStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Validates one dataset version end to end: load, check, score, gate; write the report to S3 and
 * PostgreSQL, quarantine failing records, and decide the version exactly once: dataset.validated or
 * dataset.rejected, and {@code dataset_version.status} set to match (later revisions do not change it). The checks run outside any transaction (the probe may take
 * seconds); the effects commit together.
 */
@ApplicationScoped
public class VersionValidator {
    public static final String CONSUMER = "validate";
    private static final Logger LOG = Logger.getLogger(VersionValidator.class);
    private static final Duration WAIT = Duration.ofMinutes(2);

    private final TenantDb db;
    private final SeasonRepository seasons;
    private final ReportStore reports;
    private final QuarantineStore quarantine;
    private final HistoricalGameStats history;
    private final ReportObjects objects;
    private final ReportRenderer renderer;
    private final DecisionEvents events;
    private final ConsumerInbox inbox;
    private final EventPublisher publisher;
    private final QuarantineSelection selection;
    private final ValidationSettings settings;
    private final FunctionMetrics metrics;
    private final AuditTrail audit;

    public VersionValidator(TenantDb db, SeasonRepository seasons, ReportStore reports, QuarantineStore quarantine,
            HistoricalGameStats history, ReportObjects objects, ReportRenderer renderer, DecisionEvents events,
            ConsumerInbox inbox, EventPublisher publisher, ObjectMapper mapper, ValidateConfig config,
            FunctionMetrics metrics, AuditTrail audit) {
        this.metrics = metrics;
        this.audit = audit;
        this.db = db;
        this.seasons = seasons;
        this.reports = reports;
        this.quarantine = quarantine;
        this.history = history;
        this.objects = objects;
        this.renderer = renderer;
        this.events = events;
        this.inbox = inbox;
        this.publisher = publisher;
        this.selection = new QuarantineSelection(mapper);
        this.settings = config.settings();
    }

    /** What a validation produced; {@code decision} is the version's one event (new or earlier). */
    public record Outcome(ValidationReport report, CloudEvent decision, boolean decidedNow) {
    }

    /** The dataset.ingested trigger (blocking; runs on a worker thread). */
    public void onIngested(CloudEvent event) {
        UUID version = versionId(event.subject());
        String tenant = event.tenant();
        boolean seen = inbox.recorded(tenant, CONSUMER, event.id()).await().atMost(WAIT).isPresent();
        boolean decided = seen || db.inTenantBlocking(tenant, c -> reports.decision(c, version)).isPresent();
        if (decided) {
            // A duplicate delivery or a second ingested event for a decided version: no new report, the
            // version's recorded event goes out again (same id, so consumers drop it).
            inbox.handleOnce(CONSUMER, event, c -> reports.decision(c, version)
                    .map(d -> d.map(x -> List.of(x.event())).orElse(List.of()))).await().atMost(WAIT);
            return;
        }
        Prepared p = prepare(tenant, version, event.correlationid(), true);
        var outcome = inbox.handleOnce(CONSUMER, event, c -> persist(c, p, true, Actor.event(event))).await().atMost(WAIT);
        metrics.records("historical-rows-validated", p.report().historicalRows());
        LOG.infof("validated %s/%s: %s score %.4f (%s)", tenant, version, p.report().outcome(), p.report().quality().score(),
                outcome.duplicate() ? "duplicate" : "decided");
    }

    /** HTTP re-validation: a new report revision; the decision event goes out only if the version had none. */
    public Outcome revalidate(String tenant, UUID version, String correlationId, Actor actor) {
        Prepared p = prepare(tenant, version, correlationId, false);
        List<CloudEvent> emitted = db.inTenantBlocking(tenant, c -> persist(c, p, false, actor));
        publisher.publishAll(emitted).await().atMost(WAIT);
        Optional<ReportStore.Decision> decision = db.inTenantBlocking(tenant, c -> reports.decision(c, version));
        return new Outcome(p.report(), decision.map(ReportStore.Decision::event).orElse(null), !emitted.isEmpty());
    }

    private record Prepared(ValidationReport report, List<QuarantinedRecord> records, boolean historyErrors, LocalDate latest,
            DatasetVersion version, boolean autoSolve, String correlationId) {
    }

    private Prepared prepare(String tenant, UUID version, String correlationId, boolean fromEvent) {
        long started = System.nanoTime();
        Optional<DatasetVersion> meta = db.inTenantBlocking(tenant, c -> seasons.find(c, version));
        if (meta.isEmpty()) {
            String what = "dataset version " + version + " of tenant " + tenant + " does not exist";
            throw fromEvent ? new PermanentFailure(what) : new ProblemException(Problem.notFound(what));
        }
        Season season = db.inTenantBlocking(tenant, c -> seasons.loadSeason(c, version)).orElseThrow();
        int revision = db.inTenantBlocking(tenant, c -> reports.nextRevision(c, version));
        SeasonValidator.SeasonValidation sv = new SeasonValidator(settings).validate(season);
        LocalDate latest = season.end() != null ? season.end() : LocalDate.now();
        HistoricalGameStats.Stats stats = history.compute(tenant, version, latest, HistoryFindings.OUTLIER_Z).await().atMost(WAIT);
        List<QuarantinedRecord> records = selection.select(season, sv.findings());
        ValidationReport report = ReportBuilder.build(tenant, version, season, revision, sv, stats.rows() == 0 ? null : stats,
                records.size(), settings, started);
        objects.put(tenant, version, renderer.json(report), renderer.html(report));
        String correlation = correlationId != null ? correlationId : meta.get().correlationId();
        return new Prepared(report, records, HistoryFindings.errorRows(stats) > 0, latest, meta.get(), season.autoSolve(),
                correlation == null ? UUID.randomUUID().toString() : correlation);
    }

    /**
     * The effects, in the caller's transaction. Returns the events to emit: the new decision event; or,
     * when the version was decided before, that event again for the Kafka path (re-emit) and nothing for HTTP.
     */
    private Uni<List<CloudEvent>> persist(SqlConnection c, Prepared p, boolean reemitDecided, Actor actor) {
        ValidationReport r = p.report();
        return reports.insert(c, r, p.correlationId())
                .call(() -> audit.record(c, r.tenant(), actor, AuditTrail.OK, "versionId", r.versionId(), "reportId",
                        r.reportId(), "revision", r.revision(), "outcome", r.outcome()))
                .chain(() -> quarantine.insert(c, r.tenant(), r.versionId(), p.records()))
                .chain(() -> p.historyErrors() ? quarantine.insertHistorical(c, r.versionId(), p.latest())
                        : Uni.createFrom().item(0))
                .chain(() -> reports.decision(c, r.versionId()))
                .chain(existing -> {
                    if (existing.isPresent()) {
                        return Uni.createFrom().item(reemitDecided ? List.of(existing.get().event()) : List.<CloudEvent>of());
                    }
                    CloudEvent event = events.of(r, p.version().versionNumber(), p.autoSolve(), p.correlationId());
                    return reports.decide(c, r.tenant(), r.versionId(), r.reportId(), r.outcome(), event)
                            .chain(ok -> ok ? seasons.setStatus(c, r.versionId(), r.outcome()).replaceWith(List.of(event))
                                    : Uni.createFrom().item(List.<CloudEvent>of()));
                });
    }

    private static UUID versionId(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (RuntimeException e) {
            throw new PermanentFailure("subject '" + subject + "' is not a dataset version id");
        }
    }
}
