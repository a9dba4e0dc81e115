package io.flextime.core.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 access for every function (objects, listing, moves, pre-signed downloads). Locally it talks to
 * the stack's S3-compatible server with path-style addressing (configuration, not code).
 */
@ApplicationScoped
public class ObjectStore {
    private final S3Client s3;
    private final S3Presigner presigner;

    public ObjectStore(S3Client s3, S3Presigner presigner) {
        this.s3 = s3;
        this.presigner = presigner;
    }

    public S3Client client() {
        return s3;
    }

    public void put(String bucket, String key, byte[] bytes, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    public void put(String bucket, String key, Path file, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    public void put(String bucket, String key, InputStream in, long length, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromInputStream(in, length));
    }

    /** Streams an object; the caller closes the stream. */
    public ResponseInputStream<GetObjectResponse> open(String bucket, String key) {
        return s3.getObject(b -> b.bucket(bucket).key(key));
    }

    public byte[] getBytes(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    public Optional<HeadObjectResponse> head(String bucket, String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public boolean exists(String bucket, String key) {
        return head(bucket, key).isPresent();
    }

    /** Every object under a prefix (all pages). */
    public List<S3Object> list(String bucket, String prefix) {
        List<S3Object> out = new ArrayList<>();
        s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build())
                .contents().forEach(out::add);
        return out;
    }

    public void copy(String fromBucket, String fromKey, String toBucket, String toKey) {
        s3.copyObject(b -> b.sourceBucket(fromBucket).sourceKey(fromKey).destinationBucket(toBucket).destinationKey(toKey));
    }

    /** Copy then delete (S3 has no rename). Safe to repeat: a missing source after a done copy is fine. */
    public void move(String fromBucket, String fromKey, String toBucket, String toKey) {
        if (exists(fromBucket, fromKey)) {
            copy(fromBucket, fromKey, toBucket, toKey);
            delete(fromBucket, fromKey);
        }
    }

    public void delete(String bucket, String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    /** A time-limited GET URL a partner can download without credentials. */
    public String presignGet(String bucket, String key, Duration validity) {
        return presigner.presignGetObject(p -> p.signatureDuration(validity)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString();
    }
}
