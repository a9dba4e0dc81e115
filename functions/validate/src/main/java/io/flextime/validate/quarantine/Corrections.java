package io.flextime.validate.quarantine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.Distance;
import io.flextime.core.model.HistoricalGame;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.problem.ProblemLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Corrections of quarantined records: checks that a correction is a well-formed record of its entity,
 * and applies the corrected and dropped records of a version to its season.
 */
public final class Corrections {
    private final ObjectMapper mapper;

    public Corrections(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The record class of an entity, for reading a correction. */
    static Class<?> type(String entity) {
        return switch (entity) {
            case "team" -> Team.class;
            case "venue" -> Venue.class;
            case "slot" -> Slot.class;
            case "constraint" -> SeasonConstraint.class;
            case "matchup" -> Matchup.class;
            case "distance" -> Distance.class;
            case "historical_game" -> HistoricalGame.class;
            default -> throw new IllegalArgumentException("unknown entity " + entity);
        };
    }

    /** Reads a correction as its entity's record; a malformed one is a 422 naming the entity and reason. */
    public Object read(QuarantinedRecord q, JsonNode correction) {
        try {
            Object value = mapper.treeToValue(correction, type(q.entity()));
            if (value == null) {
                throw new IllegalArgumentException("empty correction");
            }
            if (value instanceof SeasonConstraint c && c.rule() instanceof io.flextime.core.rules.Malformed m) {
                throw new IllegalArgumentException("params: " + m.describe());
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProblemException(Problem.unprocessable("invalid-correction", "The correction is not a valid "
                    + q.entity() + " record", List.of(new ProblemLocation("invalid-correction", null, q.entity(), q.row(),
                            "record", String.valueOf(e.getMessage()).split("\n")[0]))));
        }
    }

    /** The season with every CORRECTED record replaced and every DROPPED one removed. */
    public Season apply(Season s, List<QuarantinedRecord> corrections) {
        return new Season(s.season(), s.name(), s.sport(), s.start(), s.end(), s.timeZone(), s.format(), s.weights(), s.autoSolve(),
                replace(s.teams(), "team", Team::id, Team.class, corrections),
                replace(s.venues(), "venue", Venue::id, Venue.class, corrections),
                replace(s.slots(), "slot", x -> Integer.toString(x.index()), Slot.class, corrections),
                replace(s.constraints(), "constraint", SeasonConstraint::id, SeasonConstraint.class, corrections),
                replace(s.matchups(), "matchup", m -> m.home() + ">" + m.away(), Matchup.class, corrections),
                replace(s.distances(), "distance", d -> d.fromVenue() + ">" + d.toVenue(), Distance.class, corrections));
    }

    private <T> List<T> replace(List<T> records, String entity, Function<T, String> id, Class<T> type,
            List<QuarantinedRecord> corrections) {
        List<T> out = new ArrayList<>();
        for (T r : records) {
            QuarantinedRecord q = corrections.stream()
                    .filter(c -> c.entity().equals(entity) && c.entityId().equals(id.apply(r))).findFirst().orElse(null);
            if (q == null) {
                out.add(r);
            } else if (QuarantinedRecord.CORRECTED.equals(q.status())) {
                out.add(type.cast(read(q, q.correction())));
            }
        }
        return out;
    }
}
