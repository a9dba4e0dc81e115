package io.flextime.core.health;

import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.store.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of S3 (PostgreSQL, Redis and Kafka bring their own checks): the function's data bucket
 * answers a HEAD request.
 */
@Readiness
@ApplicationScoped
public class ObjectStoreReadiness implements HealthCheck {
    private final ObjectStore store;
    private final FlexTimeConfig config;

    public ObjectStoreReadiness(ObjectStore store, FlexTimeConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        String bucket = config.buckets().data();
        try {
            store.client().headBucket(b -> b.bucket(bucket));
            return HealthCheckResponse.named("s3").up().withData("bucket", bucket).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("s3").down().withData("bucket", bucket)
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
