package io.flextime.solve.engine;

import io.flextime.rules.model.OrToolsNatives;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.solve.calendar.CalendarSearch;
import io.flextime.core.model.SeasonIndex;
import io.flextime.solve.model.TravelLowerBound;
import io.flextime.solve.profile.InstanceFeatures;
import io.flextime.solve.profile.ProfileSelector;
import io.flextime.solve.profile.SolverProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@link SeasonSolver} on OR-Tools CP-SAT and FlexTime's own searches: the profile is chosen from the
 * season's features, then the phases run in order on one {@link SolveRun} (README "Search"): the calendar
 * search, CP-SAT's repair phase, the penalty phase, the annealing over round-robin moves, the exact search of
 * small travel tournaments, and CP-SAT's optimization with the neighbourhood search. Each phase reads the
 * profile to know whether it runs and with what share of the budget, starts from what the phases before it
 * left, and may settle the result. Every schedule is checked by the independent evaluator.
 */
@ApplicationScoped
public class CpSatSeasonSolver implements SeasonSolver {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .build();

    private final ProfileSelector profiles = new ProfileSelector();

    @Override
    public SolveResult solve(Season season, SolveSettings settings, SolutionListener listener) {
        OrToolsNatives.ensureLoaded();
        long start = System.nanoTime();
        ObjectiveWeights weights = settings.weights() != null ? settings.weights() : season.weights();
        SeasonIndex index = new SeasonIndex(season);
        SolverProfile profile = profiles.choose(InstanceFeatures.of(season, weights.travel(),
                ScheduleCosts.forSeason(season, index, weights).isPresent(), CalendarSearch.unsupported(index).isEmpty()));
        SolveRun run = new SolveRun(season, index, weights, settings, profile, listener, start,
                TravelLowerBound.objective(season, weights));
        List<SearchPhase> phases = List.of(new CalendarPhase(), new RepairPhase(), new PenaltyPhase(), new AnnealingPhase(),
                new ExactPhase(), new OptimizationPhase());
        for (SearchPhase phase : phases) {
            Optional<SolveResult> result = phase.search(run);
            if (result.isPresent()) {
                return result.get();
            }
        }
        throw new IllegalStateException("the optimization phase settles every solve");
    }

    @Override
    public String modelHash(Season season, SolveSettings settings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(CANONICAL.writeValueAsBytes(season));
            ObjectiveWeights w = settings.weights() != null ? settings.weights() : season.weights();
            sha.update(("|weights=" + w.travel() + "," + w.penalty()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the season", e);
        }
    }

}
