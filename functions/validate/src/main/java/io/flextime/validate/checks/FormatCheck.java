package io.flextime.validate.checks;

import io.flextime.core.model.SeasonIndex;
import static io.flextime.validate.findings.FindingCode.CONS_COMPACT_ODD_TEAMS;
import static io.flextime.validate.findings.FindingCode.CONS_MATCHUP_GAMES_PER_TEAM;
import static io.flextime.validate.findings.FindingCode.CONS_MATCHUP_HOME_AWAY;
import static io.flextime.validate.findings.FindingCode.CONS_MATCHUP_PAIRS;
import static io.flextime.validate.findings.FindingCode.CONS_MATCHUP_SELF;
import static io.flextime.validate.findings.FindingCode.CONS_ROUND_ROBIN_SLOTS;
import static io.flextime.validate.findings.FindingCode.CONS_TOO_FEW_TEAMS;

import io.flextime.core.model.Matchup;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonFormat.RoundRobin;
import io.flextime.validate.findings.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The format against team and slot counts, and the matchups against the format. */
public final class FormatCheck implements SeasonCheck {

    @Override
    public void check(SeasonIndex index, List<Finding> out) {
        SeasonFormat f = index.season().format();
        int n = index.teamCount();
        if (n < 2) {
            out.add(CONS_TOO_FEW_TEAMS.season("The season has " + n + " team(s); a round robin needs at least 2"));
            return;
        }
        if (f.compact() && n % 2 == 1) {
            out.add(CONS_COMPACT_ODD_TEAMS.season("A compact round robin needs an even number of teams; there are " + n
                    + " (add a bye team or make the format relaxed)"));
        }
        Integer games = index.gamesPerTeam();
        int slots = index.slotCount();
        if (games != null && games > 0) {
            if (f.compact() && slots != games) {
                out.add(CONS_ROUND_ROBIN_SLOTS.season("A compact " + describe(f, n) + " needs exactly " + games
                        + " slots (one per game of a team); there are " + slots));
            } else if (!f.compact() && slots < games) {
                out.add(CONS_ROUND_ROBIN_SLOTS.season("A " + describe(f, n) + " needs at least " + games
                        + " slots; there are " + slots));
            }
        }
        if (!index.season().matchups().isEmpty()) {
            matchups(index, f, games, out);
        }
    }

    private void matchups(SeasonIndex index, SeasonFormat f, Integer games, List<Finding> out) {
        Map<String, Integer> ordered = new HashMap<>();
        Map<String, int[]> perTeam = new HashMap<>();
        List<Matchup> all = index.season().matchups();
        for (int i = 0; i < all.size(); i++) {
            Matchup m = all.get(i);
            if (m.home() != null && m.home().equals(m.away())) {
                out.add(CONS_MATCHUP_SELF.at("matchup", m.home() + ">" + m.away(), i + 1, "away",
                        "Team '" + m.home() + "' is listed as playing itself"));
                continue;
            }
            if (!index.hasTeam(m.home()) || !index.hasTeam(m.away()) || m.meetings() < 1) {
                continue; // reported by IdentityCheck / RangeCheck
            }
            ordered.merge(m.home() + ">" + m.away(), m.meetings(), Integer::sum);
            perTeam.computeIfAbsent(m.home(), k -> new int[2])[0] += m.meetings();
            perTeam.computeIfAbsent(m.away(), k -> new int[2])[1] += m.meetings();
        }
        List<String> teams = new ArrayList<>(index.teamIds());
        for (int i = 0; i < teams.size(); i++) {
            for (int j = i + 1; j < teams.size(); j++) {
                String a = teams.get(i);
                String b = teams.get(j);
                int ab = ordered.getOrDefault(a + ">" + b, 0);
                int ba = ordered.getOrDefault(b + ">" + a, 0);
                String problem = switch (f.roundRobin()) {
                    case DOUBLE -> ab == 1 && ba == 1 ? null : "a double round robin needs each to host the other once";
                    case SINGLE -> ab + ba == 1 ? null : "a single round robin needs exactly one meeting";
                    case PARTIAL -> ab + ba > 2 || ab + ba == 2 && ab != 1
                            ? "a partial round robin allows at most two meetings, one at each venue" : null;
                    case MATCHUPS -> null; // the matchups are the games: no round-robin kind to hold them to
                };
                if (problem != null) {
                    out.add(CONS_MATCHUP_PAIRS.at("matchup", a + "-" + b, null, "meetings", a + " hosts " + b + " " + ab
                            + "x and " + b + " hosts " + a + " " + ba + "x: " + problem));
                }
            }
        }
        for (String team : teams) {
            int[] ha = perTeam.getOrDefault(team, new int[2]);
            if (games != null && ha[0] + ha[1] != games) {
                out.add(CONS_MATCHUP_GAMES_PER_TEAM.at("team", team, index.teamRow(team), "matchups", "Team '" + team + "' has "
                        + (ha[0] + ha[1]) + " games in the matchups; the format asks for " + games));
            }
            if (Math.abs(ha[0] - ha[1]) > 1) {
                out.add(CONS_MATCHUP_HOME_AWAY.at("team", team, index.teamRow(team), "matchups", "Team '" + team + "' has "
                        + ha[0] + " home and " + ha[1] + " away games"));
            }
        }
    }

    private static String describe(SeasonFormat f, int n) {
        String rr = switch (f.roundRobin()) {
            case PARTIAL -> "partial round robin";
            case MATCHUPS -> "season of listed matchups";
            default -> f.roundRobin().name().toLowerCase(java.util.Locale.ROOT) + " round robin";
        };
        return rr + " of " + n + " teams";
    }
}
