package io.flextime.core.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.security.Role;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The authorization matrix of one function, generated from the {@link Door} table: every door × no token
 * and every role × own/other tenant, each call checked for its status (2xx / 401 / 403) and its audit
 * record (one per refusal; at least one {@code ok} record per allowed mutation, same correlation id).
 *
 * <p>Own tenant: a tenant door called with a token of the test tenant, the body naming it; a platform
 * door with a token of the platform tenant. Other tenant: a tenant door with the body naming another
 * tenant than the token's; a platform door with a conference tenant's token. A module gives, per door,
 * how to build a body naming a tenant ({@link Body}); a door without one fails the matrix.
 */
public final class DoorMatrix {
    public static final String OTHER_TENANT = "matrix-other";

    /**
     * A door's request body naming {@code tenant} (in a {@code tenant} field, an object key, ...); events
     * in it carry {@code correlationId}, so that their audit records can be found. Null for a door that
     * takes no input.
     */
    @FunctionalInterface
    public interface Body {
        Object of(String tenant, String correlationId);
    }

    private DoorMatrix() {
    }

    /** The dynamic tests of {@code function}'s doors; {@code tenant} is the (registered) own tenant. */
    public static Stream<DynamicTest> of(String function, String tenant, Map<Door, Body> bodies) {
        TestTokens.register(tenant);
        List<DynamicTest> tests = new ArrayList<>();
        for (Door door : Door.of(function)) {
            Body body = bodies.get(door);
            if (body == null) {
                tests.add(DynamicTest.dynamicTest(door.door() + ": has a sample body",
                        () -> fail(door.door() + " has no sample body in this module's matrix test")));
                continue;
            }
            tests.add(DynamicTest.dynamicTest(door.door() + " × no token → 401", () -> call(door, null, null, body, tenant)));
            for (Role role : Role.values()) {
                for (boolean own : new boolean[] {true, false}) {
                    int expected = expected(door, role, own);
                    tests.add(DynamicTest.dynamicTest(door.door() + " × " + role.claim() + " × " + (own ? "own" : "other")
                            + " tenant → " + (expected == 200 ? "2xx" : expected), () -> call(door, role, own, body, tenant)));
                }
            }
        }
        return tests.stream();
    }

    /** 403 for a role the door does not take, or for the other tenant; 2xx (written 200) otherwise. */
    public static int expected(Door door, Role role, boolean own) {
        return !door.roles().contains(role) || !own ? 403 : 200;
    }

    private static void call(Door door, Role role, Boolean own, Body body, String tenant) {
        String correlationId = "matrix-" + UUID.randomUUID();
        boolean platform = door.scope() == Door.Scope.PLATFORM;
        String tokenTenant = platform && Boolean.TRUE.equals(own) ? TestTokens.PLATFORM : tenant;
        String named = !platform && Boolean.FALSE.equals(own) ? OTHER_TENANT : tokenTenant;
        Object payload = body.of(named, correlationId);
        RequestSpecification request = given().header("X-Correlation-Id", correlationId).contentType(ContentType.JSON);
        if (payload != null) {
            request.body(payload);
        }
        if (role != null) {
            request.header(TestTokens.auth(tokenTenant, role));
        }
        Response response = request.post("/" + door.door());
        int expected = role == null ? 401 : expected(door, role, own);
        String what = door.door() + " as " + (role == null ? "nobody" : role.claim() + " of " + tokenTenant) + " naming "
                + named + ": " + response.asString();
        if (expected == 200) {
            assertTrue(response.statusCode() >= 200 && response.statusCode() < 300, "expected 2xx, got "
                    + response.statusCode() + " — " + what);
        } else {
            assertEquals(expected, response.statusCode(), what);
            assertEquals("application/problem+json", response.contentType().split(";")[0], what);
        }
        // Refusals and mutations leave a record (most synchronously); an allowed read leaves none to wait for.
        List<AuditRows.Row> rows = expected == 200 && !door.mutating() ? AuditRows.byCorrelation(correlationId)
                : AuditRows.awaitByCorrelation(correlationId, 1, Duration.ofSeconds(5));
        if (expected != 200) {
            assertEquals(1, rows.size(), "one audit record of the refusal — " + what + " — " + rows);
            AuditRows.Row row = rows.get(0);
            assertEquals(List.of(door.door(), "refused", expected), List.of(row.action(), row.outcome(), row.status()),
                    what + " — " + row);
        } else if (door.mutating()) {
            // In the trail of the tenant acted on: the token's, or for a platform door the tenants in its events.
            assertTrue(rows.stream().anyMatch(r -> r.outcome().equals("ok")),
                    "an ok audit record of the allowed mutation — " + what + " — " + rows);
        } else {
            assertTrue(rows.stream().noneMatch(r -> r.outcome().equals("refused")), what + " — " + rows);
        }
    }

    /**
     * Every {@code @Funq} method of the module (compiled classes under {@code target/classes}) carries a
     * {@link Guard} naming the row of this function with the method's {@code @Funq} name, and every row of
     * this function has such a method.
     */
    public static void assertEveryFunqGuarded(String function) {
        Set<String> guarded = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Method m : funqMethods()) {
            String name = funqName(m);
            Guard guard = m.getAnnotation(Guard.class);
            if (guard == null || guard.value().length != 1) {
                problems.add(m.getDeclaringClass().getSimpleName() + "#" + m.getName() + " (@Funq " + name
                        + ") has no @Guard(Door.…)");
                continue;
            }
            Door door = guard.value()[0];
            if (!door.function().equals(function) || !door.door().equals(name)) {
                problems.add("@Funq " + name + " is guarded by " + door + " (" + door.function() + "/" + door.door() + ")");
            }
            guarded.add(door.door());
        }
        for (Door door : Door.of(function)) {
            if (!guarded.contains(door.door())) {
                problems.add(door + " has no @Funq " + door.door() + " in " + function);
            }
        }
        assertEquals(List.of(), problems, "the Door table and the @Funq methods agree");
    }

    private static List<Method> funqMethods() {
        Path classes = Path.of("target", "classes");
        List<Method> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                Arrays.stream(type.getDeclaredMethods()).filter(m -> funq(m) != null).forEach(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Annotation funq(Method m) {
        return Arrays.stream(m.getAnnotations()).filter(a -> a.annotationType().getName().equals("io.quarkus.funqy.Funq"))
                .findFirst().orElse(null);
    }

    private static String funqName(Method m) {
        try {
            Annotation a = funq(m);
            String value = (String) a.annotationType().getMethod("value").invoke(a);
            return value == null || value.isEmpty() ? m.getName() : value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
