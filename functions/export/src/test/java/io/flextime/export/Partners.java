package io.flextime.export;

import static io.restassured.RestAssured.given;

import io.flextime.core.security.Role;
import io.flextime.core.testing.TestDatabase;
import io.flextime.core.testing.TestTokens;
import io.restassured.http.Header;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

/** Test steps on the partner side: subscribe through the HTTP API, read delivery state as the owner. */
public final class Partners {
    private Partners() {
    }

    /** Subscribes a URL; returns its signing secret. */
    public static String subscribe(String tenant, String url) {
        return given().header(publisher(tenant)).contentType("application/json")
                .body(Map.of("tenant", tenant, "url", url, "eventTypes", List.of()))
                .post("/subscribe").then().statusCode(200).extract().path("secret");
    }

    /** The tenant's publisher (subscriptions, replays). */
    public static Header publisher(String tenant) {
        return TestTokens.auth(tenant, Role.PUBLISHER);
    }

    /** Publishes a schedule version as the tenant's publisher (publishSchedule); returns the answer. */
    public static io.restassured.path.json.JsonPath publish(String tenant, java.util.UUID version) {
        return given().header(publisher(tenant)).contentType("application/json")
                .body(Map.of("tenant", tenant, "scheduleVersionId", version.toString()))
                .post("/publishSchedule").then().statusCode(200).extract().jsonPath();
    }

    /** The tenant's viewer (exports, deliveries). */
    public static Header viewer(String tenant) {
        return TestTokens.auth(tenant, Role.VIEWER);
    }

    /** [status, attempts, total_attempts, id] of the tenant's only delivery, or null when there is none. */
    public static String[] delivery(String tenant) {
        try (Connection c = TestDatabase.owner(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT status, attempts, total_attempts, id FROM webhook_delivery WHERE tenant = '" + tenant + "'")) {
            return rs.next() ? new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) } : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean deliveryIs(String tenant, String status) {
        String[] d = delivery(tenant);
        return d != null && d[0].equals(status);
    }
}
