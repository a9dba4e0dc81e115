package io.flextime.export;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Two profiles make Quarkus stop the application and boot a new one between the two halves of the
 * restart test (the class names order them: Restart1… runs before Restart2…).
 */
public final class RestartProfiles {
    static final String PORT = "flextime.test.restart.port";
    static final String TENANT = "flextime.test.restart.tenant";
    static final String MESSAGE = "flextime.test.restart.message";

    private RestartProfiles() {
    }

    /** The first instance: retries a few seconds apart, so some are still pending when it stops. */
    public static class Restart1BeforeStop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("flextime.export.webhooks.retry-schedule", "PT0S,PT3S,PT3S,PT3S,PT3S");
        }
    }

    /** The next instance: same schedule, a new process state. */
    public static class Restart2AfterStop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("flextime.export.webhooks.retry-schedule", "PT0S,PT3S,PT3S,PT3S,PT3S", "flextime.test.instance", "2");
        }
    }
}
