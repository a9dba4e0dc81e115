package io.flextime.ingest.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.metrics.FunctionMetrics;
import io.flextime.core.model.DatasetVersion;
import io.flextime.core.model.Season;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.security.Refusals;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.core.store.Tenants;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.DatasetIngested;
import io.flextime.ingest.config.IngestConfig;
import io.flextime.ingest.dataset.SeasonReaders.Opened;
import io.flextime.core.format.Problems;
import io.flextime.ingest.store.HistoricalGameWriter;
import io.flextime.ingest.store.IngestAttempts;
import io.flextime.ingest.store.UploadObjects;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Ingests one uploaded object into a new immutable dataset version (DESIGN §3, §4): fetch and hash,
 * recognise an identical upload (same tenant + SHA-256 → the existing version, nothing written),
 * parse any format into the canonical season, check it, keep the raw object under
 * {@code raw/<tenant>/<version>/}, write every row (historical games streamed) in one transaction
 * together with the event to emit, then emit {@code dataset.ingested}. Bad input goes to
 * {@link Quarantine}. Store failures propagate so the trigger retries; a retry is idempotent.
 */
@ApplicationScoped
public class DatasetIngestor {
    private static final Logger LOG = Logger.getLogger(DatasetIngestor.class);

    private final UploadFetcher fetcher;
    private final SeasonReaders readers;
    private final UploadObjects objects;
    private final TenantDb db;
    private final SeasonRepository seasons;
    private final IngestAttempts attempts;
    private final EventPublisher publisher;
    private final Quarantine quarantine;
    private final FlexTimeConfig flextime;
    private final IngestConfig config;
    private final ObjectMapper mapper;
    private final FunctionMetrics metrics;
    private final AuditTrail audit;
    private final Refusals refusals;

    public DatasetIngestor(UploadFetcher fetcher, SeasonReaders readers, UploadObjects objects, TenantDb db,
            SeasonRepository seasons, IngestAttempts attempts, EventPublisher publisher, Quarantine quarantine,
            FlexTimeConfig flextime, IngestConfig config, ObjectMapper mapper, FunctionMetrics metrics, AuditTrail audit,
            Refusals refusals) {
        this.metrics = metrics;
        this.audit = audit;
        this.refusals = refusals;
        this.fetcher = fetcher;
        this.readers = readers;
        this.objects = objects;
        this.db = db;
        this.seasons = seasons;
        this.attempts = attempts;
        this.publisher = publisher;
        this.quarantine = quarantine;
        this.flextime = flextime;
        this.config = config;
        this.mapper = mapper;
    }

