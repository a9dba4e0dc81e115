package io.flextime.backup.restore;

import io.flextime.backup.format.CopyText;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.format.TableEntry;
import io.flextime.backup.store.BackupDatabase;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a restore goes: a new database named {@code flextime_restore_*}, never the live one nor any
 * other existing database (promoting a restore is a runbook step: functions/backup/README.md). Also the
 * verification's scratch databases. Both are copies of the restore template at the backup's schema
 * version ({@link TargetTemplates}).
 */
@ApplicationScoped
public class TargetDatabase {
    public static final String RESTORE_PREFIX = "flextime_restore_";
    private static final String NAME = "[a-z_][a-z0-9_]{0,62}";
    private static final String UNFINISHED = "flextime restore in progress: ";

    private final BackupDatabase db;
    private final TargetTemplates templates;

    public TargetDatabase(BackupDatabase db, TargetTemplates templates) {
        this.db = db;
        this.templates = templates;
    }

    public static String requireName(String what, String name) {
        if (name == null || !name.matches(NAME)) {
            throw new ProblemException(Problem.badRequest("invalid-" + what, what + " '" + name
                    + "' must be lower-case letters, digits and underscores (max 63), starting with a letter or underscore"));
        }
        return name;
    }

    /** A restore target: {@code flextime_restore_<suffix>}, not the live database. */
    public String requireRestoreTarget(String name) {
        requireName("targetDatabase", name);
        if (name.equals(db.database())) {
            throw new ProblemException(Problem.of(403, "live-database", "Forbidden", "a restore never goes into the live "
                    + "database " + name + ": restore into a new " + RESTORE_PREFIX + "* database, then promote it (README runbook)"));
        }
        if (!name.startsWith(RESTORE_PREFIX) || name.length() == RESTORE_PREFIX.length()) {
            throw new ProblemException(Problem.badRequest("invalid-targetDatabase", "targetDatabase '" + name
                    + "': restores go into new databases named " + RESTORE_PREFIX + "<suffix>"));
        }
        return name;
    }

    /**
     * Creates {@code database} for a restore that loads it on several connections: nobody but its owner
     * may connect until {@link #open} (a half-loaded database is not for readers), and a comment names
     * the unfinished restore, in case this process dies before it ends or drops it. False when the
     * database already exists (a restore never loads into an existing database).
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

    /** A scratch database (verification) at {@code version}. */
    public void createScratch(String database, String version) throws SQLException {
        create(requireName("database", database), version);
    }

    /**
     * In the restore's first transaction: empties the copied tables (the migrations seed some rows, e.g.
     * the platform tenant; the restore makes the backup's rows, no others), with the triggers off (the
     * audit trail refuses a TRUNCATE otherwise), and for a non-public schema creates it from public's
     * tables (side-by-side inspection).
     */
    public void prepareTables(Connection c, String schema, Manifest full) throws SQLException {
        List<String> tables = full.tables().stream().map(TableEntry::name).toList();
        try (Statement s = c.createStatement()) {
            if ("public".equals(schema)) {
                s.execute("SET LOCAL session_replication_role = replica");
                s.execute("TRUNCATE " + tables.stream().map(t -> "public." + CopyText.ident(t)).collect(Collectors.joining(", ")));
                return;
            }
            s.execute("CREATE SCHEMA IF NOT EXISTS " + CopyText.ident(schema));
            for (String t : tables) {
                s.execute("CREATE TABLE IF NOT EXISTS " + CopyText.ident(schema) + "." + CopyText.ident(t) + " (LIKE public."
                        + CopyText.ident(t) + " INCLUDING ALL)");
            }
        }
    }

    /**
     * After the load: every sequence of a restored column (identity or serial) continues after the
     * largest restored value, so the database can take new rows once promoted.
     */
    public void advanceSequences(Connection c, String schema) throws SQLException {
        List<String> statements = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT format('SELECT setval(%L, coalesce((SELECT max(%I) FROM %I.%I), 0) + 1, "
                + "false)', pg_get_serial_sequence(format('%I.%I', n.nspname, t.relname), a.attname), a.attname, n.nspname, t.relname) "
                + "FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "WHERE n.nspname = ? AND t.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
                + "AND pg_get_serial_sequence(format('%I.%I', n.nspname, t.relname), a.attname) IS NOT NULL")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statements.add(rs.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** A copy of the restore template at {@code version}; without one, a clear problem naming the command that builds it. */
    private void create(String database, String version) throws SQLException {
        String template = templates.forVersion(version).orElseThrow(() -> new ProblemException(Problem.of(409,
                "no-restore-template", "No restore template", "there is no restore template at schema version " + version
                        + " (database " + TargetTemplates.name(version) + "): the schema owner builds it with "
                        + "`./flextime db template --version " + version + "`")));
        execute("CREATE DATABASE " + database + " TEMPLATE " + template);
    }

    public Connection connect(String database) throws SQLException {
        return db.connect(database);
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
