package io.flextime.backup.snapshot;

import com.github.luben.zstd.ZstdOutputStream;
import io.flextime.backup.crypto.EncryptingOutputStream;
import io.flextime.backup.store.MultipartUploadStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One backup object being written: lines → SHA-256 of the plaintext → zstd → AES-256-GCM chunks →
 * S3 multipart upload. Nothing is held beyond one chunk and one part.
 */
final class ObjectWriter {
    /** SHA-256 of nothing: the checksum of a table with no line. */
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final MultipartUploadStream upload;
    private final OutputStream out;
    private final MessageDigest sha;
    private long lines;
    private long plaintextBytes;

    ObjectWriter(MultipartUploadStream upload, byte[] dataKey, String objectName, int chunkSize, int zstdLevel) {
        this.upload = upload;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
            this.out = new BufferedOutputStream(new ZstdOutputStream(
                    new EncryptingOutputStream(upload, dataKey, objectName, chunkSize), zstdLevel), 1 << 17);
        } catch (IOException e) {
            upload.abort();
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void line(byte[] bytes) throws IOException {
        sha.update(bytes);
        sha.update((byte) '\n');
        out.write(bytes);
        out.write('\n');
        lines++;
        plaintextBytes += bytes.length + 1;
    }

    /** {@code count} whole lines, each ending with its newline (COPY's output), in {@code bytes[0, length)}. */
    void copyRows(byte[] bytes, int length, long count) throws IOException {
        sha.update(bytes, 0, length);
        out.write(bytes, 0, length);
        lines += count;
        plaintextBytes += length;
    }

    record Written(long lines, String sha256, long plaintextBytes, long storedBytes) {
    }

    Written finish() throws IOException {
        out.close();
        return new Written(lines, HexFormat.of().formatHex(sha.digest()), plaintextBytes, upload.bytesWritten());
    }

    void abort() {
        upload.abort();
    }
}
