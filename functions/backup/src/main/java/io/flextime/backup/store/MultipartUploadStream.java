package io.flextime.backup.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams an object of unknown length to S3: parts of {@code partSize} bytes (S3's minimum is 5 MiB
 * except for the last), one part uploading in the background while the next fills. An object
 * smaller than one part is a single PUT. {@link #abort()} discards an unfinished upload.
 */
public final class MultipartUploadStream extends OutputStream {
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final int partSize;
    private final Executor uploads;
    private final List<CompletedPart> parts = new ArrayList<>();
    private byte[] buffer;
    private int filled;
    private String uploadId;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
    private long written;
    private boolean closed;

    public MultipartUploadStream(S3Client s3, String bucket, String key, int partSize, Executor uploads) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.partSize = partSize;
        this.uploads = uploads;
        this.buffer = new byte[partSize];
    }

    public long bytesWritten() {
        return written;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        written += len;
        while (len > 0) {
            if (filled == partSize) {
                uploadPart();
            }
            int n = Math.min(len, partSize - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void uploadPart() throws IOException {
        if (uploadId == null) {
            uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
        }
        awaitInFlight();
        int number = parts.size() + 1;
        byte[] data = buffer;
        int length = filled;
        parts.add(null);
        inFlight = CompletableFuture.runAsync(() -> {
            String etag = withDelayedRetries(() -> s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .partNumber(number).contentLength((long) length), RequestBody.fromByteBuffer(ByteBuffer.wrap(data, 0, length))))
                    .eTag();
            synchronized (parts) {
                parts.set(number - 1, CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
        }, uploads);
        buffer = new byte[partSize];
        filled = 0;
    }

    private void awaitInFlight() throws IOException {
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while uploading " + key, e);
        } catch (ExecutionException e) {
            throw new IOException("upload of a part of s3://" + bucket + "/" + key + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (uploadId == null) {
            byte[] body = java.util.Arrays.copyOf(buffer, filled);
            withDelayedRetries(() -> s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(body)));
            return;
        }
        uploadPart();
        awaitInFlight();
        List<CompletedPart> done;
        synchronized (parts) {
            done = parts.stream().sorted(Comparator.comparingInt(CompletedPart::partNumber)).toList();
        }
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(done)));
    }

    /** Gives up: an unfinished multipart upload is aborted so S3 keeps no orphan parts. */
    public void abort() {
        closed = true;
        if (uploadId != null) {
            try {
                inFlight.join();
            } catch (RuntimeException ignored) {
                // the abort below is what matters
            }
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        }
    }

    /**
     * The local S3 server now and then drops an upload's connection ("Error writing request body to
     * server"), and the SDK's own retries, milliseconds apart, all failed the same way; the cause is not
     * known yet. A retry after a pause is a mitigation, not a proven fix. Client-side failures only: an
     * S3 error answer is not retried here.
     */
    private static <T> T withDelayedRetries(java.util.function.Supplier<T> upload) {
        for (int attempt = 1;; attempt++) {
            try {
                return upload.get();
            } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
                if (attempt >= 3) {
                    throw e;
                }
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
