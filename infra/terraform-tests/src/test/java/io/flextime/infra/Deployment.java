package io.flextime.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The `functions` variable of an environment (envs/example/functions.auto.tfvars) as plain records. */
record Deployment(Map<String, DeployedFunction> functions) {

    record DeployedEntry(String function, String name, String trigger, List<String> topics, String schedule,
            Number batchSize, Number timeoutSeconds, Number memoryMb) {
    }

    /** {@code httpRoutes}: on the public API; {@code operatorRoutes}: reached by direct Lambda invocation only. */
    record DeployedFunction(String name, Map<String, DeployedEntry> entries, List<String> httpRoutes,
            Number httpTimeoutSeconds, Set<String> environment, Map<String, String> secretEnvironment,
            Number timeoutSeconds, Number memoryMb, List<String> operatorRoutes) {
        DeployedFunction(String name, Map<String, DeployedEntry> entries, List<String> httpRoutes, Number httpTimeoutSeconds,
                Set<String> environment, Map<String, String> secretEnvironment, Number timeoutSeconds, Number memoryMb) {
            this(name, entries, httpRoutes, httpTimeoutSeconds, environment, secretEnvironment, timeoutSeconds, memoryMb, List.of());
        }
    }

    static Deployment load(Path tfvars) {
        return of(Hcl.parse(tfvars));
    }

    static Deployment of(Map<String, Object> parsed) {
        Map<String, DeployedFunction> functions = new TreeMap<>();
        Hcl.map(parsed, "functions").forEach((fn, body) -> {
            Map<String, DeployedEntry> entries = new TreeMap<>();
            Hcl.map(body, "entry_points").forEach((name, e) -> entries.put(name, new DeployedEntry(fn, name,
                    Hcl.string(e, "trigger"), Hcl.strings(e, "topics"), Hcl.string(e, "schedule"),
                    number(e, "batch_size"), number(e, "timeout_s"), number(e, "memory_mb"))));
            Map<String, String> secrets = new TreeMap<>();
            Hcl.map(body, "secret_environment").forEach((k, v) -> secrets.put(k, String.valueOf(v)));
            functions.put(fn, new DeployedFunction(fn, entries, Hcl.strings(body, "http", "routes"),
                    number(body, "http", "timeout_s"), new TreeSet<>(Hcl.keys(body, "environment")), secrets,
                    number(body, "timeout_s"), number(body, "memory_mb"), Hcl.strings(body, "http", "operator_routes")));
        });
        return new Deployment(functions);
    }

    private static Number number(Object root, String... keys) {
        return Hcl.at(root, keys) instanceof Number n ? n : null;
    }
}
