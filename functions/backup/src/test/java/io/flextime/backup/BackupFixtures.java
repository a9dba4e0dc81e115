package io.flextime.backup;

import io.flextime.core.audit.Actor;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Test data in the project's own tables, and an order-independent fingerprint of every table. */
public final class BackupFixtures {
    public static final String BUCKET = "flextime-backups";
    public static final String PREFIX = "test-backups/";

    private BackupFixtures() {
    }

    /** Who a test's backup, restore or verification is recorded as, in run {@code correlationId}. */
    public static Actor actor(String correlationId) {
        return Actor.function("backup", "test", correlationId);
    }

    /**
     * Empties the project tables, the catalog, the change log, the jobs and the test prefix of the bucket,
     * once the jobs an earlier test left running have ended.
     */
    public static void reset(ObjectStore store) throws SQLException {
        awaitNoActiveJobs();
        try (Connection c = TestDatabase.owner(); Statement s = c.createStatement()) {
            List<String> tables = projectTables(c);
            c.setAutoCommit(false);
            s.execute("SET LOCAL session_replication_role = replica"); // the audit trail refuses TRUNCATE otherwise
            s.execute("TRUNCATE " + String.join(", ", tables) + ", backup_run, backup_change_log, backup_change_txn, backup_job");
            c.commit();
        }
        store.list(BUCKET, PREFIX).forEach(o -> store.delete(BUCKET, o.key()));
    }

    /** Waits (up to 5 minutes) until no job is queued, or running with a live lease. */
    public static void awaitNoActiveJobs() throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (true) {
            try (Connection c = TestDatabase.owner(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM backup_job WHERE state = 'QUEUED' "
                            + "OR (state = 'RUNNING' AND lease_until > now())")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("backup jobs still active after 5 minutes");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Polls backupJob until the job has ended (up to 5 minutes); its last answer. */
    public static io.restassured.path.json.JsonPath awaitJob(io.restassured.http.Header operator, String jobId) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (true) {
            io.restassured.path.json.JsonPath job = io.restassured.RestAssured.given().header(operator)
                    .contentType(io.restassured.http.ContentType.JSON).body(Map.of("jobId", jobId)).post("/backupJob")
                    .then().statusCode(200).extract().jsonPath();
            String state = job.getString("state");
            if ("SUCCEEDED".equals(state) || "FAILED".equals(state)) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " still " + state + " after 5 minutes: " + job.prettify());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Starts a job at {@code door} (202 expected) and waits for it; its last answer. */
    public static io.restassured.path.json.JsonPath job(io.restassured.http.Header operator, String door, Object body) {
        String jobId = io.restassured.RestAssured.given().header(operator).contentType(io.restassured.http.ContentType.JSON)
                .body(body).post("/" + door).then().statusCode(202).extract().path("jobId");
        return awaitJob(operator, jobId);
    }

    public static List<String> projectTables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' "
                + "AND backup_is_captured(c.oid) ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** table → "count:md5 of the rows' text, sorted" (independent of physical order). */
    public static Map<String, String> fingerprint(String database) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = TestDatabase.owner(database); Statement s = c.createStatement()) {
            for (String t : projectTables(c)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, E'\\n' ORDER BY x::text)), '') FROM "
                        + t + " x")) {
                    rs.next();
                    out.put(t, rs.getString(1));
                }
            }
        }
        return out;
    }

    public static Map<String, String> fingerprint() throws SQLException {
        return fingerprint(LocalStack.TEST_DB);
    }

    /**
     * Historical games {@code first..last} of {@code version} (tenant big12), row number i, home team the
     * SQL expression {@code homeTeam} of i (the width of the row), home score i % 90.
     */
    public static void historicalGames(Statement s, UUID version, int first, int last, String homeTeam) throws SQLException {
        s.execute("INSERT INTO historical_game (version_id, tenant, row_number, season, game_date, home_team, away_team, "
                + "home_score, away_score, venue_id, neutral) SELECT '" + version + "', 'big12', i, '2024-25', "
                + "date '2024-11-01' + i % 120, " + homeTeam + ", 'Away ' || i, i % 90, 60, 'V1', false "
                + "FROM generate_series(" + first + ", " + last + ") i");
    }

    /** A dataset version with {@code teams} teams whose text holds tabs, newlines, backslashes, quotes and NULLs. */
    public static UUID seedVersion(Connection c, String tenant, String season, int teams) throws SQLException {
        UUID dataset = UUID.randomUUID();
        UUID version = UUID.randomUUID();
        try (PreparedStatement d = c.prepareStatement("INSERT INTO dataset (id, tenant, season) VALUES (?, ?, ?)")) {
            d.setObject(1, dataset);
            d.setString(2, tenant);
            d.setString(3, season);
            d.executeUpdate();
        }
        try (PreparedStatement v = c.prepareStatement("INSERT INTO dataset_version (id, tenant, dataset_id, version_number, checksum, "
                + "source_format, name, format, objective_weights, counts, season_start) VALUES (?, ?, ?, 1, ?, 'json', ?, "
                + "'{\"rounds\": 2}', '{\"travel\": 1.5}', ?::jsonb, date '2025-11-03')")) {
            v.setObject(1, version);
            v.setString(2, tenant);
            v.setObject(3, dataset);
            v.setString(4, UUID.randomUUID().toString());
            v.setString(5, "Season " + season + " \"quoted\"\ttab\\backslash\nnewline é");
            v.setString(6, "{\"teams\": " + teams + "}");
            v.executeUpdate();
        }
        try (PreparedStatement t = c.prepareStatement("INSERT INTO team (version_id, tenant, team_id, position, name, venue_id, "
                + "time_zone, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            for (int i = 0; i < teams; i++) {
                t.setObject(1, version);
                t.setString(2, tenant);
                t.setString(3, "T" + i);
                t.setInt(4, i);
                t.setString(5, "Team " + i + (i % 3 == 0 ? "\r\n\\N literal" : ""));
                t.setString(6, i % 2 == 0 ? null : "V" + i);
                t.setString(7, "America/Chicago");
                t.setString(8, "{\"note\": \"a\\tb\", \"n\": " + (i * 0.1) + "}");
                t.addBatch();
            }
            t.executeBatch();
        }
        try (PreparedStatement v = c.prepareStatement("INSERT INTO venue (version_id, tenant, venue_id, name, latitude, longitude, "
                + "capacity) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            v.setObject(1, version);
            v.setString(2, tenant);
            v.setString(3, "V1");
            v.setString(4, "Arena");
            v.setDouble(5, 30.2849185);
            v.setDouble(6, -97.7340567);
            v.setObject(7, null);
            v.executeUpdate();
        }
        return version;
    }

    /** Every constraint and index of the public tables, as definitions (sorted): what a restore must leave as it found. */
    public static List<String> keysAndIndexes(Connection c) throws SQLException {
        List<String> defs = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' valid=' || c.convalidated "
                        + "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                        + "WHERE n.nspname = 'public' UNION ALL SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
                        + "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' "
                        + "ORDER BY 1")) {
            while (rs.next()) {
                defs.add(rs.getString(1));
            }
        }
        return defs;
    }
}
