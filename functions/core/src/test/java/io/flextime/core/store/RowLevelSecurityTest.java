package io.flextime.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The app role sees only the rows of the tenant its transaction is scoped to. */
class RowLevelSecurityTest {
    static final String A = "rls-a-" + UUID.randomUUID().toString().substring(0, 6);
    static final String B = "rls-b-" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void stack() {
        LocalStack.ensureRunning();
    }

    @Test
    void aTenantCannotReadAnotherTenantsRows() throws Exception {
        try (Connection c = TestDatabase.app(LocalStack.TEST_DB)) {
            c.setAutoCommit(false);
            scope(c, A);
            insertDataset(c, A, "season-a");
            c.commit();

            scope(c, B);
            assertEquals(0, count(c, "SELECT count(*) FROM dataset WHERE tenant = '" + A + "'"),
                    "tenant B reads none of tenant A's rows, even when asking for them by tenant");
            c.commit();

            scope(c, A);
            assertEquals(1, count(c, "SELECT count(*) FROM dataset WHERE tenant = '" + A + "'"));
            c.commit();
        }
    }

    @Test
    void withoutATenantNothingIsVisible() throws Exception {
        try (Connection c = TestDatabase.app(LocalStack.TEST_DB)) {
            c.setAutoCommit(false);
            scope(c, A);
            insertDataset(c, A, "season-" + UUID.randomUUID());
            c.commit();
            assertEquals(0, count(c, "SELECT count(*) FROM dataset"), "no tenant in scope: no rows");
            c.rollback();
        }
    }

    @Test
    void writingRowsOfAnotherTenantIsRefused() throws Exception {
        try (Connection c = TestDatabase.app(LocalStack.TEST_DB)) {
            c.setAutoCommit(false);
            scope(c, B);
            SQLException e = assertThrows(SQLException.class, () -> insertDataset(c, A, "sneaky"));
            assertEquals("42501", e.getSQLState(), "violates the row-level security policy");
            c.rollback();
        }
    }

    static void scope(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('flextime.tenant', ?, true)")) {
            s.setString(1, tenant);
            s.execute();
        }
    }

    static void insertDataset(Connection c, String tenant, String season) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO dataset (id, tenant, season) VALUES (?, ?, ?)")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, tenant);
            s.setString(3, season);
            s.executeUpdate();
        }
    }

    static int count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
