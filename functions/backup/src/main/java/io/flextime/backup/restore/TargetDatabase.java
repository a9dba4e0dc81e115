package io.flextime.backup.restore;

import io.flextime.backup.format.CopyText;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.format.TableEntry;
import io.flextime.backup.store.OwnerDatabase;
import io.flextime.backup.store.SchemaMigrator;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Prepares where a restore goes: the database at the backup's schema version, the tables empty. */
@ApplicationScoped
public class TargetDatabase {
    private static final String NAME = "[a-z_][a-z0-9_]{0,62}";
    private static final String UNFINISHED = "flextime restore in progress: ";

    /** How long a new database waits for the template being prepared at startup (migrating instead costs as much). */
    private static final long TEMPLATE_WAIT_MILLIS = 10_000;
    private static final Logger LOG = Logger.getLogger(TargetDatabase.class);

    private final OwnerDatabase db;
    private final SchemaMigrator migrator;
    private final TargetTemplates templates;

    public TargetDatabase(OwnerDatabase db, SchemaMigrator migrator, TargetTemplates templates) {
        this.db = db;
        this.migrator = migrator;
        this.templates = templates;
    }

    public static String requireName(String what, String name) {
        if (name == null || !name.matches(NAME)) {
            throw new ProblemException(Problem.badRequest("invalid-" + what, what + " '" + name
                    + "' must be lower-case letters, digits and underscores (max 63), starting with a letter or underscore"));
        }
        return name;
    }

    /**
     * Creates {@code database} for a restore that loads it on several connections: nobody but its owner
     * may connect until {@link #open} (a half-loaded database is not for readers), and a comment names
     * the unfinished restore, in case this process dies before it ends or drops it. False when the
     * database already exists (another restore just created it).
     */
    public boolean createForRestore(String database, String restoreId, String version) throws SQLException {
        requireName("targetDatabase", database);
        try {
            create(database, version);
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) { // duplicate_database
                return false;
            }
            throw e;
        }
        execute("REVOKE CONNECT ON DATABASE " + database + " FROM PUBLIC");
        execute("COMMENT ON DATABASE " + database + " IS '" + UNFINISHED + restoreId + "'");
        return true;
    }

    /** The restore into a database made by {@link #createForRestore} is complete: anyone may connect. */
    public void open(String database) throws SQLException {
        execute("COMMENT ON DATABASE " + requireName("targetDatabase", database) + " IS NULL");
        execute("GRANT CONNECT ON DATABASE " + database + " TO PUBLIC");
    }

    /** Creates the database if missing and brings it to {@code version}; refuses one at another version or with an unfinished restore. */
    public void prepareDatabase(String database, String version) throws SQLException {
        requireName("targetDatabase", database);
        if (!exists(database)) {
            create(database, version);
        }
        String unfinished = unfinishedRestore(database);
        if (unfinished != null) {
            throw new ProblemException(Problem.of(409, "target-restore-unfinished", "Target holds an unfinished restore",
                    "target database " + database + " was created by restore " + unfinished + ", which did not finish: drop it, "
                            + "or restore into another database"));
        }
        bringToVersion(database, version);
    }

    /** Migrates an empty database to {@code version}; refuses one at another version. */
    public void bringToVersion(String database, String version) throws SQLException {
        Optional<String> current;
        try (Connection c = db.connect(database)) {
            current = SchemaMigrator.currentVersion(c);
        }
        if (current.isEmpty()) {
            migrator.migrate(database, version);
        } else if (!current.get().equals(version)) {
            throw new ProblemException(Problem.of(409, "schema-version-mismatch", "Target at another schema version",
                    "target database " + database + " is at schema version " + current.get() + ", the backup needs " + version
                            + ": restore into a new database, or migrate this one to " + version));
        }
    }

    /** In the restore's transaction: creates a non-public schema from public's tables, then checks or empties them. */
    public void prepareTables(Connection c, String schema, Manifest full, boolean replace) throws SQLException {
        List<String> tables = full.tables().stream().map(TableEntry::name).toList();
        try (Statement s = c.createStatement()) {
            if (!"public".equals(schema)) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + CopyText.ident(schema));
                for (String t : tables) {
                    s.execute("CREATE TABLE IF NOT EXISTS " + CopyText.ident(schema) + "." + CopyText.ident(t) + " (LIKE public."
                            + CopyText.ident(t) + " INCLUDING ALL)");
                }
            }
            String qualified = tables.stream().map(t -> CopyText.ident(schema) + "." + CopyText.ident(t))
                    .collect(Collectors.joining(", "));
            if (replace) {
                s.execute("TRUNCATE " + qualified);
                return;
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT FROM " + CopyText.ident(schema) + "." + CopyText.ident(t) + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        throw new ProblemException(Problem.of(409, "target-not-empty", "Target not empty", "table " + schema + "."
                                + t + " in the target already has rows: restore into an empty database, or pass replace=true"));
                    }
                }
            }
        }
    }

    /**
     * Creates {@code database} as a copy of the restore template when one is ready at {@code version}
     * (then {@link #bringToVersion} has nothing to do), else empty; a template that cannot be copied
     * (dropped, in use) falls back to an empty database.
     */
    private void create(String database, String version) throws SQLException {
        Optional<String> template = templates.forVersion(version, TEMPLATE_WAIT_MILLIS);
        if (template.isPresent()) {
            try {
                execute("CREATE DATABASE " + database + " TEMPLATE " + template.get());
                return;
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState())) { // duplicate_database: for the caller
                    throw e;
                }
                LOG.infof("restore template %s not usable, %s is migrated instead: %s", template.get(), database, e.getMessage());
            }
        }
        execute("CREATE DATABASE " + database);
    }

    private String unfinishedRestore(String database) throws SQLException {
        try (Connection c = db.connect(db.database());
                PreparedStatement ps = c.prepareStatement("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                String comment = rs.next() ? rs.getString(1) : null;
                return comment != null && comment.startsWith(UNFINISHED) ? comment.substring(UNFINISHED.length()) : null;
            }
        }
    }

    public Connection connect(String database) throws SQLException {
        return db.connect(database);
    }

    public boolean exists(String database) throws SQLException {
        try (Connection c = db.connect(db.database());
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void drop(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + requireName("database", database) + " WITH (FORCE)");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.connect(db.database()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
