package io.flextime.infra;

import io.flextime.infra.Deployment.DeployedEntry;
import io.flextime.infra.Deployment.DeployedFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares a deployment (the environment's `functions` map and modules/functions) with the code.
 * Each method returns readable problems, empty when consistent; messages name the Terraform key and
 * the code it disagrees with.
 */
final class ConsistencyCheck {
    static final String TFVARS = "envs/example/functions.auto.tfvars";
    /** Read by Quarkus itself rather than through a ${VAR} in our properties. */
    static final Set<String> FRAMEWORK_VARIABLES = Set.of("QUARKUS_PROFILE", "QUARKUS_FUNQY_EXPORT");
    /** "flextime-" + the longest environment name variables.tf accepts (12) + "-". */
    static final int LAMBDA_NAME_PREFIX_LENGTH = "flextime-".length() + 12 + 1;

    private static final Pattern RATE = Pattern.compile("rate\\((1 (minute|hour|day)|([2-9]|[1-9][0-9]+) (minutes|hours|days))\\)");
    private static final Pattern CRON = Pattern.compile("cron\\(([^ ]+ ){5}[^ ]+\\)");
    private static final Pattern AT = Pattern.compile("at\\(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\)");

    private final Deployment deployment;
    private final Map<String, Map<String, CodeEntryPoint>> code;
    private final EventContract contract;
    private final Map<String, FunctionConfig> configs;
    private final FunctionsModule module;

    ConsistencyCheck(Deployment deployment, Map<String, Map<String, CodeEntryPoint>> code, EventContract contract,
            Map<String, FunctionConfig> configs, FunctionsModule module) {
        this.deployment = deployment;
        this.code = code;
        this.contract = contract;
        this.configs = configs;
        this.module = module;
    }

    /** The deployed functions are exactly the function applications of the code. */
    List<String> functionNames() {
        List<String> problems = new ArrayList<>();
        for (String fn : deployment.functions().keySet()) {
            if (!code.containsKey(fn)) {
                problems.add(TFVARS + ": function " + fn + " does not exist (functions/: " + code.keySet() + ")");
            }
        }
        for (String fn : code.keySet()) {
            if (!deployment.functions().containsKey(fn)) {
                problems.add("functions/" + fn + " is not deployed: no entry in " + TFVARS);
            }
        }
        return problems;
    }

    /** Every events Lambda exports an existing @Funq of the right kind; every non-HTTP @Funq has one. */
    List<String> entryPoints() {
        List<String> problems = new ArrayList<>();
        forEachFunction((fn, deployed, funqs) -> {
            for (DeployedEntry entry : deployed.entries().values()) {
                String where = TFVARS + ": " + fn + ".entry_points." + entry.name();
                TriggerKind kind = TriggerKind.ofTerraform(entry.trigger());
                CodeEntryPoint funq = funqs.get(entry.name());
                if (kind == null) {
                    problems.add(where + ": trigger \"" + entry.trigger() + "\" is not s3, kafka or schedule");
                } else if (funq == null) {
                    problems.add(where + ": QUARKUS_FUNQY_EXPORT=" + entry.name() + " but functions/" + fn
                            + " has no such @Funq (it has " + funqs.keySet() + ")");
                } else if (funq.kind() != kind) {
                    problems.add(where + ": trigger " + kind.terraformName() + " expects a @Funq taking "
                            + kind.inputType() + ", but " + funq + " is a " + funq.kind().terraformName() + " entry point");
                }
            }
            for (CodeEntryPoint funq : funqs.values()) {
                if (funq.kind() != TriggerKind.HTTP && !deployed.entries().containsKey(funq.name())) {
                    problems.add("functions/" + fn + " @Funq " + funq + " has no Lambda: add " + fn + ".entry_points."
                            + funq.name() + " { trigger = \"" + funq.kind().terraformName() + "\" } to " + TFVARS);
                }
            }
        });
        return problems;
    }

    /**
     * Routes name HTTP @Funq of their function; every HTTP @Funq is routed once, on the public API
     * ({@code http.routes}) or for operators only ({@code http.operator_routes}: direct invocation, no API
     * route); a door that acts on every tenant's data (PLATFORM in the Door table) is never public; no
     * route is taken twice.
     */
    List<String> httpRoutes() {
        List<String> problems = new ArrayList<>();
        Map<String, String> routeOwner = new TreeMap<>();
        forEachFunction((fn, deployed, funqs) -> {
            List<String> all = new ArrayList<>(deployed.httpRoutes());
            all.addAll(deployed.operatorRoutes());
            for (String route : all) {
                CodeEntryPoint funq = funqs.get(route);
                if (funq == null) {
                    problems.add(TFVARS + ": " + fn + ".http: no @Funq " + route + " in functions/" + fn);
                } else if (funq.kind() != TriggerKind.HTTP) {
                    problems.add(TFVARS + ": " + fn + ".http: " + funq + " is not an HTTP entry point");
                } else if ("PLATFORM".equals(funq.scope()) && deployed.httpRoutes().contains(route)) {
                    problems.add(TFVARS + ": " + fn + ".http.routes: " + funq + " acts on every tenant's data (a PLATFORM "
                            + "door): move it to " + fn + ".http.operator_routes, off the public API");
                }
                String other = routeOwner.putIfAbsent(route, fn);
                if (other != null) {
                    problems.add(TFVARS + ": route /" + route + " is claimed twice (" + other + ", " + fn + ")");
                }
            }
            for (CodeEntryPoint funq : funqs.values()) {
                if (funq.kind() == TriggerKind.HTTP && !all.contains(funq.name())) {
                    problems.add("functions/" + fn + " HTTP @Funq " + funq + " is not routed: add it to " + fn
                            + ".http.routes (public API) or .http.operator_routes (operators) in " + TFVARS);
                }
            }
        });
        return problems;
    }

    /** MSK mappings read existing, non-DLQ topics that their function consumes; every consumed topic is mapped. */
    List<String> kafkaTopics() {
        List<String> problems = new ArrayList<>();
        forEachFunction((fn, deployed, funqs) -> {
            Set<String> consumed = consumedTopics(fn);
            Map<String, String> mappedBy = new TreeMap<>();
            for (DeployedEntry entry : deployed.entries().values()) {
                String where = TFVARS + ": " + fn + ".entry_points." + entry.name();
                if (!"kafka".equals(entry.trigger())) {
                    if (!entry.topics().isEmpty()) {
                        problems.add(where + ": topics on a " + entry.trigger() + " entry point");
                    }
                    continue;
                }
                if (entry.topics().isEmpty()) {
                    problems.add(where + ": a kafka entry point without topics");
                }
                for (String topic : entry.topics()) {
                    if (!contract.topics().contains(topic)) {
                        problems.add(where + ": topic " + topic + " is not in " + Repo.TOPICS_TXT);
                    } else if (topic.endsWith(".dlq")) {
                        problems.add(where + ": " + topic + " is a dead-letter topic; dead letters are replayed, not consumed");
                    } else if (!consumed.contains(topic)) {
                        problems.add(where + ": " + fn + " does not consume " + topic + " (events/README.md consumers and "
                                + "mp.messaging.incoming.*.topic of " + fn + ": " + consumed + ")");
                    }
                    String other = mappedBy.putIfAbsent(topic, entry.name());
                    if (other != null) {
                        problems.add(where + ": " + topic + " is already mapped to " + fn + "." + other);
                    }
                }
                if (entry.batchSize() != null && (entry.batchSize().intValue() < 1 || entry.batchSize().intValue() > 10000)) {
                    problems.add(where + ": batch_size " + entry.batchSize() + " outside 1..10000");
                }
            }
            for (String topic : consumed) {
                if (!mappedBy.containsKey(topic)) {
                    problems.add(fn + " consumes " + topic + " but no kafka entry point of " + fn + " in " + TFVARS
                            + " maps it: nothing would deliver it in AWS");
                }
            }
        });
        return problems;
    }

    /** Schedule entries have a valid EventBridge Scheduler expression; only S3 entry is ingest's one. */
    List<String> schedulesAndUploads() {
        List<String> problems = new ArrayList<>();
        List<String> s3Entries = new ArrayList<>();
        forEachFunction((fn, deployed, funqs) -> {
            for (DeployedEntry entry : deployed.entries().values()) {
                String where = TFVARS + ": " + fn + ".entry_points." + entry.name();
                if ("schedule".equals(entry.trigger())) {
                    problems.addAll(scheduleProblems(where, entry.schedule()));
                } else if (entry.schedule() != null) {
                    problems.add(where + ": a schedule on a " + entry.trigger() + " entry point");
                }
                if ("s3".equals(entry.trigger())) {
                    s3Entries.add(fn + "." + entry.name());
                }
            }
        });
        if (s3Entries.size() > 1) {
            problems.add(TFVARS + ": one uploads/ notification can target one Lambda, found " + s3Entries);
        }
        return problems;
    }

    static List<String> scheduleProblems(String where, String expression) {
        if (expression == null) {
            return List.of(where + ": a schedule entry point without schedule");
        }
        if (RATE.matcher(expression).matches() || AT.matcher(expression).matches()) {
            return List.of();
        }
        if (!CRON.matcher(expression).matches()) {
            return List.of(where + ": \"" + expression + "\" is not rate(n unit), cron(6 fields) or at(yyyy-mm-ddThh:mm:ss)");
        }
        String[] fields = expression.substring(5, expression.length() - 1).split(" ");
        if (!fields[2].equals("?") && !fields[4].equals("?")) {
            return List.of(where + ": cron \"" + expression + "\" must have ? in day-of-month or day-of-week");
        }
        return List.of();
    }

    /** Every variable Terraform sets is read by the function's configuration; every required one is set. */
    List<String> environment() {
        List<String> problems = new ArrayList<>();
        forEachFunction((fn, deployed, funqs) -> {
            FunctionConfig config = configs.get(fn);
            Set<String> read = config.readVariables();
            Map<String, String> set = new TreeMap<>();
            module.sharedEnv().keySet().forEach(k -> set.put(k, "modules/functions locals.shared_env"));
            deployed.environment().forEach(k -> set.put(k, TFVARS + " " + fn + ".environment"));
            deployed.secretEnvironment().keySet().forEach(k -> set.put(k, TFVARS + " " + fn + ".secret_environment"));
            if (!deployed.entries().isEmpty()) {
                module.eventsLambdaEnv().keySet().forEach(k -> set.put(k, "modules/functions aws_lambda_function.events"));
            }
            set.forEach((variable, origin) -> {
                if (!read.contains(variable) && !FRAMEWORK_VARIABLES.contains(variable)) {
                    problems.add(origin + " sets " + variable + " for " + fn + ", which no ${" + variable
                            + "} in its configuration reads (core microprofile-config.properties, functions/" + fn
                            + "/src/main/resources/application.properties)");
                }
            });
            for (String required : config.requiredVariables()) {
                if (!set.containsKey(required)) {
                    problems.add(fn + " reads ${" + required + "} (no usable default in AWS) but Terraform does not set it: "
                            + "add it to locals.shared_env (modules/functions) or " + fn + ".environment / secret_environment");
                }
            }
            deployed.secretEnvironment().forEach((variable, ref) -> {
                String[] parts = ref.split("\\.");
                if (parts.length != 2 || !module.secretNames().contains(parts[0])) {
                    problems.add(TFVARS + ": " + fn + ".secret_environment." + variable + " = \"" + ref
                            + "\": expected \"<secret>.<field>\" with secret in " + module.secretNames());
                }
            });
            if ("aws".equals(module.sharedEnv().get("QUARKUS_PROFILE")) && !config.hasAwsProfile()) {
                problems.add(fn + ": QUARKUS_PROFILE=aws but its configuration has no %aws. key");
            }
        });
        if (!"aws".equals(module.sharedEnv().get("QUARKUS_PROFILE"))) {
            problems.add("modules/functions locals.shared_env: QUARKUS_PROFILE must be \"aws\" (the profile the code configures for AWS)");
        }
        return problems;
    }

    /** Names, timeouts and memory fit AWS limits (Lambda names ≤ 64, 15 minutes, API Gateway's 30 s). */
    List<String> limits() {
        List<String> problems = new ArrayList<>();
        forEachFunction((fn, deployed, funqs) -> {
            for (DeployedEntry entry : deployed.entries().values()) {
                String where = TFVARS + ": " + fn + ".entry_points." + entry.name();
                int nameLength = LAMBDA_NAME_PREFIX_LENGTH + fn.length() + 1 + entry.name().length();
                if (nameLength > 64) {
                    problems.add(where + ": Lambda name flextime-<env>-" + fn + "-" + entry.name() + " may reach "
                            + nameLength + " characters (limit 64)");
                }
                Number timeout = entry.timeoutSeconds() != null ? entry.timeoutSeconds() : deployed.timeoutSeconds();
                if (timeout == null || timeout.intValue() < 1 || timeout.intValue() > 900) {
                    problems.add(where + ": timeout " + timeout + " s outside 1..900");
                }
                Number memory = entry.memoryMb() != null ? entry.memoryMb() : deployed.memoryMb();
                if (memory == null || memory.intValue() < 128 || memory.intValue() > 10240) {
                    problems.add(where + ": memory " + memory + " MB outside 128..10240");
                }
            }
            if (deployed.httpTimeoutSeconds() != null && deployed.httpTimeoutSeconds().intValue() > 29) {
                problems.add(TFVARS + ": " + fn + ".http.timeout_s " + deployed.httpTimeoutSeconds()
                        + " s: API Gateway stops waiting at 30 s");
            }
        });
        return problems;
    }

    /** The events Lambdas export their entry point; the http Lambdas export everything. */
    List<String> lambdaWiring() {
        List<String> problems = new ArrayList<>();
        Object export = module.eventsLambdaEnv().get("QUARKUS_FUNQY_EXPORT");
        if (export == null || !String.valueOf(export).equals("each.value.export")) {
            problems.add("modules/functions aws_lambda_function.events: environment must set QUARKUS_FUNQY_EXPORT = each.value.export (found "
                    + export + ")");
        }
        if (!module.eventsLambdaEnv().keySet().containsAll(module.sharedEnv().keySet())) {
            problems.add("modules/functions aws_lambda_function.events: environment must include locals.shared_env");
        }
        if (!(module.httpLambdaEnv() instanceof Map<?, ?> env) || !env.keySet().containsAll(module.sharedEnv().keySet())) {
            problems.add("modules/functions aws_lambda_function.http: environment must include locals.shared_env");
        } else if (env.containsKey("QUARKUS_FUNQY_EXPORT")) {
            problems.add("modules/functions aws_lambda_function.http: QUARKUS_FUNQY_EXPORT would hide every other @Funq from the API");
        }
        Map<String, Object> nativeBuild = module.handlers().getOrDefault("native", Map.of());
        if (!"provided.al2023".equals(nativeBuild.get("runtime")) || !"bootstrap".equals(nativeBuild.get("events"))
                || !"bootstrap".equals(nativeBuild.get("http"))) {
            problems.add("modules/functions locals.handlers.native: a native function.zip runs on provided.al2023 with handler bootstrap, found "
                    + nativeBuild);
        }
        return problems;
    }

    private Set<String> consumedTopics(String fn) {
        Set<String> consumed = new TreeSet<>(contract.consumedBy(fn));
        FunctionConfig config = configs.get(fn);
        if (config != null) {
            consumed.addAll(config.incomingTopics());
        }
        return consumed;
    }

    private interface PerFunction {
        void accept(String fn, DeployedFunction deployed, Map<String, CodeEntryPoint> funqs);
    }

    private void forEachFunction(PerFunction action) {
        for (DeployedFunction deployed : deployment.functions().values()) {
            if (code.containsKey(deployed.name())) {
                action.accept(deployed.name(), deployed, code.get(deployed.name()));
            }
        }
    }
}
