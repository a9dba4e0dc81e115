package io.flextime.export.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.messaging.ConsumerInbox;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.messaging.PermanentFailure;
import io.flextime.core.model.DatasetVersion;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.store.ScheduleRepository;
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
import io.flextime.export.store.WebhookDeliveries;
import io.flextime.export.webhook.WebhookFanout;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes a solved schedule version: gives its games their calendar identity against the
 * previously published version, renders every format and the analytics reports (the version's, and
 * its comparison with the version solved before it), writes the files and the manifest to S3, and
 * then, in one transaction with the consumer-inbox record, records the publication and queues the
 * partner webhook carrying the game changes. A duplicate schedule.solved (same event, or another
 * event for an already published version) writes no second set and queues no second webhook.
 */
@ApplicationScoped
public class ScheduleExporter {
    public static final String CONSUMER = "export";
    private static final Logger LOG = Logger.getLogger(ScheduleExporter.class);

    private final TenantDb db;
    private final SeasonRepository seasons;
    private final ScheduleRepository schedules;
    private final ExportSets exportSets;
    private final ExportRenderer renderer;
    private final ExportFiles files;
    private final WebhookFanout fanout;
    private final ConsumerInbox inbox;
    private final EventPublisher publisher;
    private final ObjectMapper mapper;
    private final VersionReader versions;
    private final ScheduleReports reports;
    private final AuditTrail audit;

    public ScheduleExporter(TenantDb db, SeasonRepository seasons, ScheduleRepository schedules, ExportSets exportSets,
            ExportRenderer renderer, ExportFiles files, WebhookFanout fanout, ConsumerInbox inbox, EventPublisher publisher,
            ObjectMapper mapper, VersionReader versions, ScheduleReports reports, AuditTrail audit) {
        this.audit = audit;
        this.db = db;
        this.seasons = seasons;
        this.schedules = schedules;
        this.exportSets = exportSets;
        this.renderer = renderer;
        this.files = files;
        this.fanout = fanout;
        this.inbox = inbox;
        this.publisher = publisher;
        this.mapper = mapper;
        this.versions = versions;
        this.reports = reports;
    }

    /**
     * What the previous publication and the stored data say, read in one tenant transaction.
     * {@code previousSolved}: the season's version solved before this one (the analytics comparison's base).
     */
    private record Inputs(ScheduleVersion schedule, DatasetVersion dataset, Season season, boolean alreadyPublished,
            UUID previousVersion, List<PublishedGame> previousGames, Optional<VersionReader.Version> previousSolved) {
    }

