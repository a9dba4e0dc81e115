package io.flextime.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example environment against the code as it is in the work tree now. */
class CodeConsistencyTest {
    private static ConsistencyCheck check;
    private static Map<String, Map<String, CodeEntryPoint>> code;

    @BeforeAll
    static void readEverything() throws IOException {
        code = new TreeMap<>();
        Map<String, FunctionConfig> configs = new TreeMap<>();
        FunqScanner scanner = new FunqScanner();
        for (String fn : functionApplications()) {
            code.put(fn, scanner.scan(fn));
            configs.put(fn, FunctionConfig.load(fn));
        }
        Deployment deployment = Deployment.load(Repo.terraform().resolve(ConsistencyCheck.TFVARS));
        check = new ConsistencyCheck(deployment, code, EventContract.load(code.keySet()), configs, FunctionsModule.load());
    }

    /** Folders of functions/ whose application.properties names them (flextime.function), i.e. the five apps. */
    static List<String> functionApplications() throws IOException {
        try (Stream<Path> dirs = Files.list(Repo.functions())) {
            return dirs.filter(d -> {
                Path props = d.resolve("src/main/resources/application.properties");
                return Files.isRegularFile(props)
                        && d.getFileName().toString().equals(FunctionConfig.read(props).getProperty("flextime.function"));
            }).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFiveFunctionsAreFoundInTheCode() {
        assertEquals(List.of("backup", "export", "ingest", "solve", "validate"), List.copyOf(code.keySet()));
        assertFalse(code.get("solve").isEmpty(), "the scanner finds solve's @Funq methods");
    }

    @Test
    void deployedFunctionsAreTheCodesFunctions() {
        assertNoProblems(check.functionNames());
    }

    @Test
    void everyLambdaExportsAnExistingFunqOfItsTriggerKind() {
        assertNoProblems(check.entryPoints());
    }

    @Test
    void apiRoutesAreTheHttpFunqs() {
        assertNoProblems(check.httpRoutes());
    }

    @Test
    void kafkaMappingsReadTopicsTheirFunctionConsumes() {
        assertNoProblems(check.kafkaTopics());
    }

    @Test
    void schedulesAndUploadNotificationAreValid() {
        assertNoProblems(check.schedulesAndUploads());
    }

    @Test
    void environmentVariablesMatchTheConfiguration() {
        assertNoProblems(check.environment());
    }

    @Test
    void namesTimeoutsAndMemoryFitAwsLimits() {
        assertNoProblems(check.limits());
    }

    @Test
    void lambdasExportTheirEntryPointWithTheRightHandler() {
        assertNoProblems(check.lambdaWiring());
    }

    static void assertNoProblems(List<String> problems) {
        assertEquals("", String.join("\n", problems), problems.size() + " mismatch(es) between infra/terraform and the code");
    }
}
