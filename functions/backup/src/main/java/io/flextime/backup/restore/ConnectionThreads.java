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

/** Runs pieces of work (one per connection, or any) each on its own thread, waits for all, and throws the first failure. */
final class ConnectionThreads {
    /** The work of one connection. */
    interface Work {
        void run(Connection c) throws SQLException, IOException;
    }

    /** Work that needs no particular connection passed in. */
    interface Task {
        void run() throws SQLException, IOException;
    }

    private ConnectionThreads() {
    }

    /** {@code onFirstFailure} runs once, as soon as a failure is seen, so the other threads can stop early. */
    static void onEach(List<Connection> connections, String name, Work work, Runnable onFirstFailure) throws SQLException, IOException {
        together(name, connections.stream().map(c -> (Task) () -> work.run(c)).toList(), onFirstFailure);
    }

    /** Runs every task on its own thread; {@code onFirstFailure} as in {@link #onEach}. */
    static void together(String name, List<Task> tasks, Runnable onFirstFailure) throws SQLException, IOException {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (Task task : tasks) {
                running.add(threads.submit(() -> {
                    task.run();
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
