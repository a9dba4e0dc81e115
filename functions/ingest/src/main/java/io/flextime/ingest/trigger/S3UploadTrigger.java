package io.flextime.ingest.trigger;

import io.flextime.core.trigger.S3EventNotification;
import io.flextime.ingest.dataset.DatasetIngestor;
import io.flextime.ingest.dataset.IngestCommand;
import io.flextime.ingest.dataset.IngestOutcome;
import io.flextime.ingest.dataset.UploadKeys;
import io.quarkus.funqy.Funq;
import java.util.ArrayList;
import java.util.List;

/** S3 ObjectCreated under {@code uploads/<tenant>/...} (the Lambda event shape) → one ingest per object. */
public class S3UploadTrigger {
    private final DatasetIngestor ingestor;

    public S3UploadTrigger(DatasetIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @Funq
    public List<IngestOutcome> ingestUpload(S3EventNotification event) {
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (S3EventNotification.Entry e : event.getRecords()) {
            var key = UploadKeys.parse(e.objectKey());
            if (!e.isObjectCreated() || key.isEmpty()) {
                outcomes.add(IngestOutcome.ignored(null, "not an ObjectCreated event under uploads/<tenant>/: " + e.objectKey()));
            } else if (key.get().isCsvPart()) {
                outcomes.add(IngestOutcome.ignored(key.get().tenant(), "CSV part; its manifest.json triggers the ingest"));
            } else {
                outcomes.add(ingestor.ingest(new IngestCommand(key.get().tenant(), e.bucketName(), e.objectKey(), null,
                        key.get().season(), "s3", null)));
            }
        }
        return outcomes;
    }
}
