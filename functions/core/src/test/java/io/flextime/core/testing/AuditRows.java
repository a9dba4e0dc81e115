package io.flextime.core.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The audit trail as the schema owner sees it (every tenant), for assertions. */
public final class AuditRows {
    private AuditRows() {
    }

    /** One audit row: the columns tests look at. */
    public record Row(String tenant, String subject, String via, String action, String outcome, Integer status, String detail,
            String target) {
    }

    public static List<Row> byCorrelation(String correlationId) {
        try (Connection c = TestDatabase.owner();
                PreparedStatement s = c.prepareStatement("SELECT tenant, subject, via, action, outcome, status, detail, "
                        + "target::text FROM audit_event WHERE correlation_id = ? ORDER BY id")) {
            s.setString(1, correlationId);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            (Integer) rs.getObject(6), rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a correlation id once there are at least {@code n} (some refusals are recorded asynchronously). */
    public static List<Row> awaitByCorrelation(String correlationId, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Row> rows = byCorrelation(correlationId);
        while (rows.size() < n && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            rows = byCorrelation(correlationId);
        }
        return rows;
    }
}
