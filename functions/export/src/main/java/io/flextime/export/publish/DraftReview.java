package io.flextime.export.publish;

import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.messaging.ConsumerInbox;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.messaging.PermanentFailure;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.ExportCompleted;
import io.flextime.events.data.ScheduleSolved;
import io.flextime.export.analytics.VersionReader;
import io.flextime.export.render.ExportRenderer;
import io.flextime.export.render.PublishedGame;
import io.flextime.export.render.PublishedSchedule;
import io.flextime.export.render.RenderedFile;
import io.flextime.export.store.ExportSets;
import io.flextime.export.store.SeasonPublications;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A new schedule version (schedule.solved: a solve, an edit or a re-plan) is a DRAFT: it gets review files
 * only, under {@code exports/<tenant>/<season>/drafts/<version>/}: its analytics report, the printable
 * season grid, and the comparison with the season's published version (or, before any publication, with the
 * version made before it). Nothing partner-facing changes: no publication, no feed, no webhook. A duplicate
 * event re-emits the recorded {@code export.completed} and writes nothing new.
 */
@ApplicationScoped
public class DraftReview {
    public static final String CONSUMER = "export";
    private static final Logger LOG = Logger.getLogger(DraftReview.class);

    private final TenantDb db;
    private final SeasonRepository seasons;
    private final ExportSets exportSets;
    private final SeasonPublications publications;
    private final VersionReader versions;
    private final ExportRenderer renderer;
    private final ScheduleReports reports;
    private final ExportFiles files;
    private final ConsumerInbox inbox;
    private final EventPublisher publisher;
    private final AuditTrail audit;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    public DraftReview(TenantDb db, SeasonRepository seasons, ExportSets exportSets, SeasonPublications publications,
            VersionReader versions, ExportRenderer renderer, ScheduleReports reports, ExportFiles files, ConsumerInbox inbox,
            EventPublisher publisher, AuditTrail audit, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.db = db;
        this.seasons = seasons;
        this.exportSets = exportSets;
        this.publications = publications;
        this.versions = versions;
        this.renderer = renderer;
        this.reports = reports;
        this.files = files;
        this.inbox = inbox;
        this.publisher = publisher;
        this.audit = audit;
        this.mapper = mapper;
    }

    /** What the review needs, read in one tenant transaction. {@code base}: what the draft is compared with. */
    private record Inputs(VersionReader.Version draft, String sourceFormat, List<PublishedGame> publishedGames,
            Optional<VersionReader.Version> base) {
    }

    /** Handles one schedule.solved event (blocking; rendering and uploads run outside any transaction). */
    public void review(CloudEvent event) {
        String tenant = event.tenant();
        Optional<List<CloudEvent>> done = inbox.recorded(tenant, CONSUMER, event.id()).await().atMost(Duration.ofSeconds(30));
        if (done.isPresent()) {
            publisher.publishAll(done.get()).await().atMost(Duration.ofSeconds(60));
            return;
        }
        ScheduleSolved solved = event.dataAs(ScheduleSolved.class, mapper);
        UUID versionId = uuid(solved.scheduleVersionId());
        Inputs in = db.inTenantBlocking(tenant, conn -> load(conn, tenant, versionId));
        ScheduleVersion schedule = in.draft().schedule();
        String season = schedule.season();
        CalendarIdentity.Publication identity = CalendarIdentity.publish(tenant, season, schedule.games(), in.publishedGames());
        PublishedSchedule view = new PublishedSchedule(tenant, in.draft().season(), schedule, in.sourceFormat(),
                schedule.createdAt(), identity.games());
        List<RenderedFile> rendered = new ArrayList<>(reports.exportFiles(in.draft(), in.base()));
        rendered.add(renderer.renderGrid(view));
        UUID comparedWith = in.base().map(b -> b.schedule().id()).orElse(null);
        ExportFiles.Written written = files.writeDraft(tenant, season, versionId, comparedWith, rendered);
        CloudEvent completed = publisher.create(EventType.EXPORT_COMPLETED, versionId.toString(), tenant, event.correlationid(),
                null, new ExportCompleted(versionId.toString(), season, written.manifestKey(), written.files(),
                        ExportCompleted.DRAFT));
        inbox.handleOnce(CONSUMER, event, conn -> audit.record(conn, tenant, Actor.event(event), AuditTrail.OK,
                        "scheduleVersionId", versionId, "season", season, "draftManifestKey", written.manifestKey())
                .replaceWith(List.of(completed)))
                .await().atMost(Duration.ofMinutes(1));
        LOG.infof("draft %s/%s version %s: %d review files, compared with %s", tenant, season, versionId,
                written.files().size(), comparedWith);
    }

    private Uni<Inputs> load(SqlConnection conn, String tenant, UUID versionId) {
        return versions.find(conn, versionId).chain(found -> {
            VersionReader.Version draft = found.orElseThrow(() -> new PermanentFailure("unknown schedule version " + versionId
                    + " (not in this database, or another tenant's)"));
            Season season = draft.season();
            UUID dataset = draft.schedule().datasetVersionId();
            return seasons.find(conn, dataset).chain(ds -> publications.current(conn, tenant, draft.schedule().season())
                    .chain(current -> current.isPresent() && !current.get().equals(versionId)
                            ? exportSets.games(conn, current.get()).chain(games -> versions.find(conn, current.get())
                                    .map(base -> new Inputs(draft, sourceFormat(ds, dataset), games, base)))
                            : versions.previous(conn, draft.schedule(), season)
                                    .map(base -> new Inputs(draft, sourceFormat(ds, dataset), List.of(), base))));
        });
    }

    private static String sourceFormat(Optional<io.flextime.core.model.DatasetVersion> ds, UUID id) {
        return ds.orElseThrow(() -> new PermanentFailure("unknown dataset version " + id)).sourceFormat();
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new PermanentFailure("schedule.solved data.scheduleVersionId is not a UUID: " + value);
        }
    }
}
