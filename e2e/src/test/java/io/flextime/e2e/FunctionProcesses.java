package io.flextime.e2e;

import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.events.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The five functions as separate JVM processes, started from their built apps
 * ({@code functions/<fn>/target/quarkus-app/quarkus-run.jar}) as separate Lambdas would run: each on
 * its own port, all on the test database of this module. Output goes to {@code target/<fn>.log}.
 *
 * Each function consumes in its own group ({@code <fn>-e2e}) so that neither the demo nor another
 * module's tests (which use the plain function names as groups) take partitions away from it.
 */
final class FunctionProcesses implements AutoCloseable {
    static final List<String> ALL = List.of("ingest", "validate", "solve", "export", "backup");

    /** Incoming channels per function (from each function's application.properties). */
    private static final Map<String, List<String>> CHANNELS = Map.of(
            "ingest", List.of("ingest-requested"),
            "validate", List.of("dataset-ingested"),
            "solve", List.of("dataset-validated", "solve-requested"),
            "export", List.of("schedule-solved"),
            "backup", List.of());
    /** The topics those channels read (same order). */
    private static final Map<String, List<String>> TOPICS = Map.of(
            "ingest", List.of(EventType.INGEST_REQUESTED.topic()),
            "validate", List.of(EventType.DATASET_INGESTED.topic()),
            "solve", List.of(EventType.DATASET_VALIDATED.topic(), EventType.SOLVE_REQUESTED.topic()),
            "export", List.of(EventType.SCHEDULE_SOLVED.topic()),
            "backup", List.of());

    private final Path root = LocalStack.repoRoot();
    private final Map<String, String> extraEnv;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final java.util.Set<String> copied = new java.util.HashSet<>();
    private final Thread shutdownHook = new Thread(this::killAll, "e2e-kill-functions");

    record Running(String function, Process process, int port, Path log) {
    }

    FunctionProcesses(Map<String, String> extraEnv) {
        this.extraEnv = Map.copyOf(extraEnv);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static String consumerGroup(String function) {
        return function + "-e2e";
    }

    /** Starts every function at once (they boot in parallel), then waits for each one's readiness. */
    void startAll(Duration timeout) {
        for (String fn : ALL) {
            ConsumerGroups.startAtEnd(consumerGroup(fn), TOPICS.get(fn));
        }
        for (String fn : ALL) {
            launch(fn, fn);
        }
        for (String fn : ALL) {
            awaitReady(fn, timeout);
        }
    }

    /** Starts (again) one function as a new process; {@code logName} names its log file. */
    void start(String function, String logName, Duration timeout) {
        launch(function, logName);
        awaitReady(function, timeout);
    }

    private void launch(String fn, String logName) {
        // -De2e.app.<fn>=<quarkus-run.jar> runs another build of one function (e.g. a colleague's branch build).
        Path built = Path.of(System.getProperty("e2e.app." + fn,
                root.resolve("functions").resolve(fn).resolve("target/quarkus-app/quarkus-run.jar").toString()));
        if (!Files.isRegularFile(built)) {
            throw new IllegalStateException(built + " is missing: build first: mvn -DskipTests install");
        }
        Path jar = privateCopy(fn, built);
        int port = freePort();
        Path log = Path.of("target", logName + ".log").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xms64m", "-Xmx640m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        for (String channel : CHANNELS.get(fn)) {
            cmd.add("-Dmp.messaging.incoming." + channel + ".group.id=" + consumerGroup(fn));
        }
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("FLEXTIME_HTTP_PORT", String.valueOf(port));
        env.put("FLEXTIME_DB_NAME", LocalStack.TEST_DB);
        env.put("FLEXTIME_LOCAL_MODE", "true");
        env.put("FLEXTIME_PG_PORT", String.valueOf(LocalStack.PG_PORT));
        env.put("FLEXTIME_REDIS_URL", "redis://" + LocalStack.HOST + ":" + LocalStack.REDIS_PORT);
        env.put("FLEXTIME_KAFKA_BOOTSTRAP", LocalStack.kafkaBootstrap());
        env.put("FLEXTIME_S3_ENDPOINT", "http://" + LocalStack.HOST + ":" + LocalStack.S3_PORT);
        // The local identity provider's keys (the tests sign with it) and the local secrets key ring.
        env.put("FLEXTIME_JWT_JWKS", TestTokens.identity().jwks().toUri().toString());
        env.put("FLEXTIME_SECRETS_KEY_FILE", root.resolve(".flextime/keys/secrets.keys").toString());
        // Readable lines (with the correlation id) rather than JSON: these logs are read by people on failure.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.putAll(extraEnv);
        try {
            Files.createDirectories(log.getParent());
            running.put(fn, new Running(fn, pb.start(), port, log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + fn, e);
        }
    }

    /**
     * Runs a copy of the app (target/apps/<fn>/): a rebuild of the function while the tests run
     * replaces the jars under functions/<fn>/target, and a running JVM loads classes lazily from them.
     */
    private Path privateCopy(String fn, Path runJar) {
        Path from = runJar.getParent();
        Path to = Path.of("target", "apps", fn).toAbsolutePath();
        try {
            if (copied.add(fn)) { // once per run: a restarted process runs the same build
                if (Files.exists(to)) {
                    try (Stream<Path> old = Files.walk(to)) {
                        for (Path f : (Iterable<Path>) old.sorted(java.util.Comparator.reverseOrder())::iterator) {
                            Files.delete(f);
                        }
                    }
                }
                try (Stream<Path> files = Files.walk(from)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Path target = to.resolve(from.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
        return to.resolve("quarkus-run.jar");
    }

    private void awaitReady(String fn, Duration timeout) {
        Running r = running.get(fn);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!r.process().isAlive()) {
                throw new IllegalStateException(fn + " exited with " + r.process().exitValue() + " before it was ready\n" + tail(fn, 40));
            }
            if (ready(r.port())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(fn + " not ready after " + timeout.toSeconds() + " s\n" + tail(fn, 40));
            }
            sleep(300);
        }
    }

    private static boolean ready(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready").toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(3000);
            int code = c.getResponseCode();
            c.disconnect();
            return code == 200;
        } catch (IOException e) {
            return false;
        }
    }

    String url(String fn) {
        return "http://127.0.0.1:" + running.get(fn).port();
    }

    Process process(String fn) {
        return running.get(fn).process();
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): no shutdown hook, nothing written. */
    int kill(String fn) throws InterruptedException {
        Process p = running.get(fn).process();
        p.destroyForcibly();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException(fn + " survived SIGKILL");
        }
        return p.exitValue();
    }

    /** The last lines of a function's log, for failure messages. */
    String tail(String fn, int lines) {
        Running r = running.get(fn);
        if (r == null) {
            return "(" + fn + " was not started)";
        }
        try {
            List<String> all = Files.readAllLines(r.log(), StandardCharsets.UTF_8);
            return "----- last " + lines + " lines of " + r.log() + " -----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + r.log() + ": " + e + ")";
        }
    }

    String tails(int lines) {
        StringBuilder sb = new StringBuilder();
        running.keySet().forEach(fn -> sb.append('\n').append(tail(fn, lines)));
        return sb.toString();
    }

    /** SIGTERM to every process (graceful: the solve function checkpoints), SIGKILL after 15 s. */
    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void killAll() {
        running.values().forEach(r -> r.process().destroy());
        for (Running r : running.values()) {
            try {
                if (!r.process().waitFor(15, TimeUnit.SECONDS)) {
                    r.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                r.process().destroyForcibly();
            }
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
