package io.flextime.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.infra.Deployment.DeployedEntry;
import io.flextime.infra.Deployment.DeployedFunction;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The checks catch each kind of drift, on a small made-up function "demo". */
class ConsistencyCheckTest {
    private static final FunctionsModule MODULE = new FunctionsModule(
            Map.of("QUARKUS_PROFILE", "aws", "FLEXTIME_PG_HOST", "var.config.pg_host"),
            Set.of("db_app", "db_owner", "redis"),
            Map.of("native", Map.of("runtime", "provided.al2023", "events", "bootstrap", "http", "bootstrap")),
            Map.of("QUARKUS_PROFILE", "aws", "FLEXTIME_PG_HOST", "var.config.pg_host", "QUARKUS_FUNQY_EXPORT", "each.value.export"),
            Map.of("QUARKUS_PROFILE", "aws", "FLEXTIME_PG_HOST", "var.config.pg_host"));
    private static final EventContract CONTRACT = new EventContract(
            Set.of("dataset.ingested.v1", "solve.requested.v1", "demo.dlq"),
            Map.of("dataset.ingested.v1", Set.of("demo"), "solve.requested.v1", Set.of("solve")));
    private static final Map<String, CodeEntryPoint> CODE = Map.of(
            "nightly", new CodeEntryPoint("demo", "nightly", TriggerKind.SCHEDULE, "nightly", "Demo.java"),
            "onIngested", new CodeEntryPoint("demo", "onIngested", TriggerKind.KAFKA, "onIngested", "Demo.java"),
            "status", new CodeEntryPoint("demo", "status", TriggerKind.HTTP, "status", "Demo.java"));

    private static DeployedEntry entry(String name, String trigger, List<String> topics, String schedule) {
        return new DeployedEntry("demo", name, trigger, topics, schedule, 10, null, null);
    }

    private static ConsistencyCheck check(Map<String, DeployedEntry> entries, List<String> routes, Set<String> env) {
        DeployedFunction fn = new DeployedFunction("demo", new TreeMap<>(entries), routes, 29, env, Map.of(), 300, 1024);
        Properties core = new Properties();
        core.setProperty("quarkus.datasource.reactive.url", "postgresql://${FLEXTIME_PG_HOST:127.0.0.1}/x");
        core.setProperty("%aws.flextime.local-mode", "false");
        Properties app = new Properties();
        app.setProperty("flextime.demo.workers", "${DEMO_WORKERS:2}");
        return new ConsistencyCheck(new Deployment(Map.of("demo", fn)), Map.of("demo", CODE), CONTRACT,
                Map.of("demo", new FunctionConfig("demo", core, app)), MODULE);
    }

    private static final Map<String, DeployedEntry> GOOD = Map.of(
            "nightly", entry("nightly", "schedule", List.of(), "cron(0 8 * * ? *)"),
            "onIngested", entry("onIngested", "kafka", List.of("dataset.ingested.v1"), null));

    @Test
    void aConsistentDeploymentHasNoProblems() {
        ConsistencyCheck ok = check(GOOD, List.of("status"), Set.of("DEMO_WORKERS"));
        assertEquals(List.of(), ok.functionNames());
        assertEquals(List.of(), ok.entryPoints());
        assertEquals(List.of(), ok.httpRoutes());
        assertEquals(List.of(), ok.kafkaTopics());
        assertEquals(List.of(), ok.schedulesAndUploads());
        assertEquals(List.of(), ok.environment());
        assertEquals(List.of(), ok.limits());
        assertEquals(List.of(), ok.lambdaWiring());
    }

    @Test
    void anExportWithoutFunqOrOfTheWrongKindIsReported() {
        Map<String, DeployedEntry> entries = new TreeMap<>(GOOD);
        entries.put("nightly", entry("nightly", "kafka", List.of("dataset.ingested.v1"), null));
        entries.put("renamed", entry("renamed", "schedule", List.of(), "rate(1 hour)"));
        List<String> problems = check(entries, List.of("status"), Set.of()).entryPoints();
        assertEquals(2, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("nightly: trigger kafka expects a @Funq taking MskEvent"), problems.get(0));
        assertTrue(problems.get(1).contains("QUARKUS_FUNQY_EXPORT=renamed but functions/demo has no such @Funq"), problems.get(1));
    }

