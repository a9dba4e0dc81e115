package io.flextime.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration shared by every function ({@code flextime.*}, each key overridable by environment). */
@ConfigMapping(prefix = "flextime")
public interface FlexTimeConfig {

    /** The function this process runs: ingest, validate, solve, export or backup (CloudEvent source). */
    String function();

    /** Local mode relaxes rules meant for AWS (e.g. partner URLs on loopback are accepted). */
    @WithDefault("false")
    boolean localMode();

    Buckets buckets();

    Consumer consumer();

    Security security();

    Idempotency idempotency();

    /** Idempotency-Key on the mutating doors (core {@code IdempotentDoors}, README "Identity, roles and audit"). */
    interface Idempotency {
        /** How long a key's answer is kept: a retry within it gets the answer again; after it the key is new. */
        @WithDefault("PT24H")
        java.time.Duration retention();

        /** A call still running after this (its process died) no longer holds its key: past the longest Lambda (15 min). */
        @WithDefault("PT16M")
        java.time.Duration lease();
    }

    Secrets secrets();

    /** The key ring secrets are sealed with ({@code SecretSealer}). */
    interface Secrets {
        /** {@code id=base64,...} (32-byte keys); when set, the key file is not read. */
        java.util.Optional<String> keys();

        /** The key new secrets are sealed under; default the first of {@link #keys()}. */
        java.util.Optional<String> activeKeyId();

        /** The local key ring file ({@code active=<id>}, {@code <id>=<base64>}), created on first local use. */
        java.util.Optional<String> keyFile();
    }

    /** Identity (README "Identity, roles and audit"); the token itself is verified by SmallRye JWT ({@code mp.jwt.*}). */
    interface Security {
        /** The tenant of the platform's own operators: only its tokens pass the platform doors (backups, schedules). */
        @WithDefault("flextime")
        String platformTenant();

        /** The token claim naming the tenant ({@code custom:tenant} with Cognito user attributes). */
        @WithDefault("tenant")
        String tenantClaim();
    }

    /**
     * How {@code InboundEvents} retries a failing event before it goes to the DLQ: for a time budget, with
     * exponential backoff, pausing (outside the budget) while a dependency reports not ready.
     */
    interface Consumer {
        /** How long an event is retried while its dependencies are up, from its first failure. */
        @WithDefault("PT10M")
        java.time.Duration retryBudget();

        @WithDefault("PT0.5S")
        java.time.Duration initialBackoff();

        @WithDefault("PT30S")
        java.time.Duration maxBackoff();

        /** While paused, how often the dependencies' readiness is asked again. */
        @WithDefault("PT2S")
        java.time.Duration readinessPoll();
    }

    interface Buckets {
        /** Uploads land here under uploads/&lt;tenant&gt;/… and trigger ingest. */
        @WithDefault("flextime-uploads")
        String uploads();

        /** raw/, quarantine/ and reports/ prefixes. */
        @WithDefault("flextime-data")
        String data();

        /** exports/&lt;tenant&gt;/&lt;season&gt;/&lt;version&gt;/… */
        @WithDefault("flextime-exports")
        String exports();

        /** Encrypted database backups. */
        @WithDefault("flextime-backups")
        String backups();

        /** The audit trail's copies (S3 Object Lock in AWS). */
        @WithDefault("flextime-audit")
        String audit();
    }
}
