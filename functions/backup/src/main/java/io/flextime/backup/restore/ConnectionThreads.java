package io.flextime.backup.restore;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one piece of work per connection, each on its own thread, waits for all, and throws the first failure. */
final class ConnectionThreads {
    /** The work of one connection. */
    interface Work {
        void run(Connection c) throws SQLException, IOException;
    }

    private ConnectionThreads() {
    }

    /** {@code onFirstFailure} runs once, as soon as a failure is seen, so the other threads can stop early. */
    static void onEach(List<Connection> connections, String name, Work work, Runnable onFirstFailure) throws SQLException, IOException {
        ExecutorService threads = Executors.newFixedThreadPool(connections.size(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (Connection c : connections) {
                running.add(threads.submit(() -> {
                    work.run(c);
                    return null;
                }));
            }
            Throwable first = null;
            for (Future<Void> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                        onFirstFailure.run();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    onFirstFailure.run();
                    throw new InterruptedIOException("restore interrupted");
                }
            }
            if (first instanceof SQLException sql) {
                throw sql;
            } else if (first != null) {
                rethrow(first);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Throws {@code failure} as the IOException, RuntimeException or Error it is; anything else inside an IOException. */
    static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        } else if (failure instanceof RuntimeException re) {
            throw re;
        } else if (failure instanceof Error err) {
            throw err;
        }
        throw new IOException(failure);
    }
}
