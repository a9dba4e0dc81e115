package io.flextime.ingest.store;

import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.format.Problems;
import io.flextime.ingest.format.Upload;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Retry;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The S3 side of ingest: uploads are spooled to a local file while their SHA-256 is computed (memory
 * stays flat whatever the size; the size limit stops the download early), raw copies and quarantined
 * objects are written to the data bucket. Transient S3 failures are retried with backoff and jitter.
 */
@ApplicationScoped
public class UploadObjects {
    public static final String TOO_LARGE = "TOO_LARGE";

    private final ObjectStore store;

    public UploadObjects(ObjectStore store) {
        this.store = store;
    }

    /** Downloads an object to {@code target}; empty when it does not exist. */
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = SdkException.class,
            abortOn = {NoSuchKeyException.class, ProblemException.class})
    public Optional<Upload> spool(String bucket, String key, long maxBytes, Path target) {
        var head = store.head(bucket, key);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Long declared = head.get().contentLength();
        if (declared != null && declared > maxBytes) {
            throw Problems.fatal(TOO_LARGE, key, "the upload has " + declared + " bytes; the limit is " + maxBytes);
        }
        try (InputStream in = store.open(bucket, key)) {
            return Optional.of(spool(in, key, maxBytes, target));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a stream to {@code target}, hashing it; fails with TOO_LARGE past {@code maxBytes}. */
    public static Upload spool(InputStream in, String name, long maxBytes, Path target) throws IOException {
        MessageDigest sha = sha256();
        long total = 0;
        try (DigestInputStream din = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = din.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw Problems.fatal(TOO_LARGE, name, "the upload is larger than the limit of " + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
        }
        return new Upload(name, target, total, HexFormat.of().formatHex(sha.digest()));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = SdkException.class)
    public void put(String bucket, String key, Path file, String contentType) {
        store.put(bucket, key, file, contentType);
    }

    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = SdkException.class)
    public void put(String bucket, String key, byte[] bytes, String contentType) {
        store.put(bucket, key, bytes, contentType);
    }

    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = SdkException.class)
    public void copy(String fromBucket, String fromKey, String toBucket, String toKey) {
        store.copy(fromBucket, fromKey, toBucket, toKey);
    }

    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = SdkException.class)
    public boolean exists(String bucket, String key) {
        return store.exists(bucket, key);
    }

    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = SdkException.class)
    public void delete(String bucket, String key) {
        store.delete(bucket, key);
    }
}
