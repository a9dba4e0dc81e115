package io.flextime.ingest.trigger;

import io.flextime.core.audit.Actor;
import io.flextime.core.security.Caller;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.trigger.S3EventNotification;
import io.flextime.ingest.dataset.DatasetIngestor;
import io.flextime.ingest.dataset.IngestCommand;
import io.flextime.ingest.dataset.IngestOutcome;
import io.flextime.ingest.dataset.UploadKeys;
import io.quarkus.funqy.Funq;
import java.util.ArrayList;
import java.util.List;

/**
 * S3 ObjectCreated under {@code uploads/<tenant>/...} (the Lambda event shape) → one ingest per object.
 * From S3 itself the key names the tenant; posted over HTTP (the local stack's upload command plays S3)
 * the tenant is the token's, and a key under another tenant's prefix is refused by the ingest.
 */
public class S3UploadTrigger {
    private final DatasetIngestor ingestor;
    private final CurrentCaller caller;

    public S3UploadTrigger(DatasetIngestor ingestor, CurrentCaller caller) {
        this.ingestor = ingestor;
        this.caller = caller;
    }

    @Funq
    @Guard(Door.INGEST_UPLOAD)
    public List<IngestOutcome> ingestUpload(S3EventNotification event) {
        Caller c = caller.get();
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (S3EventNotification.Entry e : event.getRecords()) {
            var key = UploadKeys.parse(e.objectKey());
            if (!e.isObjectCreated() || key.isEmpty()) {
                outcomes.add(IngestOutcome.ignored(null, "not an ObjectCreated event under uploads/<tenant>/: " + e.objectKey()));
            } else if (key.get().isCsvPart()) {
                outcomes.add(IngestOutcome.ignored(key.get().tenant(), "CSV part; its manifest.json triggers the ingest"));
            } else {
                String tenant = c.tenant() != null ? c.tenant() : key.get().tenant();
                Actor actor = c.tenant() != null ? c.actor() : c.actor().withCorrelation(null);
                outcomes.add(ingestor.ingest(new IngestCommand(tenant, e.bucketName(), e.objectKey(), null,
                        key.get().season(), "s3", actor.correlationId(), actor)));
            }
        }
        return outcomes;
    }
}