    /** Handles one schedule.solved event (blocking; rendering and uploads run outside any transaction). */
    public void export(CloudEvent event) {
        String tenant = event.tenant();
        Optional<List<CloudEvent>> done = inbox.recorded(tenant, CONSUMER, event.id()).await().atMost(Duration.ofSeconds(30));
        if (done.isPresent()) {
            publisher.publishAll(done.get()).await().atMost(Duration.ofSeconds(60));
            return;
        }
        ScheduleSolved solved = event.dataAs(ScheduleSolved.class, mapper);
        UUID versionId = uuid(solved.scheduleVersionId(), "scheduleVersionId");
        Inputs in = db.inTenantBlocking(tenant, conn -> load(conn, versionId));
        if (in.alreadyPublished()) {
            LOG.infof("schedule version %s was published already: nothing to do", versionId);
            inbox.handleOnce(CONSUMER, event, conn -> Uni.createFrom().item(List.<CloudEvent>of())).await().atMost(Duration.ofSeconds(30));
            return;
        }
        String season = in.schedule().season();
        CalendarIdentity.Publication publication = CalendarIdentity.publish(tenant, season, in.schedule().games(), in.previousGames());
        Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PublishedSchedule published = new PublishedSchedule(tenant, in.season(), in.schedule(), in.dataset().sourceFormat(),
                publishedAt, publication.games());
        List<RenderedFile> rendered = new ArrayList<>(renderer.renderAll(published));
        rendered.addAll(reports.exportFiles(new VersionReader.Version(in.schedule(), in.season()), in.previousSolved()));
        ExportFiles.Written written = files.write(tenant, season, versionId, in.previousVersion(), publishedAt, rendered);
        String payload = PublicationPayload.json(mapper, published, publication, in.previousVersion(), written.manifestKey(),
                written.files());
        String messageId = WebhookDeliveries.messageId(tenant, versionId.toString(), PublicationPayload.TYPE);
        CloudEvent completed = publisher.create(EventType.EXPORT_COMPLETED, versionId.toString(), tenant, event.correlationid(),
                null, new ExportCompleted(versionId.toString(), season, written.manifestKey(), written.files()));
        String changes = mapper.createObjectNode().put("added", publication.count(GameChange.ADDED))
                .put("moved", publication.count(GameChange.MOVED)).put("removed", publication.count(GameChange.REMOVED)).toString();
        inbox.handleOnce(CONSUMER, event, conn -> exportSets.insert(conn, tenant, season, versionId, in.previousVersion(),
                        written.manifestKey(), files.json(written.files()), changes, publishedAt, publication.games())
                .chain(inserted -> !inserted ? Uni.createFrom().item(List.<CloudEvent>of())
                        : fanout.queue(conn, tenant, messageId, PublicationPayload.TYPE, season, payload, event.correlationid())
                                .call(() -> audit.record(conn, tenant, Actor.event(event), AuditTrail.OK, "scheduleVersionId",
                                        versionId, "season", season, "manifestKey", written.manifestKey()))
                                .replaceWith(List.of(completed))))
                .await().atMost(Duration.ofMinutes(1));
        LOG.infof("published %s/%s version %s: %d files, %d added, %d moved, %d removed", tenant, season, versionId,
                written.files().size(), publication.count(GameChange.ADDED), publication.count(GameChange.MOVED),
                publication.count(GameChange.REMOVED));
    }

    private Uni<Inputs> load(SqlConnection conn, UUID versionId) {
        return schedules.find(conn, versionId).chain(found -> {
            ScheduleVersion schedule = found.orElseThrow(() -> new PermanentFailure("unknown schedule version " + versionId
                    + " (not in this database, or another tenant's)"));
            UUID datasetVersion = schedule.datasetVersionId();
            return seasons.find(conn, datasetVersion).chain(dataset -> seasons.loadSeason(conn, datasetVersion)
                    .chain(season -> exportSets.find(conn, versionId)
                            .chain(existing -> exportSets.latest(conn, schedule.season(), versionId)
                                    .chain(previous -> previousGames(conn, previous)
                                            .chain(games -> previousSolved(conn, schedule, season)
                                                    .map(solved -> new Inputs(schedule,
                                                            dataset.orElseThrow(() -> new PermanentFailure("unknown dataset version "
                                                                    + datasetVersion)),
                                                            season.orElseThrow(() -> new PermanentFailure(
                                                                    "no season for dataset version " + datasetVersion)),
                                                            existing.isPresent(),
                                                            previous.map(ExportSets.ExportSet::scheduleVersionId).orElse(null),
                                                            games, solved)))))));
        });
    }

    private Uni<List<PublishedGame>> previousGames(SqlConnection conn, Optional<ExportSets.ExportSet> previous) {
        return previous.isEmpty() ? Uni.createFrom().item(List.of()) : exportSets.games(conn, previous.get().scheduleVersionId());
    }

    private Uni<Optional<VersionReader.Version>> previousSolved(SqlConnection conn, ScheduleVersion schedule,
            Optional<Season> season) {
        return season.isEmpty() ? Uni.createFrom().item(Optional.empty()) : versions.previous(conn, schedule, season.get());
    }

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new PermanentFailure("schedule.solved data." + field + " is not a UUID: " + value);
        }
    }
}
