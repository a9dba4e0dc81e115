package io.flextime.ingest.trigger;

import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.security.Caller;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.ingest.dataset.DatasetIngestor;
import io.flextime.ingest.dataset.IngestCommand;
import io.flextime.ingest.dataset.IngestOutcome;
import io.flextime.ingest.dataset.InlineUploads;
import io.flextime.ingest.store.RequestRateLimit;
import io.quarkus.funqy.Funq;

/** HTTP (API Gateway → Funqy): ingest an inline season or an S3 object; answers the version and status. */
public class HttpIngestTrigger {
    private final DatasetIngestor ingestor;
    private final InlineUploads inline;
    private final RequestRateLimit rateLimit;
    private final CurrentCaller caller;

    public HttpIngestTrigger(DatasetIngestor ingestor, InlineUploads inline, RequestRateLimit rateLimit, CurrentCaller caller) {
        this.ingestor = ingestor;
        this.inline = inline;
        this.rateLimit = rateLimit;
        this.caller = caller;
    }

    @Funq
    @Guard(Door.INGEST)
    public IngestOutcome ingest(IngestHttpRequest request) {
        Caller c = caller.get();
        String tenant = c.tenant();
        rateLimit.acquire(tenant);
        IngestCommand command;
        if (request != null && request.dataset() != null) {
            command = inline.store(tenant, request.dataset(), request.season(), c.actor());
        } else if (request != null && request.bucket() != null && request.key() != null) {
            command = new IngestCommand(tenant, request.bucket(), request.key(), request.format(), request.season(),
                    "http", c.actor().correlationId(), c.actor());
        } else {
            throw new ProblemException(Problem.badRequest("missing-dataset", "give 'dataset' (inline) or 'bucket' and 'key'"));
        }
        IngestOutcome outcome = ingestor.ingest(command);
        if (IngestOutcome.FAILED.equals(outcome.status())) {
            throw new ProblemException(outcome.problem());
        }
        return outcome;
    }
}
