package io.flextime.ingest.dataset;

import io.flextime.ingest.format.Upload;
import io.flextime.ingest.format.UploadParts;
import java.util.List;

/**
 * An upload on local disk: the triggering object, the parts of a CSV set listed by a manifest, the
 * checksum that identifies the dataset (the object's SHA-256; for a manifest, the SHA-256 over the
 * manifest and each listed file's name and SHA-256), the S3 keys it was read from and their bytes in all.
 */
public record FetchedUpload(Upload main, String format, UploadParts parts, String checksum, List<String> sourceKeys,
        long bytes) {
}
