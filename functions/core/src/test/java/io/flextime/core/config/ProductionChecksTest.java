package io.flextime.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The aws profile refuses every local-stack setting, each by name; a proper AWS configuration passes. */
class ProductionChecksTest {
    private static final Map<String, String> AWS = Map.ofEntries(
            Map.entry("quarkus.datasource.password", "s3cr3t-from-secrets-manager"),
            Map.entry("quarkus.datasource.\"backup\".password", "another-s3cr3t"),
            Map.entry("quarkus.s3.aws.credentials.type", "default"),
            Map.entry("flextime.db.ssl-mode", "verify-full"),
            Map.entry("flextime.db.ca-file", "/var/task/rds-global-bundle.pem"),
            Map.entry("kafka.security.protocol", "SASL_SSL"),
            Map.entry("quarkus.redis.hosts", "rediss://:token@master.flextime.cache.amazonaws.com:6379"),
            Map.entry("mp.jwt.verify.publickey.location", "https://cognito-idp.us-east-1.amazonaws.com/pool/.well-known/jwks.json"),
            Map.entry("mp.jwt.verify.issuer", "https://cognito-idp.us-east-1.amazonaws.com/pool"),
            Map.entry("flextime.secrets.keys", "sec-2026=" + "A".repeat(43) + "="),
            Map.entry("flextime.local-mode", "false"),
            Map.entry("flextime.backup.key-ring", "bk-2026=" + "B".repeat(43) + "="));

    @Test
    void aProperAwsConfigurationPasses() {
        assertEquals(List.of(), ProductionChecks.problems(name -> Optional.ofNullable(AWS.get(name))));
    }

    @Test
    void theLocalStacksSettingsAreEachRefused() {
        Map<String, String> local = new HashMap<>(Map.of(
                "quarkus.datasource.password", "flextime_app",
                "quarkus.datasource.\"backup\".password", "flextime_backup",
                "quarkus.s3.aws.credentials.type", "static",
                "flextime.db.ssl-mode", "disable",
                "kafka.security.protocol", "PLAINTEXT",
                "quarkus.redis.hosts", "redis://127.0.0.1:56379",
                "mp.jwt.verify.publickey.location", "file:/repo/.flextime/identity/jwks.json",
                "mp.jwt.verify.issuer", "https://flextime.local/identity",
                "flextime.local-mode", "true",
                "flextime.backup.key-ring", "local-1=ZmxleHRpbWUtbG9jYWwtZGV2LWtleS0zMi1ieXRlcyE="));
        List<String> problems = ProductionChecks.problems(name -> Optional.ofNullable(local.get(name)));
        assertEquals(11, problems.size(), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("FLEXTIME_DB_APP_PASSWORD")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("flextime.backup.key-ring holds")), problems.toString());
    }
}
