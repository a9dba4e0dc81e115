package io.flextime.validate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.flextime.core.testing.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The validate function starts against the real stack and reports every dependency ready. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ValidateStartupTest {

    @Test
    void startsAndIsReady() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
