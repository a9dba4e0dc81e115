package io.flextime.core.format;

import io.flextime.core.model.Distance;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.core.rules.Ca3;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.Se1;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Traveling Tournament Problem instance as a plain distance matrix (Trick et al.: one row per line,
 * numbers separated by blanks). Teams t0..t(n-1), each at its own venue v0..v(n-1); a compact double
 * round robin over 2(n-1) slots; the TTP rules as constraints: at most 3 consecutive home (away)
 * games = CA3 "at most 3 H (A) in every 4 consecutive slots" (exact, since the season is compact), and
 * no immediate rematch = SE1 min 1.
 */
@ApplicationScoped
public class TtpMatrixReader {

    /** True when the text looks like a matrix of numbers (for format detection). */
    public static boolean looksLikeMatrix(String head) {
        String t = head.strip();
        return !t.isEmpty() && t.chars().allMatch(c -> Character.isDigit(c) || Character.isWhitespace(c) || c == '.' || c == '-');
    }

    public Season read(InputStream in, String file) throws IOException {
        Problems problems = new Problems();
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(Utf8Text.reader(in, file))) {
            String line;
            long number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                String t = line.strip();
                if (t.isEmpty()) {
                    continue;
                }
                String[] cells = t.split("\\s+");
                double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    try {
                        row[i] = Double.parseDouble(cells[i]);
                        if (row[i] < 0 || Double.isNaN(row[i]) || Double.isInfinite(row[i])) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        problems.add("WRONG_TYPE", file, null, number, "column " + (i + 1), "'" + cells[i]
                                + "' is not a non-negative distance");
                    }
                }
                rows.add(row);
                if (rows.size() > 1000) {
                    throw Problems.fatal("TOO_LARGE", file, "more than 1000 teams");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (Utf8Text.isDecodingFailure(e)) {
                throw Problems.fatal(Utf8Text.NOT_UTF8, file, Utf8Text.notUtf8Reason());
            }
            throw e;
        }
        int n = rows.size();
        for (int i = 0; i < n; i++) {
            if (rows.get(i).length != n) {
                problems.add("MALFORMED_MATRIX", file, null, (long) i + 1, null, "row " + (i + 1) + " has " + rows.get(i).length
                        + " numbers; a square " + n + " x " + n + " matrix is expected");
            } else if (rows.get(i)[i] != 0) {
                problems.add("MALFORMED_MATRIX", file, null, (long) i + 1, "column " + (i + 1), "the diagonal must be 0");
            }
        }
        if (n < 4 || n % 2 != 0) {
            problems.add("MALFORMED_MATRIX", file, null, null, null, "a TTP instance has an even number (>= 4) of teams, found " + n);
        }
        problems.throwIfAny(file + " is not a TTP distance matrix");

        List<Team> teams = new ArrayList<>();
        List<Venue> venues = new ArrayList<>();
        List<Distance> distances = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            teams.add(new Team("t" + i, "Team " + i, "v" + i, null, Map.of()));
            venues.add(new Venue("v" + i, "Venue " + i, null, null, null, null, null));
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    distances.add(new Distance("v" + i, "v" + j, rows.get(i)[j]));
                }
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (int s = 0; s < 2 * (n - 1); s++) {
            slots.add(new Slot(s, null, null, null, "Round " + (s + 1)));
        }
        List<SeasonConstraint> constraints = List.of(
                atMostThreeInARow("max-3-consecutive-home", Mode.H, teams),
                atMostThreeInARow("max-3-consecutive-away", Mode.A, teams),
                new SeasonConstraint("no-repeat", true, 0, new Se1(ids(teams), 1)));
        String base = file.replaceAll("\\.[^.]*$", "");
        return new Season("ttp-" + RobinXReader.slug(base), "TTP " + base.toUpperCase(Locale.ROOT), null, null, null, null,
                SeasonFormat.compactDouble(), new ObjectiveWeights(1.0, 1.0), false, teams, venues, slots, constraints, List.of(),
                distances);
    }

    private static SeasonConstraint atMostThreeInARow(String id, Mode mode, List<Team> teams) {
        return new SeasonConstraint(id, true, 0, new Ca3(ids(teams), ids(teams), 4, mode, 0, 3));
    }

    private static List<String> ids(List<Team> teams) {
        return teams.stream().map(Team::id).toList();
    }
}
