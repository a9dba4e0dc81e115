package io.flextime.export.report;

import io.flextime.export.analytics.PatternCell;
import io.flextime.export.analytics.SlotColumn;
import io.flextime.export.analytics.TeamFigures;
import io.flextime.export.analytics.VersionFigures;
import io.flextime.export.report.ReportView.Box;
import io.flextime.export.report.ReportView.Chart;
import io.flextime.export.report.ReportView.Label;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Lays out the pictures of a report: the home/away grid and horizontal bar charts. */
final class ChartLayout {
    private static final double NAME_WIDTH = 170;
    private static final double CELL = 16;
    private static final double GRID_TOP = 32;
    private static final double BAR_MAX = 420;
    private static final double BAR_HEIGHT = 10;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);

    private ChartLayout() {
    }

    /** One bar chart row: a label and one value per series (null = unknown, no bar). */
    record BarRow(String label, List<Double> values) {
    }

    /** A series of a bar chart: its name in the legend and its colour. */
    record Series(String name, String fill) {
    }

    /** Teams × slots; H/A letters on blue/orange, darker for the second game of a break, byes grey. */
    static Chart grid(VersionFigures f) {
        List<Box> boxes = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        List<SlotColumn> slots = f.slots();
        String month = null;
        for (int c = 0; c < slots.size(); c++) {
            SlotColumn s = slots.get(c);
            double x = NAME_WIDTH + c * CELL + CELL / 2;
            if (s.date() != null && !Objects.equals(month, MONTH.format(s.date()))) {
                month = MONTH.format(s.date());
                labels.add(new Label(NAME_WIDTH + c * CELL, 12, month, "start", 9, true));
            }
            labels.add(new Label(x, 26, s.date() != null ? Integer.toString(s.date().getDayOfMonth()) : Integer.toString(s.index()),
                    "middle", 7, false));
        }
        double right = NAME_WIDTH + slots.size() * CELL;
        for (int r = 0; r < f.teams().size(); r++) {
            TeamFigures t = f.teams().get(r);
            double y = GRID_TOP + r * CELL;
            labels.add(new Label(NAME_WIDTH - 6, y + 11.5, ReportText.fit(t.name(), 28), "end", 10, false));
            for (int c = 0; c < slots.size(); c++) {
                boxes.add(cell(t, t.pattern().get(c), slots.get(c), NAME_WIDTH + c * CELL, y, f));
            }
            labels.add(new Label(right + 8, y + 11.5, t.home() + " H · " + t.away() + " A · " + t.breaks() + (t.breaks() == 1 ? " break" : " breaks"), "start", 9,
                    false));
        }
        double legendY = GRID_TOP + f.teams().size() * CELL + 14;
        String[][] legend = { { Palette.HOME, "H", "home" }, { Palette.AWAY, "A", "away" },
                { Palette.HOME_BREAK, "H", "home, 2nd of a break" }, { Palette.AWAY_BREAK, "A", "away, 2nd of a break" },
                { Palette.BYE, "", "bye" } };
        double x = NAME_WIDTH;
        for (String[] item : legend) {
            boxes.add(new Box(x, legendY, CELL - 1, CELL - 1, item[0], item[1], Palette.TEXT_ON_DARK, item[2]));
            labels.add(new Label(x + CELL + 4, legendY + 11.5, item[2], "start", 9, false));
            x += CELL + 14 + item[2].length() * 5.2;
        }
        return new Chart("Home/away grid", "Teams × slots: H = home, A = away, grey = bye; darker = the second of two "
                + "consecutive home or away games (a break).", Math.max(right + 140, x), legendY + CELL + 6, boxes, labels);
    }

    private static Box cell(TeamFigures t, PatternCell p, SlotColumn s, double x, double y, VersionFigures f) {
        String when = s.date() != null ? DAY.format(s.date()) + " (slot " + s.index() + ")" : "slot " + s.index();
        return switch (p.role()) {
            case HOME -> new Box(x, y, CELL - 1, CELL - 1, p.breakGame() ? Palette.HOME_BREAK : Palette.HOME, "H",
                    Palette.TEXT_ON_DARK, t.name() + " v " + opponentName(f, p.opponent()) + ", " + when
                            + (p.breakGame() ? ", break" : ""));
            case AWAY -> new Box(x, y, CELL - 1, CELL - 1, p.breakGame() ? Palette.AWAY_BREAK : Palette.AWAY, "A",
                    Palette.TEXT_ON_DARK, t.name() + " @ " + opponentName(f, p.opponent()) + ", " + when
                            + (p.breakGame() ? ", break" : ""));
            case BYE -> new Box(x, y, CELL - 1, CELL - 1, Palette.BYE, "", Palette.TEXT, t.name() + ": bye, " + when);
        };
    }

    private static String opponentName(VersionFigures f, String id) {
        return f.teams().stream().filter(t -> t.team().equals(id)).map(TeamFigures::name).findFirst().orElse(id);
    }

    /** Horizontal bars, one group per row, scaled to the largest value; each bar labelled with {@code format}. */
    static Chart bars(String title, String caption, List<Series> series, List<BarRow> rows,
            java.util.function.Function<Double, String> format) {
        List<Box> boxes = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        double max = rows.stream().flatMap(r -> r.values().stream()).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .max().orElse(0);
        double top = 0;
        if (series.size() > 1) {
            double x = NAME_WIDTH;
            for (Series s : series) {
                boxes.add(new Box(x, 2, BAR_HEIGHT, BAR_HEIGHT, s.fill(), "", Palette.TEXT, s.name()));
                labels.add(new Label(x + BAR_HEIGHT + 4, 11, s.name(), "start", 9, false));
                x += BAR_HEIGHT + 16 + s.name().length() * 5.2;
            }
            top = 20;
        }
        double group = series.size() * (BAR_HEIGHT + 2) + 8;
        for (int r = 0; r < rows.size(); r++) {
            BarRow row = rows.get(r);
            double y = top + r * group;
            labels.add(new Label(NAME_WIDTH - 6, y + group / 2 + 1, ReportText.fit(row.label(), 28), "end", 10, false));
            for (int i = 0; i < series.size(); i++) {
                Double v = row.values().get(i);
                double by = y + 4 + i * (BAR_HEIGHT + 2);
                double length = v == null || max <= 0 ? 0 : Math.max(1, BAR_MAX * v / max);
                if (v != null) {
                    boxes.add(new Box(NAME_WIDTH, by, length, BAR_HEIGHT, series.get(i).fill(), "", Palette.TEXT,
                            row.label() + " (" + series.get(i).name() + "): " + format.apply(v)));
                }
                labels.add(new Label(NAME_WIDTH + length + 4, by + BAR_HEIGHT - 1.5, format.apply(v), "start", 8, false));
            }
        }
        return new Chart(title, caption, NAME_WIDTH + BAR_MAX + 90, top + rows.size() * group + 4, boxes, labels);
    }
}
