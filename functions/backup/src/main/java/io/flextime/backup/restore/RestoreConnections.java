package io.flextime.backup.restore;

import io.flextime.backup.format.CopyText;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections a chain is loaded on, and when they commit. Two ways, because all-or-nothing has
 * two forms:
 * <ul>
 * <li>{@link #oneTransaction}: one connection, one transaction that the caller commits or rolls back
 * (restores into an existing database, verification);</li>
 * <li>{@link #newDatabase}: several connections into a database this restore created, each step
 * committed so the next can run on other connections (loaded rows must be visible to the index
 * builds); a failure drops the whole database, so nothing is left either way.</li>
 * </ul>
 * Every transaction runs with {@code session_replication_role = replica} (no foreign-key checks, no
 * change capture), the COPY text settings, and {@code maintenance_work_mem} for the index sorts.
 */
public final class RestoreConnections {
    private static final String INDEX_BUILD_MEMORY = "256MB";

    /** Work on one connection. */
    interface Task<T> {
        void run(Connection c, T item) throws SQLException;
    }

    private final List<Connection> connections;
    private final boolean commitSteps;

    private RestoreConnections(List<Connection> connections, boolean commitSteps) {
        this.connections = List.copyOf(connections);
        this.commitSteps = commitSteps;
    }

    public static RestoreConnections oneTransaction(Connection c) {
        return new RestoreConnections(List.of(c), false);
    }

    public static RestoreConnections newDatabase(List<Connection> connections) {
        return new RestoreConnections(connections, true);
    }

    Connection first() {
        return connections.get(0);
    }

    List<Connection> all() {
        return connections;
    }

    /** Connections {@code [from, to)} of these, committing the same way. */
    RestoreConnections slice(int from, int to) {
        return new RestoreConnections(connections.subList(from, to), commitSteps);
    }

    /** Applies the settings to the transaction each connection is in (autocommit off). */
    void begin() throws SQLException {
        for (Connection c : connections) {
            begin(c);
        }
    }

    private static void begin(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL session_replication_role = replica");
            for (String set : CopyText.SESSION) {
                s.execute(set);
            }
            // index builds sort in memory and use the server's parallel maintenance workers
            s.execute("SET LOCAL maintenance_work_mem = '" + INDEX_BUILD_MEMORY + "'");
        }
    }

    /** The end of a step: in a new database every connection commits (and begins again); in one transaction nothing happens. */
    void stepDone() throws SQLException {
        if (commitSteps) {
            for (Connection c : connections) {
                c.commit();
                begin(c);
            }
        }
    }

    /**
     * Runs the tasks in order, each connection taking the next one when it is free; in a new database
     * each task commits (its locks go), in one transaction they run one after another. The first
     * failure stops the others from starting more and is thrown.
     */
    <T> void runEach(List<T> items, Task<T> task) throws SQLException, IOException {
        if (connections.size() == 1 || items.size() < 2) {
            for (T item : items) {
                task.run(first(), item);
                stepDone();
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        ConnectionThreads.onEach(connections, "restore-build", c -> {
            for (int i = next.getAndIncrement(); i < items.size() && !failed.get(); i = next.getAndIncrement()) {
                task.run(c, items.get(i));
                c.commit();
                begin(c);
            }
        }, () -> failed.set(true));
    }
}
