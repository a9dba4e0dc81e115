package io.flextime.ingest.trigger;

import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.Tenants;
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

    public HttpIngestTrigger(DatasetIngestor ingestor, InlineUploads inline, RequestRateLimit rateLimit) {
        this.ingestor = ingestor;
        this.inline = inline;
        this.rateLimit = rateLimit;
    }

    @Funq
    public IngestOutcome ingest(IngestHttpRequest request) {
        if (request == null || request.tenant() == null || !Tenants.isValid(request.tenant())) {
            throw new ProblemException(Problem.badRequest("invalid-tenant", "a valid 'tenant' is required (lower-case letters, digits, '-')"));
        }
        rateLimit.acquire(request.tenant());
        IngestCommand command;
        if (request.dataset() != null) {
            command = inline.store(request.tenant(), request.dataset(), request.season());
        } else if (request.bucket() != null && request.key() != null) {
            command = new IngestCommand(request.tenant(), request.bucket(), request.key(), request.format(), request.season(),
                    "http", null);
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
