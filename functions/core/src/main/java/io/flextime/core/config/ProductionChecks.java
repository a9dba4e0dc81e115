package io.flextime.core.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * In the {@code aws} profile a function refuses to start with anything of the local stack's: its
 * passwords and keys are in this repository, its trust settings are for loopback. Every problem is named
 * at once, so one deployment fix covers them all.
 */
@ApplicationScoped
public class ProductionChecks {
    /** The local stack's well-known secrets (scripts/lib.sh, application.properties). */
    static final List<String> LOCAL_SECRETS = List.of("flextime", "flextime_app", "flextime_backup", "flextime-secret",
            "ZmxleHRpbWUtbG9jYWwtZGV2LWtleS0zMi1ieXRlcyE=");

    void onStart(@Observes StartupEvent start) {
        if (!ConfigUtils.getProfiles().contains("aws")) {
            return;
        }
        List<String> problems = problems(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start in the aws profile with local-stack settings:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** What is wrong with a configuration meant for AWS (empty: nothing). */
    static List<String> problems(Function<String, Optional<String>> config) {
        List<String> out = new ArrayList<>();
        secret(config, out, "quarkus.datasource.password", "FLEXTIME_DB_APP_PASSWORD");
        secret(config, out, "quarkus.datasource.\"backup\".password", "FLEXTIME_BACKUP_DB_PASSWORD");
        if (config.apply("quarkus.s3.aws.credentials.type").filter("static"::equalsIgnoreCase).isPresent()) {
            out.add("S3 uses static credentials: the aws profile takes the function's role (quarkus.s3.aws.credentials.type=default)");
        }
        if (!config.apply("flextime.db.ssl-mode").filter("verify-full"::equals).isPresent()) {
            out.add("PostgreSQL without verify-full TLS (FLEXTIME_PG_SSL_MODE)");
        }
        if (config.apply("flextime.db.ca-file").filter(f -> !f.isBlank()).isEmpty()) {
            out.add("no RDS CA bundle to verify PostgreSQL's certificate (FLEXTIME_PG_CA_FILE)");
        }
        if (!config.apply("kafka.security.protocol").filter("SASL_SSL"::equals).isPresent()) {
            out.add("Kafka without TLS and IAM authentication (kafka.security.protocol must be SASL_SSL)");
        }
        String redis = config.apply("quarkus.redis.hosts").orElse("");
        if (!redis.startsWith("rediss://") || redis.contains("127.0.0.1") || redis.contains("localhost")) {
            out.add("Redis is not a TLS (rediss://) endpoint of ElastiCache (FLEXTIME_REDIS_URL)");
        }
        String jwks = config.apply("mp.jwt.verify.publickey.location").orElse("");
        if (!jwks.startsWith("https://")) {
            out.add("tokens are verified against " + (jwks.isEmpty() ? "no key" : jwks)
                    + ": the identity provider's JWKS must be an https URL (FLEXTIME_JWT_JWKS)");
        }
        if (config.apply("mp.jwt.verify.issuer").filter(i -> i.contains("flextime.local")).isPresent()) {
            out.add("the token issuer is the local stack's (FLEXTIME_JWT_ISSUER)");
        }
        if (config.apply("flextime.local-mode").filter("true"::equalsIgnoreCase).isPresent()) {
            out.add("local mode is on (FLEXTIME_LOCAL_MODE): partner URLs on loopback would be accepted");
        }
        for (String name : List.of("flextime.backup.key-ring", "flextime.secrets.keys")) {
            config.apply(name).filter(v -> LOCAL_SECRETS.stream().anyMatch(v::contains))
                    .ifPresent(v -> out.add(name + " holds the local stack's development key"));
        }
        return out;
    }

    private static void secret(Function<String, Optional<String>> config, List<String> out, String name, String variable) {
        Optional<String> value = config.apply(name);
        if (value.isPresent() && (value.get().isBlank() || LOCAL_SECRETS.contains(value.get()))) {
            out.add(name + " is the local stack's (" + variable + ")");
        }
    }
}
