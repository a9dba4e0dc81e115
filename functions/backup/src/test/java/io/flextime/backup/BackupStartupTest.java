package io.flextime.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.health.ReadinessWarmUp;
import io.flextime.core.testing.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The backup function starts against the real stack and reports every dependency ready. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class BackupStartupTest {
    @Inject
    ReadinessWarmUp warmUp;

    @Test
    void startsAndIsReady() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theReadinessChecksRanInTheBackgroundAtStart() throws Exception {
        String status = warmUp.outcome().get(30, TimeUnit.SECONDS);
        assertTrue(List.of("UP", "DOWN").contains(status), "warm-up outcome: " + status);
    }
}
