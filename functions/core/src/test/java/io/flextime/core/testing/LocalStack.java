package io.flextime.core.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test resource for every FlexTime test: the real local stack (PostgreSQL, Redis, Kafka, S3), started
 * with {@code ./flextime stack up} when it is not running and reused when it is, plus a migrated test
 * database per module ({@code flextime_test_<module>}) so tests never touch the demo's data.
 */
public class LocalStack implements QuarkusTestResourceLifecycleManager {
    public static final String HOST = "127.0.0.1";
    public static final int PG_PORT = intEnv("FLEXTIME_PG_PORT", 55432);
    public static final int REDIS_PORT = intEnv("FLEXTIME_REDIS_PORT", 56379);
    public static final int KAFKA_PORT = intEnv("FLEXTIME_KAFKA_PORT", 59092);
    public static final int S3_PORT = intEnv("FLEXTIME_S3_PORT", 58333);
    /**
     * Each module's tests get their own database ({@code flextime_test_<module>}), so modules never see
     * each other's rows and a module can rebuild its database without disturbing the others.
     */
    public static final String TEST_DB = "flextime_test_" + Path.of("").toAbsolutePath().getFileName().toString()
            .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_");

    private static volatile boolean ready;

    @Override
    public Map<String, String> start() {
        ensureRunning();
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + HOST + ":" + PG_PORT + "/" + TEST_DB,
                "quarkus.redis.hosts", "redis://" + HOST + ":" + REDIS_PORT,
                "kafka.bootstrap.servers", kafkaBootstrap(),
                "quarkus.s3.endpoint-override", "http://" + HOST + ":" + S3_PORT,
                "mp.jwt.verify.publickey.location", TestTokens.identity().jwks().toUri().toString(),
                "flextime.secrets.key-file", repoRoot().resolve(".flextime/keys/secrets.keys").toString());
    }

    @Override
    public void stop() {
        // The stack outlives the tests on purpose: the next module (and the developer) reuse it.
    }

    public static String kafkaBootstrap() {
        return HOST + ":" + KAFKA_PORT;
    }

    /** Starts the stack if any service is down, then creates and migrates the test database. */
    public static synchronized void ensureRunning() {
        if (ready) {
            return;
        }
        if (!allListening()) {
            runStackUp();
        }
        if (!allListening()) {
            throw new IllegalStateException("the local stack did not come up; see .flextime/logs and `./flextime stack status`");
        }
        TestDatabase.createIfMissing(TEST_DB);
        TestDatabase.migrateOrRebuild(TEST_DB);
        TestDatabase.backupRoleLogin();
        run("db", "template");
        ready = true;
    }

    static boolean allListening() {
        return List.of(PG_PORT, REDIS_PORT, KAFKA_PORT, S3_PORT).stream().allMatch(LocalStack::listening);
    }

    public static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void runStackUp() {
        run("stack", "up");
    }

    /**
     * A {@code ./flextime} command, e.g. {@code db template}: the restore template at the migrations'
     * version, built by the schema owner as in the deployment (rebuilt only when the migrations changed).
     */
    private static void run(String... command) {
        Path root = repoRoot();
        List<String> cmd = new java.util.ArrayList<>(List.of(root.resolve("flextime").toString()));
        cmd.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).directory(root.toFile()).inheritIO().start();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("`./flextime " + String.join(" ", command) + "` failed (exit "
                        + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./flextime " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The repository root: the nearest ancestor of the working directory holding the `flextime` script. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("flextime")) && Files.isDirectory(p.resolve("events"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with ./flextime) above " + dir);
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }
}
