package io.flextime.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionConfigTest {

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void awsProfileKeysReplacePlainOnesAndNestedDefaultsAreRead() {
        Properties core = props(
                "quarkus.redis.hosts", "${FLEXTIME_REDIS_URL:redis://127.0.0.1:${FLEXTIME_REDIS_PORT:56379}}",
                "quarkus.s3.endpoint-override", "${FLEXTIME_S3_ENDPOINT:http://127.0.0.1:58333}",
                "%aws.quarkus.s3.endpoint-override", "${FLEXTIME_S3_ENDPOINT:}",
                "flextime.local-mode", "${FLEXTIME_LOCAL_MODE:true}",
                "%aws.flextime.local-mode", "false",
                "quarkus.datasource.reactive.max-size", "${FLEXTIME_DB_POOL_SIZE:8}",
                "quarkus.datasource.password", "${FLEXTIME_DB_APP_PASSWORD:flextime_app}",
                "%test.quarkus.http.port", "${TEST_ONLY_PORT}");
        Properties app = props(
                "flextime.demo.token", "${DEMO_TOKEN}",
                "flextime.demo.workers", "${DEMO_WORKERS:4}",
                "flextime.demo.db-password", "${DEMO_DB_PASSWORD:local}",
                "mp.messaging.incoming.in.topic", "dataset.ingested.v1",
                "%test.mp.messaging.incoming.in.topic", "ignored.v1");
        FunctionConfig config = new FunctionConfig("demo", core, app);

        assertEquals(Set.of("FLEXTIME_REDIS_URL", "FLEXTIME_REDIS_PORT", "FLEXTIME_S3_ENDPOINT", "FLEXTIME_DB_POOL_SIZE",
                "FLEXTIME_DB_APP_PASSWORD", "DEMO_TOKEN", "DEMO_WORKERS", "DEMO_DB_PASSWORD"), config.readVariables(),
                "FLEXTIME_LOCAL_MODE is replaced under %aws; %test keys do not count");
        assertEquals(Set.of("FLEXTIME_REDIS_URL", "FLEXTIME_DB_APP_PASSWORD", "DEMO_TOKEN", "DEMO_DB_PASSWORD"), config.requiredVariables(),
                "loopback default, credential, no default; not the nested port, the empty %aws endpoint or tunables");
        assertEquals(Set.of("dataset.ingested.v1"), config.incomingTopics());
        assertTrue(config.hasAwsProfile());
    }
}
