package io.flextime.solve.replan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.problem.ProblemLocation;
import io.flextime.core.security.TenantScoped;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The body of {@code replan}. The tenant is the token's; {@code tenant}, when given, must be the same.
 *
 * @param changeWeight      penalty per base game moved; null: {@link Replan#DEFAULT_CHANGE_WEIGHT}
 * @param timeBudgetSeconds the job's budget; null: {@link #DEFAULT_BUDGET_SECONDS}
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplanRequest(String tenant, String baseVersionId, List<Replan.Change> changes, String frozenBefore,
        Integer changeWeight, Integer timeBudgetSeconds, Long seed, Integer workers, String correlationId)
        implements TenantScoped {
    public static final int DEFAULT_BUDGET_SECONDS = 10;

    /** A request whose fields are valid on their own. */
    public record Valid(UUID baseVersionId, Replan replan, int timeBudgetSeconds) {

        /** Checks what only the base can tell: the postponed games are its games. */
        public void checkAgainst(ScheduleVersion base) {
            Set<Integer> numbers = base.games().stream().map(Game::number).collect(Collectors.toSet());
            List<ProblemLocation> errors = new ArrayList<>();
            List<Replan.Change> changes = replan.changes();
            for (int i = 0; i < changes.size(); i++) {
                Replan.Change c = changes.get(i);
                if (Replan.POSTPONE.equals(c.type()) && !numbers.contains(c.game())) {
                    errors.add(field("changes[" + i + "].game", "the base version has no game " + c.game() + " (games 1.."
                            + numbers.size() + ")"));
                }
            }
            fail(errors);
        }
    }

    public Valid validate(long maxBudgetSeconds) {
        List<ProblemLocation> errors = new ArrayList<>();
        UUID base = null;
        try {
            base = UUID.fromString(String.valueOf(baseVersionId));
        } catch (IllegalArgumentException e) {
            errors.add(field("baseVersionId", "expected a schedule version id (UUID), got '" + baseVersionId + "'"));
        }
        LocalDate frozen = date(frozenBefore, "frozenBefore", errors);
        int weight = changeWeight == null ? Replan.DEFAULT_CHANGE_WEIGHT : changeWeight;
        if (weight < 0 || weight > 1_000_000) {
            errors.add(field("changeWeight", "expected 0..1000000 (penalty per moved game), got " + changeWeight));
        }
        int budget = timeBudgetSeconds == null ? DEFAULT_BUDGET_SECONDS : timeBudgetSeconds;
        if (budget < 1 || budget > maxBudgetSeconds) {
            errors.add(field("timeBudgetSeconds", "expected 1.." + maxBudgetSeconds + " seconds, got " + timeBudgetSeconds));
        }
        if (workers != null && (workers < 0 || workers > 256)) {
            errors.add(field("workers", "expected 0 (the machine's cores) to 256, got " + workers));
        }
        List<Replan.Change> list = changes == null ? List.of() : changes;
        for (int i = 0; i < list.size(); i++) {
            Replan.Change c = list.get(i);
            String at = "changes[" + i + "]";
            if (c == null || c.type() == null) {
                errors.add(field(at + ".type", "expected " + Replan.POSTPONE + ", " + Replan.TEAM_UNAVAILABLE + " or "
                        + Replan.VENUE_UNAVAILABLE));
                continue;
            }
            switch (c.type()) {
                case Replan.POSTPONE -> {
                    if (c.game() == null) {
                        errors.add(field(at + ".game", "a postponement names the base version's game number"));
                    }
                }
                case Replan.TEAM_UNAVAILABLE, Replan.VENUE_UNAVAILABLE -> {
                    boolean team = Replan.TEAM_UNAVAILABLE.equals(c.type());
                    if (team ? c.team() == null : c.venue() == null) {
                        errors.add(field(at + (team ? ".team" : ".venue"), "required for " + c.type()));
                    }
                    if (c.dates() == null || c.dates().isEmpty()) {
                        errors.add(field(at + ".dates", "required for " + c.type() + ": the ISO dates"));
                    } else {
                        for (String d : c.dates()) {
                            LocalDate day = date(d, at + ".dates", errors);
                            if (day != null && frozen != null && day.isBefore(frozen)) {
                                errors.add(field(at + ".dates", d + " is before frozenBefore " + frozen + ": what was played stays"));
                            }
                        }
                    }
                }
                default -> errors.add(field(at + ".type", "unknown change '" + c.type() + "' (expected " + Replan.POSTPONE + ", "
                        + Replan.TEAM_UNAVAILABLE + " or " + Replan.VENUE_UNAVAILABLE + ")"));
            }
        }
        fail(errors);
        return new Valid(base, new Replan(base.toString(), frozen.toString(), weight, list), budget);
    }

    private static LocalDate date(String value, String name, List<ProblemLocation> errors) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            errors.add(field(name, "expected an ISO date (2026-02-14), got '" + value + "'"));
            return null;
        }
    }

    private static void fail(List<ProblemLocation> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.unprocessable("invalid-replan-request", "The re-plan request is invalid", errors));
        }
    }

    private static ProblemLocation field(String name, String reason) {
        return new ProblemLocation("invalid-field", "replan", null, null, name, reason);
    }
}
