package io.flextime.core.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** JDBC access as the schema owner, for test set-up and for assertions that must bypass RLS. */
public final class TestDatabase {
    public static final String OWNER = "flextime";
    public static final String OWNER_PASSWORD = "flextime";
    public static final String APP = "flextime_app";
    public static final String APP_PASSWORD = "flextime_app";

    private TestDatabase() {
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + LocalStack.HOST + ":" + LocalStack.PG_PORT + "/" + database;
    }

    public static Connection owner(String database) throws SQLException {
        return connect(database, OWNER, OWNER_PASSWORD);
    }

    public static Connection app(String database) throws SQLException {
        return connect(database, APP, APP_PASSWORD);
    }

    // The driver directly, not DriverManager: under Quarkus' test class loaders DriverManager may not
    // see a driver registered by another loader ("No suitable driver").
    private static Connection connect(String database, String user, String password) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return new org.postgresql.Driver().connect(jdbcUrl(database), props);
    }

    public static Connection owner() throws SQLException {
        return owner(LocalStack.TEST_DB);
    }

    public static void createIfMissing(String database) {
        try (Connection c = owner("postgres"); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database + " OWNER " + OWNER);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created concurrently
                throw new IllegalStateException("cannot create database " + database, e);
            }
        }
    }

    /** The backup role (created by migration V71) logs in with the local stack's password. */
    public static void backupRoleLogin() {
        try (Connection c = owner("postgres"); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE flextime_backup LOGIN PASSWORD 'flextime_backup'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot give the backup role its login", e);
        }
    }

    public static void drop(String database) {
        try (Connection c = owner("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database, e);
        }
    }

    /**
     * Migrates a test database; if its history no longer matches the migrations (one was edited while
     * being developed), the test database is dropped and rebuilt from scratch. Test databases only.
     */
    public static void migrateOrRebuild(String database) {
        try {
            migrate(database);
        } catch (org.flywaydb.core.api.exception.FlywayValidateException e) {
            drop(database);
            createIfMissing(database);
            migrate(database);
        }
    }

    /** Applies the project's migrations (functions/core/src/main/resources/db/migration) as the owner. */
    public static MigrateResult migrate(String database) {
        return Flyway.configure()
                .dataSource(jdbcUrl(database), OWNER, OWNER_PASSWORD)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
    }
}
