package io.flextime.validate.store;

import io.flextime.core.store.TenantDb;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Row checks of a version's historical games, computed by PostgreSQL where the rows are: a handful of
 * aggregate scans instead of streaming a million rows to the function. Each query runs in its own
 * transaction, so they run in parallel on separate connections.
 */
@ApplicationScoped
public class HistoricalGameStats {
    /** Count and first offending row of one row check (team twice on a date: team/date pairs, not rows). */
    public record Hits(long rows, Long firstRow) {
        static Hits of(Row r, int countCol, int firstCol) {
            return new Hits(r.getLong(countCol), r.getLong(firstCol));
        }
    }

    /** Everything the history findings need. */
    public record Stats(long rows, Hits blankTeam, Hits sameTeam, Hits negativeScore, Hits dateRange, long missingScores,
            Hits missingScore, Double meanTotal, Double sdTotal, Hits duplicates, Hits teamTwiceOnDate, Hits outliers) {
    }

    static final String BLANK = "(btrim(home_team) = '' OR btrim(away_team) = '')";
    static final String SAME = "(home_team = away_team AND btrim(home_team) <> '')";
    static final String NEGATIVE = "(home_score < 0 OR away_score < 0)";
    static final String DATE = "(game_date < DATE '1850-01-01' OR game_date > $2)";

    private final TenantDb db;

    public HistoricalGameStats(TenantDb db) {
        this.db = db;
    }

    static Uni<Row> aggregates(SqlConnection conn, UUID version, LocalDate latest) {
        return conn.preparedQuery("SELECT count(*), "
                        + "count(*) FILTER (WHERE " + BLANK + "), min(row_number) FILTER (WHERE " + BLANK + "), "
                        + "count(*) FILTER (WHERE " + SAME + "), min(row_number) FILTER (WHERE " + SAME + "), "
                        + "count(*) FILTER (WHERE " + NEGATIVE + "), min(row_number) FILTER (WHERE " + NEGATIVE + "), "
                        + "count(*) FILTER (WHERE " + DATE + "), min(row_number) FILTER (WHERE " + DATE + "), "
                        + "count(*) FILTER (WHERE home_score IS NULL) + count(*) FILTER (WHERE away_score IS NULL), "
                        + "count(*) FILTER (WHERE home_score IS NULL OR away_score IS NULL), "
                        + "min(row_number) FILTER (WHERE home_score IS NULL OR away_score IS NULL), "
                        + "avg(home_score + away_score)::float8, stddev_samp(home_score + away_score)::float8 "
                        + "FROM historical_game WHERE version_id = $1")
                .execute(Tuple.of(version, latest)).map(rows -> rows.iterator().next());
    }

    static Uni<Hits> duplicates(SqlConnection conn, UUID version) {
        return conn.preparedQuery("SELECT coalesce(sum(n), 0)::int8, min(first) FROM (SELECT count(*) n, min(row_number) first "
                        + "FROM historical_game WHERE version_id = $1 GROUP BY game_date, home_team, away_team "
                        + "HAVING count(*) > 1) d")
                .execute(Tuple.of(version)).map(rows -> Hits.of(rows.iterator().next(), 0, 1));
    }

    static Uni<Hits> teamTwiceOnDate(SqlConnection conn, UUID version) {
        return conn.preparedQuery("SELECT count(*), min(first) FROM (SELECT min(row_number) first "
                        + "FROM (SELECT game_date, home_team AS team, row_number FROM historical_game WHERE version_id = $1 "
                        + "UNION ALL SELECT game_date, away_team, row_number FROM historical_game WHERE version_id = $1) t "
                        + "GROUP BY game_date, team HAVING count(*) > 1) d")
                .execute(Tuple.of(version)).map(rows -> Hits.of(rows.iterator().next(), 0, 1));
    }

    static Uni<Hits> outliers(SqlConnection conn, UUID version, double mean, double sd, double z) {
        return conn.preparedQuery("SELECT count(*), min(row_number) FROM historical_game WHERE version_id = $1 "
                        + "AND abs((home_score + away_score) - $2) > $3")
                .execute(Tuple.of(version, mean, z * sd)).map(rows -> Hits.of(rows.iterator().next(), 0, 1));
    }

    /**
     * All checks: the three independent scans in parallel (one transaction and connection each), then
     * the outlier scan, which needs the mean and spread.
     */
    public Uni<Stats> compute(String tenant, UUID version, LocalDate latest, double outlierZ) {
        Uni<Row> agg = db.inTenant(tenant, c -> aggregates(c, version, latest));
        Uni<Hits> dup = db.inTenant(tenant, c -> duplicates(c, version));
        Uni<Hits> twice = db.inTenant(tenant, c -> teamTwiceOnDate(c, version));
        return Uni.combine().all().unis(agg, dup, twice).asTuple().chain(t -> {
            Row r = t.getItem1();
            Double mean = r.getDouble(12);
            Double sd = r.getDouble(13);
            Uni<Hits> out = mean == null || sd == null || sd == 0 ? Uni.createFrom().item(new Hits(0, null))
                    : db.inTenant(tenant, c -> outliers(c, version, mean, sd, outlierZ));
            return out.map(o -> new Stats(r.getLong(0), Hits.of(r, 1, 2), Hits.of(r, 3, 4), Hits.of(r, 5, 6), Hits.of(r, 7, 8),
                    r.getLong(9), Hits.of(r, 10, 11), mean, sd, t.getItem2(), t.getItem3(), o));
        });
    }
}
