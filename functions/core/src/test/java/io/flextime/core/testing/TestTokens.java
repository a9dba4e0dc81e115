package io.flextime.core.testing;

import io.flextime.core.security.Role;
import io.flextime.tools.LocalIdentity;
import io.restassured.http.Header;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Tokens for tests, signed by the local stack's identity provider ({@code .flextime/identity}, the key the
 * functions under test trust: {@link LocalStack} points {@code mp.jwt.verify.publickey.location} at its
 * JWKS). Asking for a tenant's token registers the tenant in the module's test database.
 */
public final class TestTokens {
    public static final String PLATFORM = "flextime";
    private static volatile LocalIdentity identity;

    private TestTokens() {
    }

    public static LocalIdentity identity() {
        if (identity == null) {
            synchronized (TestTokens.class) {
                if (identity == null) {
                    identity = LocalIdentity.open(dir());
                }
            }
        }
        return identity;
    }

    public static Path dir() {
        return LocalStack.repoRoot().resolve(".flextime/identity");
    }

    /** A well-formed, unexpired token of a (registered) tenant with these roles. */
    public static String token(String tenant, Role... roles) {
        register(tenant);
        return identity().token("test@" + tenant, tenant, claims(roles)).sign();
    }

    /** {@code Authorization: Bearer <token>} for RestAssured: {@code given().header(TestTokens.auth(t, SCHEDULER))}. */
    public static Header auth(String tenant, Role... roles) {
        return new Header("Authorization", "Bearer " + token(tenant, roles));
    }

    /** A platform operator: backups, restores, schedules, event batches. */
    public static Header operator() {
        return auth(PLATFORM, Role.OPERATOR);
    }

    public static List<String> claims(Role... roles) {
        return Arrays.stream(roles).map(Role::claim).toList();
    }

    /** Registers a tenant in the module's test database (what `./flextime token` does on the local stack). */
    public static void register(String tenant) {
        try (Connection c = TestDatabase.owner();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO tenant (id, created_by) VALUES (?, 'tests') ON CONFLICT (id) DO NOTHING")) {
            s.setString(1, tenant);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register tenant " + tenant, e);
        }
    }
}
