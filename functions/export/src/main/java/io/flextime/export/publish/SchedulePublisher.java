package io.flextime.export.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.model.DatasetVersion;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.security.Caller;
import io.flextime.core.store.ScheduleLineage;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.ExportCompleted;
import io.flextime.events.data.SchedulePublished;
import io.flextime.export.analytics.VersionReader;
import io.flextime.export.render.ExportRenderer;
import io.flextime.export.render.PublishedGame;
import io.flextime.export.render.PublishedSchedule;
import io.flextime.export.render.RenderedFile;
import io.flextime.export.store.ExportSets;
import io.flextime.export.store.SeasonPublications;
import io.flextime.export.store.WebhookDeliveries;
import io.flextime.export.webhook.WebhookFanout;
import io.quarkus.runtime.annotations.RegisterForReflection;
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
 * Publishes a draft (publishSchedule, role publisher): what partners see changes here and only here. The
 * version's games get their calendar identity against the season's current publication (UIDs kept,
 * SEQUENCE +1 once for each game that changed), every format and the analytics are rendered and written
 * under the version's folder, and one transaction records the publication, makes the version PUBLISHED
 * and the season's current one, queues one webhook message per subscribed endpoint with the game changes,
 * and the audit record. Then {@code schedule.published} and {@code export.completed} are published.
 *
 * <p>Serialized per season: the season's lease row (SeasonPublications) admits one publication at a
 * time, and the commit re-checks, under a row lock, that the lease is still ours and nothing was
 * published since; the publication number is unique per season. Publishing a version created before the
 * current publication is refused unless {@code supersede}. Asking again for a version already published
 * answers that publication and re-emits its events: no second webhook.
 */
@ApplicationScoped
public class SchedulePublisher {
    private static final Logger LOG = Logger.getLogger(SchedulePublisher.class);
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final TypeReference<List<CloudEvent>> EVENTS = new TypeReference<>() {
    };

    private final TenantDb db;
    private final ScheduleLineage lineage;
    private final SeasonRepository seasons;
    private final VersionReader versions;
    private final ExportSets exportSets;
    private final SeasonPublications publications;
    private final ExportRenderer renderer;
    private final ScheduleReports reports;
    private final ExportFiles files;
    private final WebhookFanout fanout;
    private final EventPublisher publisher;
    private final AuditTrail audit;
    private final ObjectMapper mapper;

    public SchedulePublisher(TenantDb db, ScheduleLineage lineage, SeasonRepository seasons, VersionReader versions,
            ExportSets exportSets, SeasonPublications publications, ExportRenderer renderer, ScheduleReports reports,
            ExportFiles files, WebhookFanout fanout, EventPublisher publisher, AuditTrail audit, ObjectMapper mapper) {
        this.db = db;
        this.lineage = lineage;
        this.seasons = seasons;
        this.versions = versions;
        this.exportSets = exportSets;
        this.publications = publications;
        this.renderer = renderer;
        this.reports = reports;
        this.files = files;
        this.fanout = fanout;
        this.publisher = publisher;
        this.audit = audit;
        this.mapper = mapper;
    }

    /** The door's answer. {@code alreadyPublished}: this version had been published by an earlier request. */
    @RegisterForReflection
    public record Publication(String scheduleVersionId, String season, int publicationNumber, String previousScheduleVersionId,
            boolean superseded, Instant publishedAt, String publishedBy, String manifestKey, JsonNode counts,
            boolean alreadyPublished) {
    }

    /** What the publication builds on, read under the lease. */
    private record Inputs(VersionReader.Version version, DatasetVersion dataset, Optional<VersionReader.Version> current,
            List<PublishedGame> currentGames, boolean publishedMeanwhile) {
    }

