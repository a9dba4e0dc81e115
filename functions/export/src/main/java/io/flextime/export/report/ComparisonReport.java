package io.flextime.export.report;

import io.flextime.export.analytics.ChangedGame;
import io.flextime.export.analytics.VersionComparison;
import io.flextime.export.report.ReportView.Fact;
import io.flextime.export.report.ReportView.Row;
import io.flextime.export.report.ReportView.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The comparison of two versions: totals, travel per team side by side, per-team and per-rule deltas, changed games. */
final class ComparisonReport {
    private ComparisonReport() {
    }

    static ReportView view(VersionComparison c) {
        VersionComparison.Totals t = c.totals();
        Map<String, String> names = c.teams().stream()
                .collect(Collectors.toMap(VersionComparison.TeamDelta::team, VersionComparison.TeamDelta::name, (a, b) -> a));
        List<Fact> facts = List.of(
                new Fact("Travel", ReportText.km(t.baseTravelKm()) + " → " + ReportText.km(t.candidateTravelKm()) + " ("
                        + ReportText.signedKm(t.travelDeltaKm()) + ")"),
                new Fact("Breaks", t.baseBreaks() + " → " + t.candidateBreaks() + " (" + ReportText.signedCount(t.breaksDelta()) + ")"),
                new Fact("Soft-rule penalty", ReportText.number(t.basePenalty()) + " → " + ReportText.number(t.candidatePenalty())
                        + " (" + ReportText.signedNumber(t.penaltyDelta()) + ")"),
                new Fact("Games", t.baseGames() + " → " + t.candidateGames()),
                new Fact("Unchanged", Integer.toString(t.unchanged())),
                new Fact("Moved", Integer.toString(t.moved())),
                new Fact("Flipped", Integer.toString(t.flipped())),
                new Fact("Added / removed", t.added() + " / " + t.removed()));
        ReportView.Chart travel = ChartLayout.bars("Travel per team", "Kilometres per team in the base (grey) and the candidate (blue).",
                List.of(new ChartLayout.Series("base", Palette.BASE), new ChartLayout.Series("candidate", Palette.HOME)),
                c.teams().stream().map(d -> new ChartLayout.BarRow(d.name(), Arrays.asList(d.baseTravelKm(), d.candidateTravelKm())))
                        .toList(), ReportText::km);
        Table teams = new Table("Teams", List.of("Team", "Travel base", "Travel candidate", "Change", "Breaks base",
                "Breaks candidate", "Change"), List.of("l", "r", "r", "r", "r", "r", "r"),
                c.teams().stream().map(d -> new Row(List.of(d.name(), ReportText.km(d.baseTravelKm()),
                        ReportText.km(d.candidateTravelKm()), ReportText.signedKm(d.travelDeltaKm()), ReportText.count(d.baseBreaks()),
                        ReportText.count(d.candidateBreaks()), ReportText.signedCount(d.breaksDelta())))).toList(), "No teams.");
        Table penalties = new Table("Soft-rule penalties", List.of("Constraint", "Base", "Candidate", "Change"),
                List.of("l", "r", "r", "r"),
                c.violations().stream().map(v -> new Row(List.of(v.constraint(), ReportText.number(v.base()),
                        ReportText.number(v.candidate()), ReportText.signedNumber(v.delta())))).toList(),
                "No soft rule is violated in either version.");
        Table games = new Table("Changed games", List.of("Change", "Home", "Away", "Before", "After"),
                List.of("l", "l", "l", "l", "l"),
                c.games().stream().map(g -> new Row(List.of(g.change(), names.getOrDefault(g.home(), g.home()),
                        names.getOrDefault(g.away(), g.away()), before(g), after(g)))).toList(),
                "Every game is where it was.");
        return new ReportView(c.seasonName() + " — comparison of two schedule versions",
                "Tenant " + c.tenant() + " · season " + c.season() + " · base " + c.base() + " → candidate " + c.candidate(),
                facts, List.of(travel), List.of(teams, penalties, games));
    }

    private static String before(ChangedGame g) {
        return switch (g.change()) {
            case ChangedGame.REMOVED -> ReportText.placement(g.slot(), g.date());
            case ChangedGame.ADDED -> "";
            default -> ReportText.placement(g.previousSlot(), g.previousDate());
        };
    }

    private static String after(ChangedGame g) {
        return ChangedGame.REMOVED.equals(g.change()) ? "" : ReportText.placement(g.slot(), g.date());
    }
}
