package io.flextime.core.rules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.ConstraintType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every constraint type, defined once: one {@link RuleDefinition} per {@link ConstraintType}, declared in
 * the type's record (its parameters with names, aliases, value types, defaults, meanings and RobinX
 * attributes; when the rule holds; how its deviation counts). Reading raw parameters into records,
 * writing them back, the parameter checks of ingest and validate, RobinX's attribute mapping and the
 * README's constraint tables all come from here. See package-info for how to add a type.
 */
public final class RuleCatalogue {
    /** The value of an absent upper bound. */
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    private RuleCatalogue() {
    }

    /** The entry of a type. A new type fails to compile here until it has one. */
    public static RuleDefinition<?> definition(ConstraintType type) {
        return switch (type) {
            case CA1 -> Ca1.DEFINITION;
            case CA2 -> Ca2.DEFINITION;
            case CA3 -> Ca3.DEFINITION;
            case CA4 -> Ca4.DEFINITION;
            case GA1 -> Ga1.DEFINITION;
            case BR1 -> Br1.DEFINITION;
            case BR2 -> Br2.DEFINITION;
            case FA2 -> Fa2.DEFINITION;
            case SE1 -> Se1.DEFINITION;
            case VENUE_UNAVAILABLE -> VenueUnavailable.DEFINITION;
            case TEAM_UNAVAILABLE -> TeamUnavailable.DEFINITION;
            case FIXED_GAME -> FixedGame.DEFINITION;
            case SHARED_VENUE -> SharedVenue.DEFINITION;
            case MIN_REST_DAYS -> MinRestDays.DEFINITION;
            case MAX_ROAD_TRIP -> MaxRoadTrip.DEFINITION;
            case WEEKDAY_PATTERN -> WeekdayPattern.DEFINITION;
            case GAME_WINDOW -> GameWindow.DEFINITION;
            case CONSECUTIVE_GAMES -> ConsecutiveGames.DEFINITION;
            case GAMES_SPREAD -> GamesSpread.DEFINITION;
        };
    }

    /** Every entry, in the order of {@link ConstraintType}. */
    public static List<RuleDefinition<?>> all() {
        return Arrays.stream(ConstraintType.values()).<RuleDefinition<?>>map(RuleCatalogue::definition).toList();
    }

    /** Raw parameters (null: none) of a constraint of {@code type} as its record, or {@link Malformed}. */
    public static Rule read(ConstraintType type, ObjectNode params) {
        if (type == null) {
            return new Malformed(null, params == null ? JsonNodeFactory.instance.objectNode() : params.deepCopy(),
                    List.of(new ParamProblem("type", ParamProblem.Kind.MISSING, "the constraint has no known type")));
        }
        return definition(type).read(params);
    }

    /** A record as canonical parameters; a {@link Malformed} one as the raw parameters it came from. */
    public static ObjectNode write(Rule rule) {
        if (rule instanceof Malformed m) {
            return m.raw().deepCopy();
        }
        return definition(rule.type()).write(rule);
    }

    /** The team ids, venue ids and slot indexes a rule names (none for a malformed one). */
    public static List<RuleDefinition.Reference> references(Rule rule) {
        return rule instanceof Malformed ? List.of() : definition(rule.type()).references(rule);
    }

    /**
     * What keeps a well-formed rule from applying to a season as a whole (a rule that reads dates in a
     * season with undated slots), or empty. Ingest and validate report it against the constraint.
     */
    public static Optional<String> seasonProblem(Rule rule, boolean everySlotDated) {
        if (rule instanceof Malformed || everySlotDated || !definition(rule.type()).needsDates()) {
            return Optional.empty();
        }
        return Optional.of(rule.type() + " reads the slots' dates: every slot of the season needs a date");
    }

    /** The type a RobinX XML element stands for, if it is one of ours. */
    public static Optional<ConstraintType> robinX(String element) {
        return Arrays.stream(ConstraintType.values()).filter(t -> element.equals(definition(t).robinXTag())).findFirst();
    }

    /**
     * A RobinX constraint element's attributes as raw parameters: each declared parameter from its
     * attribute, as the text RobinX writes ("0;1;2", "0,1;1,2;"), which {@link #read} reads like JSON.
     * Attributes the catalogue does not declare (RobinX's fixed ones such as CA3's mode2 "SLOTS") are
     * dropped.
     */
    public static ObjectNode fromRobinX(ConstraintType type, Map<String, String> attributes) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Param<?> p : definition(type).params()) {
            String value = p.robinXAttribute() == null ? null : attributes.get(p.robinXAttribute());
            if (value != null) {
                out.put(p.key(), value);
            }
        }
        return out;
    }

    /** A lower bound: a whole number ≥ 0, 0 when absent. */
    static Param<Integer> min(String meaning) {
        return Param.of("min", ParamType.COUNT, meaning).orElse(0, "0").robinX("min");
    }

    /** An upper bound: a whole number ≥ 0, no limit when absent. */
    static Param<Integer> max(String meaning) {
        return Param.of("max", ParamType.LIMIT, meaning).orElse(NO_LIMIT, "no limit").robinX("max");
    }
}