    public Publication publish(Caller caller, String scheduleVersionId, boolean supersede) {
        String tenant = caller.tenant();
        UUID versionId = ExportCatalog.uuid(scheduleVersionId);
        ScheduleLineage.Lineage target = db.inTenantBlocking(tenant, conn -> lineage.find(conn, versionId))
                .orElseThrow(() -> new ProblemException(Problem.of(404, "unknown-schedule-version", "Unknown schedule version",
                        "No schedule version " + versionId + " for tenant " + tenant)));
        if (target.published()) {
            return again(tenant, versionId);
        }
        String season = target.season();
        SeasonPublications.Claim claim = db.inTenantBlocking(tenant, conn -> publications.claim(conn, tenant, season, versionId,
                LEASE));
        if (claim.claimed() == null) {
            throw new ProblemException(Problem.of(409, "publication-in-progress", "A publication of this season is in progress",
                    "Schedule version " + claim.busy().versionId() + " of season " + season + " is being published (lease until "
                            + claim.busy().until() + "); ask again when it is done"));
        }
        SeasonPublications.Claimed lease = claim.claimed();
        boolean committed = false;
        try {
            Inputs in = db.inTenantBlocking(tenant, conn -> load(conn, versionId, lease.currentVersionId()));
            if (in.publishedMeanwhile()) {
                return again(tenant, versionId);
            }
            boolean older = in.current().isPresent()
                    && in.current().get().schedule().createdAt().isAfter(in.version().schedule().createdAt());
            if (older && !supersede) {
                throw new ProblemException(Problem.of(409, "older-than-published", "Older than the published version",
                        "Schedule version " + versionId + " was created " + in.version().schedule().createdAt()
                                + ", before the published version " + lease.currentVersionId() + " (created "
                                + in.current().get().schedule().createdAt() + "); publishing it would replace a newer schedule."
                                + " Say \"supersede\": true to publish it anyway"));
            }
            Publication done = render(caller, in, lease, season, older);
            committed = true;
            return done;
        } finally {
            if (!committed) {
                db.inTenantBlocking(tenant, conn -> publications.release(conn, tenant, season, lease.token()));
            }
        }
    }

    private Publication render(Caller caller, Inputs in, SeasonPublications.Claimed lease, String season, boolean superseded) {
        String tenant = caller.tenant();
        var schedule = in.version().schedule();
        UUID versionId = schedule.id();
        UUID previous = lease.currentVersionId();
        CalendarIdentity.Publication identity = CalendarIdentity.publish(tenant, season, schedule.games(), in.currentGames());
        Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PublishedSchedule published = new PublishedSchedule(tenant, in.version().season(), schedule, in.dataset().sourceFormat(),
                publishedAt, identity.games());
        List<RenderedFile> rendered = new ArrayList<>(renderer.renderAll(published));
        rendered.addAll(reports.exportFiles(in.version(), in.current()));
        ExportFiles.Written written = files.write(tenant, season, versionId, previous, publishedAt, rendered);
        String payload = PublicationPayload.json(mapper, published, identity, previous, written.manifestKey(), written.files());
        String messageId = WebhookDeliveries.messageId(tenant, versionId.toString(), PublicationPayload.TYPE);
        String run = schedule.correlationId() != null ? schedule.correlationId() : caller.actor().correlationId();
        SchedulePublished.Counts counts = new SchedulePublished.Counts((int) identity.count(GameChange.ADDED),
                (int) identity.count(GameChange.MOVED), (int) identity.count(GameChange.REMOVED));
        String subject = caller.actor().subject();
        record Committed(Publication answer, List<CloudEvent> outputs) {
        }
        Uni<Committed> commit = db.inTenant(tenant, conn -> publications.lockForCommit(conn, tenant, season, lease.token(), previous)
                .chain(number -> {
                    if (number.isEmpty()) {
                        return Uni.createFrom().failure(new ProblemException(Problem.of(409, "publication-conflict",
                                "The season's publication changed meanwhile", "The lease on season " + season
                                        + " expired and another publication took place; ask again")));
                    }
                    int n = number.get();
                    CloudEvent publishedEvent = publisher.create(EventType.SCHEDULE_PUBLISHED, versionId.toString(), tenant, run,
                            (long) n, new SchedulePublished(versionId.toString(), season, schedule.datasetVersionId().toString(), n,
                                    previous == null ? null : previous.toString(), superseded, subject, written.manifestKey(), counts));
                    CloudEvent completed = publisher.create(EventType.EXPORT_COMPLETED, versionId.toString(), tenant, run, null,
                            new ExportCompleted(versionId.toString(), season, written.manifestKey(), written.files(),
                                    ExportCompleted.PUBLICATION));
                    List<CloudEvent> outputs = List.of(publishedEvent, completed);
                    String countsJson = mapper.valueToTree(counts).toString();
                    return exportSets.insert(conn, tenant, season, versionId, previous, written.manifestKey(),
                                    files.json(written.files()), countsJson, publishedAt, identity.games(), n, subject, json(outputs))
                            .chain(() -> lineage.markPublished(conn, versionId, publishedAt))
                            .chain(() -> publications.advance(conn, tenant, season, versionId, n))
                            .chain(() -> fanout.queue(conn, tenant, messageId, PublicationPayload.TYPE, season, payload, run))
                            .call(endpoints -> audit.record(conn, tenant, caller.actor(), AuditTrail.OK, "scheduleVersionId",
                                    versionId, "season", season, "publicationNumber", n, "previousScheduleVersionId", previous,
                                    "superseded", superseded, "webhookEndpoints", endpoints))
                            .map(endpoints -> new Committed(new Publication(versionId.toString(), season, n,
                                    previous == null ? null : previous.toString(), superseded, publishedAt, subject,
                                    written.manifestKey(), mapper.valueToTree(counts), false), outputs));
                }));
        Committed done = commit.await().atMost(Duration.ofMinutes(1));
        publisher.publishAll(done.outputs()).await().atMost(Duration.ofSeconds(60));
        Publication answer = done.answer();
        LOG.infof("published %s/%s version %s as publication %d: %d files, %d added, %d moved, %d removed", tenant, season,
                versionId, answer.publicationNumber(), written.files().size(), counts.added(), counts.moved(), counts.removed());
        return answer;
    }

