package io.flextime.backup.store;

import io.quarkus.flyway.FlywayDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings a restore target or a scratch database to a backup's schema version with the project's own
 * migrations (the same ones `./flextime db migrate` applies). A backup is logical: it holds rows, and
 * the schema comes from the migrations of the version it records.
 */
@ApplicationScoped
public class SchemaMigrator {
    private final Flyway configured;
    private final OwnerDatabase db;

    public SchemaMigrator(@FlywayDataSource("backup") Flyway configured, OwnerDatabase db) {
        this.configured = configured;
        this.db = db;
    }

    public void migrate(String database, String version) {
        Flyway.configure(configured.getConfiguration().getClassLoader())
                .configuration(configured.getConfiguration())
                .dataSource(db.jdbcUrl(database), db.user(), db.password())
                .target(MigrationVersion.fromVersion(version))
                .load()
                .migrate();
    }

    /** The highest successfully applied migration version of a database, if it was ever migrated. */
    public static Optional<String> currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            ResultSet exists = s.executeQuery("SELECT to_regclass('public.flyway_schema_history') IS NOT NULL");
            exists.next();
            if (!exists.getBoolean(1)) {
                return Optional.empty();
            }
            ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL");
            MigrationVersion max = null;
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (max == null || v.compareTo(max) > 0) {
                    max = v;
                }
            }
            return Optional.ofNullable(max).map(MigrationVersion::getVersion);
        }
    }
}