    public IngestOutcome ingest(IngestCommand command) {
        Tenants.require(command.tenant());
        IngestCommand cmd = checked(command);
        String correlationId = cmd.correlationId();
        Path dir = null;
        FetchedUpload upload = null;
        try {
            dir = Files.createTempDirectory("flextime-ingest-");
            Optional<FetchedUpload> fetched = fetcher.fetch(cmd.bucket(), cmd.key(), cmd.format(), dir);
            if (fetched.isEmpty()) {
                return quarantine.recordedFailure(cmd, null).orElseThrow(() -> new ProblemException(
                        io.flextime.core.problem.Problem.notFound("no object s3://" + cmd.bucket() + "/" + cmd.key())));
            }
            upload = fetched.get();
            FetchedUpload u = upload;
            // The same object again after it was quarantined (it stays in place): the recorded failure.
            Optional<IngestOutcome> quarantined = quarantine.recordedFailure(cmd, u.checksum());
            if (quarantined.isPresent()) {
                return quarantined.get();
            }
            Optional<DatasetVersion> existing = db.inTenantBlocking(cmd.tenant(),
                    c -> seasons.findByChecksum(c, cmd.tenant(), u.checksum()));
            if (existing.isPresent()) {
                return unchanged(cmd.tenant(), existing.get());
            }
            try (Opened opened = readers.open(upload)) {
                Season season = opened.dataset().season();
                if (cmd.season() != null && !cmd.season().equals(season.season())) {
                    season = withKey(season, cmd.season());
                }
                SeasonChecks.check(season, opened.dataset().locator(), config.maxTeams(), config.maxSlots());
                return store(cmd, upload, opened, season, correlationId);
            }
        } catch (ProblemException e) {
            if (e.problem().status() == 404 || e.problem().status() == 429) {
                throw e;
            }
            if (upload == null) {
                // Refused while reading (too large, unreadable): a repeated trigger gets the recorded failure.
                Optional<IngestOutcome> recorded = quarantine.recordedUnreadFailure(cmd);
                if (recorded.isPresent()) {
                    return recorded.get();
                }
            }
            return quarantine.reject(cmd, upload, e.problem(), correlationId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private IngestOutcome store(IngestCommand cmd, FetchedUpload upload, Opened opened, Season season, String correlationId)
            throws IOException {
        String tenant = cmd.tenant();
        UUID versionId = UUID.randomUUID();
        String rawPrefix = "raw/" + tenant + "/" + versionId + "/";
        String rawKey = rawPrefix + upload.main().fileName();
        List<String> rawKeys = new ArrayList<>();
        for (String source : upload.sourceKeys()) {
            rawKeys.add(rawPrefix + source.substring(source.lastIndexOf('/') + 1));
        }
        // Server-side copies (the raw bytes never travel through this function again), made while the
        // rows are written and awaited before the commit, so a version never points at a missing raw object.
        java.util.concurrent.CompletableFuture<Void> rawCopies = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (int i = 0; i < rawKeys.size(); i++) {
                objects.copy(cmd.bucket(), upload.sourceKeys().get(i), flextime.buckets().data(), rawKeys.get(i));
            }
        }, Infrastructure.getDefaultWorkerPool());
        Problems rowProblems = new Problems();
        UUID attemptId = UUID.randomUUID();
        Season s = season;
        try {
            CloudEvent event = db.inTenant(tenant, conn -> Uni.createFrom().item(() -> {
                Optional<DatasetVersion> previous = seasons.latest(conn, s.season()).await().atMost(Duration.ofMinutes(1));
                DatasetIngested.Delta delta = previous.flatMap(p -> seasons.loadSeason(conn, p.id()).await()
                        .atMost(Duration.ofMinutes(1))).map(p -> DeltaSummary.between(p, s)).orElse(null);
                DatasetVersion v = seasons.insert(conn, new SeasonRepository.NewVersion(versionId, tenant, upload.checksum(),
                        upload.format(), cmd.key(), rawKey, mapper.valueToTree(DeltaSummary.counts(s, 0)),
                        delta == null ? null : mapper.valueToTree(delta), correlationId), s).await().atMost(Duration.ofMinutes(1));
                long games;
                try {
                    games = new HistoricalGameWriter(conn, versionId, tenant, config.historicalBatchRows())
                            .writeAll(opened.dataset().historicalGames(), rowProblems);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rowProblems.throwIfAny("historical games have errors");
                rawCopies.join();
                DatasetIngested.Counts counts = DeltaSummary.counts(s, games);
                if (games > 0) {
                    conn.preparedQuery("UPDATE dataset_version SET counts = $2::text::jsonb WHERE id = $1")
                            .execute(io.vertx.mutiny.sqlclient.Tuple.of(versionId, mapper.valueToTree(counts).toString()))
                            .await().atMost(Duration.ofMinutes(1));
                }
                DatasetIngested data = new DatasetIngested(v.datasetId().toString(), versionId.toString(), v.versionNumber(),
                        s.season(), upload.checksum(), upload.format(), rawKey, counts, delta, s.autoSolve());
                CloudEvent e = publisher.create(EventType.DATASET_INGESTED, versionId.toString(), tenant, correlationId,
                        (long) v.versionNumber(), data);
                attempts.insert(conn, new IngestAttempts.Attempt(attemptId, tenant, cmd.bucket(), cmd.key(),
                        upload.checksum(), upload.format(), "INGESTED", versionId, null, null, e, false), correlationId)
                        .await().atMost(Duration.ofMinutes(1));
                audit.record(conn, tenant, cmd.actor(), AuditTrail.OK, "versionId", versionId, "versionNumber",
                        v.versionNumber(), "season", s.season(), "bucket", cmd.bucket(), "key", cmd.key(),
                        "checksum", upload.checksum()).await().atMost(Duration.ofMinutes(1));
                return e;
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())).await().atMost(Duration.ofMinutes(30));
            publishOnce(tenant, attemptId);
            DatasetIngested d = event.dataAs(DatasetIngested.class, mapper);
            DatasetIngested.Counts c = d.counts();
            metrics.records("rows-ingested", (long) c.teams() + c.venues() + c.slots() + c.constraints() + c.matchups()
                    + c.distances() + c.historicalGames());
            LOG.infof("ingested %s/%s as version %d (%s, %s)", tenant, s.season(), d.versionNumber(), versionId, upload.format());
            return new IngestOutcome(IngestOutcome.INGESTED, tenant, versionId.toString(), d.versionNumber(), s.season(),
                    upload.checksum(), upload.format(), rawKey, null, null);
        } catch (RuntimeException e) {
            rawCopies.handle((ok, failure) -> null).join();
            rawKeys.forEach(k -> objects.delete(flextime.buckets().data(), k));
            if (isUniqueViolation(e)) {
                // A concurrent delivery of the same upload won: answer with its version.
                DatasetVersion won = db.inTenantBlocking(tenant, c -> seasons.findByChecksum(c, tenant, upload.checksum()))
                        .orElseThrow(() -> e);
                return unchanged(tenant, won);
            }
            throw e;
        }
    }

    /**
     * The command with its correlation id and actor settled, if the tenant may read the object. Decided on
     * the key alone, before any S3 call, so the answer is the same whether a foreign object exists or not.
     */
    private IngestCommand checked(IngestCommand cmd) {
        String correlationId = cmd.correlationId() == null ? UUID.randomUUID().toString() : cmd.correlationId();
        Actor actor = (cmd.actor() == null ? Actor.function(flextime.function(), "ingest", null) : cmd.actor())
                .withCorrelation(correlationId);
        if (!mayRead(cmd)) {
            throw refusals.refuse(cmd.tenant(), actor, 403, "forbidden-object", "only objects under uploads/" + cmd.tenant()
                    + "/ in the uploads bucket can be ingested for this tenant", "bucket", cmd.bucket(), "key", cmd.key());
        }
        return new IngestCommand(cmd.tenant(), cmd.bucket(), cmd.key(), cmd.format(), cmd.season(), cmd.requestedBy(),
                correlationId, actor);
    }

    /** Uploads of the tenant ({@code uploads/<tenant>/...}), or the tenant's own inline documents. */
    private boolean mayRead(IngestCommand cmd) {
        if (cmd.bucket() == null || cmd.key() == null) {
            return false;
        }
        if (cmd.bucket().equals(flextime.buckets().uploads())) {
            return UploadKeys.belongsTo(cmd.key(), cmd.tenant());
        }
        String inline = InlineUploads.prefix(cmd.tenant());
        return cmd.bucket().equals(flextime.buckets().data()) && cmd.key().startsWith(inline)
                && cmd.key().indexOf('/', inline.length()) < 0 && !cmd.key().contains("..");
    }

    private IngestOutcome unchanged(String tenant, DatasetVersion v) {
        // The first delivery may have committed and crashed before publishing: publish what it recorded.
        db.inTenantBlocking(tenant, c -> attempts.forVersion(c, v.id())).filter(a -> !a.published())
                .ifPresent(a -> publishOnce(tenant, a.id()));
        return new IngestOutcome(IngestOutcome.UNCHANGED, tenant, v.id().toString(), v.versionNumber(), v.season(), v.checksum(),
                v.sourceFormat(), v.rawObjectKey(), null, null);
    }

    void publishOnce(String tenant, UUID attemptId) {
        db.inTenantBlocking(tenant, c -> attempts.publishOnce(c, attemptId, publisher::publish));
    }

    static boolean isUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    static Season withKey(Season s, String key) {
        return new Season(key, s.name(), s.sport(), s.start(), s.end(), s.timeZone(), s.format(), s.weights(), s.autoSolve(),
                s.teams(), s.venues(), s.slots(), s.constraints(), s.matchups(), s.distances());
    }

    static String contentType(String format) {
        return switch (format) {
            case "json", "csv-manifest" -> "application/json";
            case "csv-zip" -> "application/zip";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "robinx-xml" -> "application/xml";
            default -> "text/plain";
        };
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", dir, e.getMessage());
        }
    }
}