    /** The publication of an already published version; its events are emitted again (a crash may have lost them). */
    private Publication again(String tenant, UUID versionId) {
        record Found(ExportSets.Publication publication, String outputs) {
        }
        Found found = db.inTenantBlocking(tenant, conn -> exportSets.publication(conn, versionId)
                .chain(p -> exportSets.outputs(conn, versionId).map(o -> new Found(p.orElseThrow(), o.orElse("[]")))));
        publisher.publishAll(parse(found.outputs())).await().atMost(Duration.ofSeconds(60));
        ExportSets.Publication p = found.publication();
        List<CloudEvent> events = parse(found.outputs());
        boolean superseded = events.stream().filter(e -> e.type().equals(EventType.SCHEDULE_PUBLISHED.type())).findFirst()
                .map(e -> e.data().path("superseded").asBoolean()).orElse(false);
        return new Publication(versionId.toString(), p.season(), p.number(),
                p.previousVersionId() == null ? null : p.previousVersionId().toString(), superseded, p.publishedAt(),
                p.publishedBy(), p.manifestKey(), tree(p.changes()), true);
    }

    private Uni<Inputs> load(SqlConnection conn, UUID versionId, UUID currentId) {
        return lineage.find(conn, versionId).chain(now -> versions.find(conn, versionId)
                .chain(version -> seasons.find(conn, version.orElseThrow().schedule().datasetVersionId())
                        .chain(dataset -> (currentId == null ? Uni.createFrom().item(Optional.<VersionReader.Version>empty())
                                : versions.find(conn, currentId))
                                .chain(current -> (currentId == null ? Uni.createFrom().item(List.<PublishedGame>of())
                                        : exportSets.games(conn, currentId))
                                        .map(games -> new Inputs(version.get(), dataset.orElseThrow(), current, games,
                                                now.map(ScheduleLineage.Lineage::published).orElse(false)))))));
    }

    private String json(List<CloudEvent> events) {
        try {
            return mapper.writeValueAsString(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<CloudEvent> parse(String json) {
        try {
            return mapper.readValue(json, EVENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt publication outputs", e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
