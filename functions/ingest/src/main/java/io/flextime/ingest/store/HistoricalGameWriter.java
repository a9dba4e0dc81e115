package io.flextime.ingest.store;

import io.flextime.core.model.HistoricalGame;
import io.flextime.ingest.format.HistoricalGameRows;
import io.flextime.core.format.Problems;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Streams historical games into PostgreSQL inside the version's transaction: rows are collected into
 * column arrays of {@code batchRows} and inserted with one {@code INSERT ... SELECT FROM unnest(...)}
 * per batch (one round trip, one plan, no per-row statements). Up to {@link #IN_FLIGHT} batches are
 * pipelined on the connection while the next one is parsed, so reading and writing overlap and the
 * server always has work; memory stays bounded (IN_FLIGHT + 1 batches). Runs on a worker thread: it
 * blocks when the pipeline is full.
 */
public final class HistoricalGameWriter {
    private static final String SQL = "INSERT INTO historical_game (version_id, tenant, row_number, season, game_date, "
            + "home_team, away_team, home_score, away_score, venue_id, neutral) SELECT $1, $2, * FROM unnest($3::bigint[], "
            + "$4::text[], $5::date[], $6::text[], $7::text[], $8::int[], $9::int[], $10::text[], $11::bool[])";

    static final int IN_FLIGHT = 2;

    private final SqlConnection conn;
    private final UUID versionId;
    private final String tenant;
    private final int batchRows;
    private Batch batch;
    private final java.util.ArrayDeque<CompletableFuture<?>> inFlight = new java.util.ArrayDeque<>();
    private long written;

    public HistoricalGameWriter(SqlConnection conn, UUID versionId, String tenant, int batchRows) {
        this.conn = conn;
        this.versionId = versionId;
        this.tenant = tenant;
        this.batchRows = batchRows;
        this.batch = new Batch(batchRows);
    }

    /** Writes every row; returns the number written. Bad rows are collected in {@code problems}. */
    public long writeAll(HistoricalGameRows rows, Problems problems) throws IOException {
        rows.forEach(problems, g -> {
            if (problems.isEmpty()) {
                add(g);
            }
        });
        flush();
        while (!inFlight.isEmpty()) {
            await(inFlight.poll());
        }
        return written;
    }

    private void add(HistoricalGame g) {
        batch.add(g);
        if (batch.size == batchRows) {
            flush();
        }
    }

    private void flush() {
        if (batch.size == 0) {
            return;
        }
        while (inFlight.size() >= IN_FLIGHT) {
            await(inFlight.poll());
        }
        Batch b = batch;
        batch = new Batch(batchRows);
        inFlight.add(conn.preparedQuery(SQL).execute(b.tuple(versionId, tenant)).subscribeAsCompletionStage());
        written += b.size;
    }

    private static void await(CompletableFuture<?> f) {
        try {
            f.get(Duration.ofMinutes(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("a historical-games batch took more than 5 minutes", e);
        }
    }

    private static final class Batch {
        final Long[] row;
        final String[] season;
        final LocalDate[] date;
        final String[] home;
        final String[] away;
        final Integer[] homeScore;
        final Integer[] awayScore;
        final String[] venue;
        final Boolean[] neutral;
        int size;

        Batch(int n) {
            row = new Long[n];
            season = new String[n];
            date = new LocalDate[n];
            home = new String[n];
            away = new String[n];
            homeScore = new Integer[n];
            awayScore = new Integer[n];
            venue = new String[n];
            neutral = new Boolean[n];
        }

        void add(HistoricalGame g) {
            row[size] = g.rowNumber();
            season[size] = g.season();
            date[size] = g.date();
            home[size] = g.homeTeam();
            away[size] = g.awayTeam();
            homeScore[size] = g.homeScore();
            awayScore[size] = g.awayScore();
            venue[size] = g.venueId();
            neutral[size] = g.neutral();
            size++;
        }

        Tuple tuple(UUID versionId, String tenant) {
            return Tuple.from(new Object[] {versionId, tenant, trim(row), trim(season), trim(date), trim(home), trim(away),
                    trim(homeScore), trim(awayScore), trim(venue), trim(neutral)});
        }

        private <T> T[] trim(T[] a) {
            return size == a.length ? a : java.util.Arrays.copyOf(a, size);
        }
    }
}
