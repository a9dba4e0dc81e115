package io.flextime.ingest.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemLocation;
import io.flextime.core.store.TenantDb;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.DatasetIngestFailed;
import io.flextime.ingest.store.IngestAttempts;
import io.flextime.ingest.store.UploadObjects;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Rejected uploads: the object (and a manifest's parts) are copied to {@code quarantine/<tenant>/<attempt>/}
 * in the data bucket with a {@code problem.json} beside them, the attempt, its audit record and its
 * {@code dataset.ingest-failed} event are recorded, then the event is published. Nothing reaches the
 * dataset tables. The upload itself is never deleted: it is the tenant's object, and the uploads
 * bucket's lifecycle expires it. A repeated trigger for a quarantined object answers with the recorded
 * failure.
 */
@ApplicationScoped
public class Quarantine {
    private static final Logger LOG = Logger.getLogger(Quarantine.class);

    private final UploadObjects objects;
    private final TenantDb db;
    private final IngestAttempts attempts;
    private final EventPublisher publisher;
    private final FlexTimeConfig flextime;
    private final ObjectMapper mapper;
    private final AuditTrail audit;

    public Quarantine(UploadObjects objects, TenantDb db, IngestAttempts attempts, EventPublisher publisher,
            FlexTimeConfig flextime, ObjectMapper mapper, AuditTrail audit) {
        this.audit = audit;
        this.objects = objects;
        this.db = db;
        this.attempts = attempts;
        this.publisher = publisher;
        this.flextime = flextime;
        this.mapper = mapper;
    }

    public IngestOutcome reject(IngestCommand cmd, FetchedUpload upload, Problem problem, String correlationId) {
        UUID attemptId = UUID.randomUUID();
        String prefix = "quarantine/" + cmd.tenant() + "/" + attemptId + "/";
        String fileName = cmd.key().substring(cmd.key().lastIndexOf('/') + 1);
        String quarantineKey = prefix + fileName;
        List<String> keys = upload == null ? List.of(cmd.key()) : upload.sourceKeys();
        for (String key : keys) {
            objects.copy(cmd.bucket(), key, flextime.buckets().data(), prefix + key.substring(key.lastIndexOf('/') + 1));
        }
        Problem located = problem.withInstance("s3://" + cmd.bucket() + "/" + cmd.key());
        objects.put(flextime.buckets().data(), prefix + "problem.json", json(located).getBytes(StandardCharsets.UTF_8),
                "application/problem+json");
        String checksum = upload == null ? null : upload.checksum();
        List<DatasetIngestFailed.Problem> problems = located.errors().isEmpty()
                ? List.of(new DatasetIngestFailed.Problem(located.code(), fileName, null, null, null, located.detail()))
                : located.errors().stream().map(Quarantine::toEvent).toList();
        CloudEvent event = publisher.create(EventType.DATASET_INGEST_FAILED, cmd.key(), cmd.tenant(), correlationId, null,
                new DatasetIngestFailed(cmd.bucket(), cmd.key(), quarantineKey, checksum, problems));
        IngestAttempts.Attempt attempt = new IngestAttempts.Attempt(attemptId, cmd.tenant(), cmd.bucket(), cmd.key(), checksum,
                upload == null ? cmd.format() : upload.format(), "FAILED", null, quarantineKey, located, event, false);
        db.inTenantBlocking(cmd.tenant(), c -> attempts.insert(c, attempt, correlationId)
                .call(() -> audit.failed(c, cmd.tenant(), cmd.actor(), located.code() + ": " + located.detail(),
                        "bucket", cmd.bucket(), "key", cmd.key(), "quarantineKey", quarantineKey)));
        publish(cmd.tenant(), attempt);
        LOG.infof("quarantined s3://%s/%s as %s: %s", cmd.bucket(), cmd.key(), quarantineKey, located.detail());
        return outcome(cmd.tenant(), attempt);
    }

    /**
     * The failure recorded for an object that was already quarantined (a repeated trigger); with a
     * checksum, only if the object still has that content (a corrected file under the same key is new).
     */
    public Optional<IngestOutcome> recordedFailure(IngestCommand cmd, String checksum) {
        return recorded(cmd, a -> checksum == null || checksum.equals(a.checksum()));
    }

    /** The recorded failure of an object that could not even be read (no checksum), for a repeated trigger. */
    public Optional<IngestOutcome> recordedUnreadFailure(IngestCommand cmd) {
        return recorded(cmd, a -> a.checksum() == null);
    }

    private Optional<IngestOutcome> recorded(IngestCommand cmd, java.util.function.Predicate<IngestAttempts.Attempt> same) {
        return db.inTenantBlocking(cmd.tenant(), c -> attempts.lastFailure(c, cmd.bucket(), cmd.key())).filter(same).map(a -> {
            if (!a.published()) {
                publish(cmd.tenant(), a);
            }
            return outcome(cmd.tenant(), a);
        });
    }

    private void publish(String tenant, IngestAttempts.Attempt a) {
        db.inTenantBlocking(tenant, c -> attempts.publishOnce(c, a.id(), publisher::publish));
    }

    private static IngestOutcome outcome(String tenant, IngestAttempts.Attempt a) {
        return new IngestOutcome(IngestOutcome.FAILED, tenant, null, null, null, a.checksum(), a.format(), null,
                a.quarantineKey(), a.problem());
    }

    private static DatasetIngestFailed.Problem toEvent(ProblemLocation l) {
        return new DatasetIngestFailed.Problem(l.code(), l.file(), l.sheet(), l.row() == null ? null : (int) Math.min(
                Integer.MAX_VALUE, l.row()), l.column(), l.reason());
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
