package io.flextime.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Settings of the export function ({@code flextime.export.*}); defaults in application.properties. */
@ConfigMapping(prefix = "flextime.export")
public interface ExportConfig {

    /** How long a pre-signed download URL stays valid. */
    @WithDefault("PT1H")
    Duration downloadUrlValidity();

    Webhooks webhooks();

    interface Webhooks {
        /**
         * Delay before each attempt, the first included: attempt n waits retrySchedule[n-1] after the
         * previous one failed. After the last one the delivery is dead-lettered.
         */
        @WithDefault("PT0S,PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
        List<Duration> retrySchedule();

        /** Each retry delay is multiplied by a random factor in [1 - jitter, 1 + jitter]. */
        @WithDefault("0.2")
        double jitter();

        /** Connect + response timeout of one attempt. */
        @WithDefault("PT15S")
        Duration timeout();

        /** Requests in flight at once during a sweep. */
        @WithDefault("128")
        int maxParallel();

        /** Endpoints claimed per sweep round. */
        @WithDefault("1000")
        int batchSize();

        /** How long a sweep owns the endpoints it claimed; a crashed sweep's claims expire after it. */
        @WithDefault("PT5M")
        Duration lease();

        /**
         * While this process runs, a retry due within this horizon is swept by an in-process timer
         * (the EventBridge sweep every minute is the durable backstop). PT0S disables the timer.
         */
        @WithDefault("PT2M")
        Duration followUpHorizon();

        /** How long the previous secret keeps signing after a rotation. */
        @WithDefault("PT24H")
        Duration secretGrace();

        /** Bytes of a partner's response kept in the attempt log. */
        @WithDefault("512")
        int responseExcerpt();

        /** Bytes of a partner's response read at most; the rest is never read (the connection is closed). */
        @WithDefault("4096")
        int responseReadLimit();

        /** Partner endpoints one tenant may have. */
        @WithDefault("25")
        int maxEndpointsPerTenant();
    }
}
