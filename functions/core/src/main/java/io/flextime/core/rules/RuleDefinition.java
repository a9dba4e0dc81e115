package io.flextime.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.ConstraintType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The catalogue entry of one constraint type: what it means, how its deviation is counted, its
 * parameters (each with the record component it fills) and the checks across parameters. Reads raw
 * parameters into the type's record, or into {@link Malformed} with every problem found; writes a
 * record back as canonical parameters.
 *
 * @param family the rule family (the rules module's folder that models, scores and checks it)
 */
public final class RuleDefinition<R extends Rule> {
    private final ConstraintType type;
    private final String family;
    private final String holds;
    private final String deviation;
    private final List<Bound<R, ?>> params;
    private final List<Requirement> requirements;
    private final Function<Values, R> make;
    private final boolean needsDates;

    /** A parameter and the record component that holds it. */
    public record Bound<R, T>(Param<T> param, Function<R, T> component) {
    }

    /** A check across parameters, run when they were all read without problems. */
    private record Requirement(List<Param<?>> params, ParamProblem.Kind kind, Predicate<Values> ok, Function<Values, String> message) {
    }

    private RuleDefinition(ConstraintType type, String family, String holds, String deviation, List<Bound<R, ?>> params,
            List<Requirement> requirements, Function<Values, R> make, boolean needsDates) {
        this.type = type;
        this.needsDates = needsDates;
        this.family = family;
        this.holds = holds;
        this.deviation = deviation;
        this.params = List.copyOf(params);
        this.requirements = List.copyOf(requirements);
        this.make = make;
    }

    /** Starts the entry of {@code type}, modelled by the rules family {@code family}. */
    public static <R extends Rule> Builder<R> of(ConstraintType type, String family) {
        return new Builder<>(type, family);
    }

    public ConstraintType type() {
        return type;
    }

    public String family() {
        return family;
    }

    /** When a schedule keeps the rule. */
    public String holds() {
        return holds;
    }

    /** How a schedule's deviation from the rule is counted (the soft cost is penalty × deviation). */
    public String deviation() {
        return deviation;
    }

    /** Whether the rule reads the slots' dates, so applies to dated seasons only. */
    public boolean needsDates() {
        return needsDates;
    }

    public List<Param<?>> params() {
        return params.stream().<Param<?>>map(Bound::param).toList();
    }

    /** The RobinX XML element of this type (its name), or null for FlexTime's extensions. */
    public String robinXTag() {
        return type.isRobinX() ? type.name() : null;
    }

    /** Checks across parameters, described for the table (e.g. "min or max", "min ≤ max"). */
    public List<String> requirementDocs() {
        return requirements.stream().map(r -> r.message().apply(null)).toList();
    }

    /** Reads raw parameters (null: none): the typed record, or {@link Malformed} naming every problem. */
    public Rule read(ObjectNode raw) {
        ObjectNode params = raw == null ? JsonNodeFactory.instance.objectNode() : raw;
        List<ParamProblem> problems = new ArrayList<>();
        Values values = new Values();
        for (Bound<R, ?> b : this.params) {
            read(b.param(), params, values, problems);
        }
        for (Requirement r : requirements) {
            boolean clean = r.params().stream().noneMatch(p -> problems.stream().anyMatch(x -> x.key().equals(p.key())));
            if (clean && !r.ok().test(values)) {
                problems.add(new ParamProblem(String.join("|", r.params().stream().map(Param::key).toList()), r.kind(),
                        r.message().apply(values)));
            }
        }
        if (!problems.isEmpty()) {
            return new Malformed(type, params.deepCopy(), problems);
        }
        return make.apply(values);
    }

    private static <T> void read(Param<T> p, ObjectNode raw, Values values, List<ParamProblem> problems) {
        JsonNode found = null;
        String foundKey = null;
        for (String name : p.names()) {
            JsonNode node = raw.get(name);
            if (!present(node)) {
                continue;
            }
            if (found == null) {
                found = node;
                foundKey = name;
            } else if (!found.equals(node)) {
                problems.add(new ParamProblem(p.key(), ParamProblem.Kind.WRONG_TYPE, "'" + foundKey + "' and '" + name
                        + "' name the same parameter with different values: give one"));
                return;
            }
        }
        if (found == null) {
            if (p.isRequired()) {
                problems.add(new ParamProblem(p.key(), ParamProblem.Kind.MISSING, "needs parameter " + p.key()));
                return;
            }
            values.put(p, p.fallback(), false);
            return;
        }
        try {
            values.put(p, p.type().read(found), true);
        } catch (InvalidParam e) {
            problems.add(new ParamProblem(p.key(), e.kind, p.key() + ": " + e.getMessage()));
        }
    }

    /** Present: not null, not a blank string, not an empty array (what users leave in spreadsheets). */
    static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !(node.isTextual() && node.asText().isBlank())
                && !(node.isArray() && node.isEmpty());
    }

    /** The record as canonical parameters: every parameter under its canonical name, absent ones left out. */
    @SuppressWarnings("unchecked")
    public ObjectNode write(Rule rule) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Bound<R, ?> b : params) {
            write(out, (Bound<R, Object>) b, (R) rule);
        }
        return out;
    }

    private static <R, T> void write(ObjectNode out, Bound<R, T> b, R rule) {
        T value = b.component().apply(rule);
        if (!b.param().type().absent(value)) {
            out.set(b.param().key(), b.param().type().write(value));
        }
    }

    /** The team ids, venue ids and slot indexes the rule names, by parameter. */
    @SuppressWarnings("unchecked")
    public List<Reference> references(Rule rule) {
        List<Reference> out = new ArrayList<>();
        for (Bound<R, ?> b : params) {
            Bound<R, Object> bound = (Bound<R, Object>) b;
            ParamType<Object> t = bound.param().type();
            for (Object v : t.referenced(bound.component().apply((R) rule))) {
                out.add(new Reference(bound.param().key(), t.refers(), v));
            }
        }
        return out;
    }

    /** One id or slot index a rule names. */
    public record Reference(String key, ParamType.Refers refers, Object value) {
    }

    /** The parameters read so far, by declaration. */
    public static final class Values {
        private final Map<Param<?>, Object> values = new HashMap<>();
        private final Map<Param<?>, Boolean> given = new HashMap<>();

        <T> void put(Param<T> p, T value, boolean present) {
            values.put(p, value);
            given.put(p, present);
        }

        @SuppressWarnings("unchecked")
        public <T> T get(Param<T> p) {
            return (T) values.get(p);
        }

        /** Whether the raw parameters gave it (false: its default). */
        public boolean given(Param<?> p) {
            return Boolean.TRUE.equals(given.get(p));
        }
    }

    /** Builds an entry in the order the table lists it: meaning, deviation, parameters, checks. */
    public static final class Builder<R extends Rule> {
        private final ConstraintType type;
        private final String family;
        private String holds;
        private String deviation;
        private final List<Bound<R, ?>> params = new ArrayList<>();
        private final List<Requirement> requirements = new ArrayList<>();
        private final Map<String, Param<?>> byName = new LinkedHashMap<>();
        private boolean needsDates;

        private Builder(ConstraintType type, String family) {
            this.type = type;
            this.family = family;
        }

        public Builder<R> holds(String text) {
            this.holds = text;
            return this;
        }

        public Builder<R> deviation(String text) {
            this.deviation = text;
            return this;
        }

        public <T> Builder<R> param(Param<T> param, Function<R, T> component) {
            for (String name : param.names()) {
                if (byName.put(name, param) != null) {
                    throw new IllegalStateException(type + ": parameter name '" + name + "' declared twice");
                }
            }
            params.add(new Bound<>(param, component));
            return this;
        }

        /** The slots, dates and weekdays a calendar rule covers (one of them given), as one {@link SlotCover}. */
        public Builder<R> cover(Function<R, SlotCover> cover) {
            return param(SlotCover.SLOTS, r -> cover.apply(r).slots()).param(SlotCover.DATES, r -> cover.apply(r).dates())
                    .param(SlotCover.WEEKDAYS, r -> cover.apply(r).weekdays())
                    .atLeastOne(SlotCover.SLOTS, SlotCover.DATES, SlotCover.WEEKDAYS);
        }

        /** The rule reads the slots' dates: a season with an undated slot cannot hold it. */
        public Builder<R> datedSeasonsOnly() {
            this.needsDates = true;
            return this;
        }

        /** The slots, dates and weekdays a rule covers, as one {@link SlotCover}; none given covers every slot. */
        public Builder<R> coverOrEverySlot(Function<R, SlotCover> cover) {
            return param(SlotCover.SLOTS, r -> cover.apply(r).slots())
                    .param(SlotCover.DATES, r -> cover.apply(r).dates()).param(SlotCover.WEEKDAYS, r -> cover.apply(r).weekdays());
        }

        /** At least one of {@code params} must be given. */
        public Builder<R> atLeastOne(Param<?>... params) {
            List<Param<?>> group = List.of(params);
            String names = String.join(" or ", group.stream().map(Param::key).toList());
            requirements.add(new Requirement(group, ParamProblem.Kind.MISSING, v -> group.stream().anyMatch(v::given),
                    v -> v == null ? "one of " + String.join(", ", group.stream().map(Param::key).toList()) + " given"
                            : "needs parameter " + names));
            return this;
        }

        /** A check across parameters; {@code message} gets null when the table asks for its description. */
        public Builder<R> check(List<Param<?>> params, Predicate<Values> ok, Function<Values, String> message) {
            requirements.add(new Requirement(List.copyOf(params), ParamProblem.Kind.OUT_OF_RANGE, ok, message));
            return this;
        }

        /** min ≤ max. */
        public Builder<R> minAtMostMax(Param<Integer> min, Param<Integer> max) {
            return check(List.of(min, max), v -> v.get(min) <= v.get(max),
                    v -> v == null ? "min ≤ max" : "min " + v.get(min) + " > max " + v.get(max));
        }

        public RuleDefinition<R> build(Function<Values, R> make) {
            if (holds == null || deviation == null) {
                throw new IllegalStateException(type + ": say when the rule holds and how its deviation counts");
            }
            return new RuleDefinition<>(type, family, holds, deviation, params, requirements, make, needsDates);
        }
    }
}
