package io.flextime.validate.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The benchmark times the checks; the CP-SAT probe (time-boxed, config-gated) is off, as it is by configuration. */
public class BenchProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("flextime.validate.probe.enabled", "false",
                // no Kafka consumer: the benchmark calls the validator directly
                "mp.messaging.incoming.dataset-ingested.enabled", "false");
    }
}
