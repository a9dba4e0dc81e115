package io.flextime.validate;

import io.flextime.validate.checks.ValidationSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code flextime.validate.*}: the gate, the anomaly thresholds and the CP-SAT probe. */
@ConfigMapping(prefix = "flextime.validate")
public interface ValidateConfig {

    Gate gate();

    Probe probe();

    /** Robust z-score above which a venue or capacity is an outlier. */
    @WithDefault("3.5")
    double zThreshold();

    /** Relative tolerance of the distance-matrix checks. */
    @WithDefault("0.05")
    double distanceTolerance();

    interface Gate {
        @WithDefault("0.8")
        double minScore();

        @WithDefault("0.1")
        double maxNullFraction();
    }

    interface Probe {
        @WithDefault("true")
        boolean enabled();

        /** Wall time of the whole probe, conflict shrinking included. */
        @WithDefault("PT5S")
        Duration timeLimit();
    }

    default ValidationSettings settings() {
        return new ValidationSettings(zThreshold(), distanceTolerance(), probe().enabled(), probe().timeLimit(), gate().minScore(),
                gate().maxNullFraction());
    }
}
