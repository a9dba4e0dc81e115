package io.flextime.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.testing.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ObjectStoreTest {
    @Inject
    ObjectStore store;
    @Inject
    FlexTimeConfig config;

    @Test
    void putGetListMoveAndPresignThroughTheRealServer() throws Exception {
        String bucket = config.buckets().data();
        String prefix = "coretest/" + UUID.randomUUID() + "/";
        byte[] body = "{\"season\":\"big12\"}".getBytes(StandardCharsets.UTF_8);

        store.put(bucket, prefix + "a.json", body, "application/json");
        store.put(bucket, prefix + "b.json", body, "application/json");
        assertArrayEquals(body, store.getBytes(bucket, prefix + "a.json"));
        assertEquals(2, store.list(bucket, prefix).size());

        store.move(bucket, prefix + "b.json", bucket, prefix + "moved/b.json");
        assertFalse(store.exists(bucket, prefix + "b.json"));
        assertTrue(store.exists(bucket, prefix + "moved/b.json"));

        String url = store.presignGet(bucket, prefix + "a.json", Duration.ofMinutes(5));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), "a pre-signed URL downloads without credentials");
        assertArrayEquals(body, response.body());
    }
}