    @Test
    void aScheduleFunqWithoutScheduleIsReported() {
        Map<String, DeployedEntry> entries = Map.of("onIngested", GOOD.get("onIngested"));
        List<String> problems = check(entries, List.of("status"), Set.of()).entryPoints();
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("nightly (schedule, Demo.java#nightly) has no Lambda"), problems.get(0));
    }

    @Test
    void routesMustBeHttpFunqsAndEveryHttpFunqRouted() {
        List<String> problems = check(GOOD, List.of("nightly", "missing"), Set.of()).httpRoutes();
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("nightly (schedule, Demo.java#nightly) is not an HTTP entry point"), problems.get(0));
        assertTrue(problems.get(1).contains("no @Funq missing"), problems.get(1));
        assertTrue(problems.get(2).contains("status (http, Demo.java#status) is not routed"), problems.get(2));
    }

    @Test
    void aDoorOnEveryTenantsDataStaysOffThePublicApi() {
        Map<String, CodeEntryPoint> code = Map.of(
                "restore", new CodeEntryPoint("demo", "restore", TriggerKind.HTTP, "restore", "Demo.java", "PLATFORM"),
                "status", new CodeEntryPoint("demo", "status", TriggerKind.HTTP, "status", "Demo.java", "TENANT"));
        java.util.function.Function<DeployedFunction, List<String>> problems = fn -> new ConsistencyCheck(
                new Deployment(Map.of("demo", fn)), Map.of("demo", code), CONTRACT,
                Map.of("demo", new FunctionConfig("demo", new Properties(), new Properties())), MODULE).httpRoutes();
        List<String> publicRestore = problems.apply(new DeployedFunction("demo", new TreeMap<>(), List.of("status", "restore"), 29,
                Set.of(), Map.of(), 300, 1024, List.of()));
        assertEquals(1, publicRestore.size(), String.join("\n", publicRestore));
        assertTrue(publicRestore.get(0).contains("move it to demo.http.operator_routes"), publicRestore.get(0));
        assertEquals(List.of(), problems.apply(new DeployedFunction("demo", new TreeMap<>(), List.of("status"), 29, Set.of(),
                Map.of(), 300, 1024, List.of("restore"))), "operators only: fine");
    }

    @Test
    void topicsMustExistBeConsumedByTheFunctionAndAllBeMapped() {
        Map<String, DeployedEntry> entries = new TreeMap<>(GOOD);
        entries.put("onIngested", entry("onIngested", "kafka", List.of("solve.requested.v1", "demo.dlq", "no.such.v1"), null));
        List<String> problems = check(entries, List.of("status"), Set.of()).kafkaTopics();
        assertEquals(4, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("demo does not consume solve.requested.v1"), problems.get(0));
        assertTrue(problems.get(1).contains("demo.dlq is a dead-letter topic"), problems.get(1));
        assertTrue(problems.get(2).contains("topic no.such.v1 is not in events/"), problems.get(2));
        assertTrue(problems.get(3).contains("demo consumes dataset.ingested.v1 but no kafka entry point"), problems.get(3));
    }

    @Test
    void scheduleExpressionsAreChecked() {
        assertEquals(List.of(), ConsistencyCheck.scheduleProblems("x", "rate(1 minute)"));
        assertEquals(List.of(), ConsistencyCheck.scheduleProblems("x", "rate(15 minutes)"));
        assertEquals(List.of(), ConsistencyCheck.scheduleProblems("x", "cron(15 * * * ? *)"));
        assertEquals(1, ConsistencyCheck.scheduleProblems("x", "rate(1 minutes)").size());
        assertEquals(1, ConsistencyCheck.scheduleProblems("x", "cron(0 8 * * *)").size(), "five fields is crontab, not EventBridge");
        assertEquals(1, ConsistencyCheck.scheduleProblems("x", "cron(0 8 * * MON *)").size(), "needs a ? in day-of-month or day-of-week");
        assertEquals(1, ConsistencyCheck.scheduleProblems("x", null).size());
    }

    @Test
    void variablesNobodyReadsAndRequiredVariablesNotSetAreReported() {
        ConsistencyCheck typo = new ConsistencyCheck(
                new Deployment(Map.of("demo", new DeployedFunction("demo", new TreeMap<>(GOOD), List.of("status"), 29,
                        Set.of("DEMO_WORKER"), Map.of("DEMO_TOKEN", "vault.token"), 300, 1024))),
                Map.of("demo", CODE), CONTRACT, Map.of("demo", new FunctionConfig("demo", new Properties(), appNeedingToken())),
                new FunctionsModule(Map.of("QUARKUS_PROFILE", "aws"), Set.of("db_app"), Map.of(), Map.of(), null));
        List<String> problems = typo.environment();
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("sets DEMO_WORKER for demo, which no ${DEMO_WORKER}"), problems.get(0));
        assertTrue(problems.get(1).contains("demo reads ${DEMO_URL}"), problems.get(1));
        assertTrue(problems.get(2).contains("secret_environment.DEMO_TOKEN = \"vault.token\""), problems.get(2));
    }

    private static Properties appNeedingToken() {
        Properties app = new Properties();
        app.setProperty("flextime.demo.url", "${DEMO_URL:http://localhost:9000}");
        app.setProperty("flextime.demo.token", "${DEMO_TOKEN:}");
        app.setProperty("%aws.flextime.demo.strict", "true");
        return app;
    }

    @Test
    void limitsAndWiringAreChecked() {
        Map<String, DeployedEntry> entries = Map.of("aVeryLongEntryPointNameThatNoLambdaNameCanHold",
                new DeployedEntry("demo", "aVeryLongEntryPointNameThatNoLambdaNameCanHold", "schedule", List.of(),
                        "rate(1 day)", null, 901, 20000));
        DeployedFunction fn = new DeployedFunction("demo", entries, List.of(), 30, Set.of(), Map.of(), 300, 1024);
        ConsistencyCheck tooBig = new ConsistencyCheck(new Deployment(Map.of("demo", fn)), Map.of("demo", CODE), CONTRACT,
                Map.of(), new FunctionsModule(Map.of(), Set.of(), Map.of("native", Map.of("runtime", "java17")), Map.of(),
                        Map.of("QUARKUS_FUNQY_EXPORT", "x")));
        assertEquals(4, tooBig.limits().size(), String.join("\n", tooBig.limits()));
        assertEquals(3, tooBig.lambdaWiring().size(), String.join("\n", tooBig.lambdaWiring()));
    }
}
