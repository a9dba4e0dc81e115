package io.flextime.export.report;

import io.flextime.export.analytics.TeamFigures;
import io.flextime.export.analytics.VersionFigures;
import io.flextime.export.report.ReportView.Fact;
import io.flextime.export.report.ReportView.Row;
import io.flextime.export.report.ReportView.Table;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/** The report of one schedule version: headline figures, the home/away grid, travel per team, penalties. */
final class VersionReport {
    private VersionReport() {
    }

    static ReportView view(VersionFigures f) {
        List<Fact> facts = List.of(
                new Fact("Games", Integer.toString(f.games())),
                new Fact("Total travel", ReportText.km(f.totalTravelKm())),
                new Fact("Breaks", Integer.toString(f.totalBreaks())),
                new Fact("Soft-rule penalty", ReportText.number(f.totalPenalty())),
                new Fact("Objective", f.objective() == null ? ReportText.UNKNOWN : ReportText.number(f.objective())),
                new Fact("Status", f.status()),
                new Fact("Travel / breaks from", f.travelFrom() + " / " + f.breaksFrom()));
        List<TeamFigures> byTravel = f.teams().stream().sorted(Comparator.comparing(
                (TeamFigures t) -> t.travelKm() == null ? -1 : t.travelKm()).reversed()).toList();
        ReportView.Chart travel = ChartLayout.bars("Travel per team", "Kilometres each team travels over the season, longest first.",
                List.of(new ChartLayout.Series("travel", Palette.HOME)),
                byTravel.stream().map(t -> new ChartLayout.BarRow(t.name(), java.util.Collections.singletonList(t.travelKm())))
                        .toList(), ReportText::km);
        Table teams = new Table("Teams", List.of("Team", "Travel", "Breaks", "Home", "Away", "Byes"),
                List.of("l", "r", "r", "r", "r", "r"),
                f.teams().stream().map(t -> new Row(List.of(t.name(), ReportText.km(t.travelKm()), Integer.toString(t.breaks()),
                        Integer.toString(t.home()), Integer.toString(t.away()), Integer.toString(t.byes())))).toList(), "No teams.");
        Table penalties = new Table("Soft-rule penalties", List.of("Constraint", "Penalty"), List.of("l", "r"),
                f.violations().entrySet().stream().map(e -> new Row(List.of(e.getKey(), ReportText.number(e.getValue())))).toList(),
                "No soft rule is violated (or the solver recorded none).");
        return new ReportView(f.seasonName() + " — schedule report",
                "Tenant " + f.tenant() + " · season " + f.season() + " · schedule version " + f.scheduleVersionId()
                        + (f.createdAt() == null ? "" : " · solved " + f.createdAt().truncatedTo(ChronoUnit.SECONDS)),
                facts, List.of(ChartLayout.grid(f), travel), List.of(teams, penalties));
    }
}
