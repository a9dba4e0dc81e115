package io.flextime.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.rules.Malformed;
import io.flextime.core.rules.Rule;
import io.flextime.core.rules.RuleCatalogue;

/**
 * One rule of the season. Hard constraints must hold; a soft one costs {@code penalty} × deviation.
 * {@code rule} holds its parameters typed (the type's record in {@link RuleCatalogue}), or
 * {@link Malformed} when raw parameters could not be read. In JSON and in the database the parameters
 * are the raw {@code params} object; they are read through the catalogue on the way in and written from
 * the record on the way out.
 */
@JsonPropertyOrder({"id", "type", "hard", "penalty", "params"})
public record SeasonConstraint(String id, ConstraintType type, boolean hard, int penalty, @JsonIgnore Rule rule) {

    public SeasonConstraint {
        if (rule == null) {
            rule = RuleCatalogue.read(type, null);
        }
        if (type != null && rule.type() != null && rule.type() != type) {
            throw new IllegalArgumentException("constraint " + id + ": a " + rule.type() + " rule given as " + type);
        }
        if (type == null) {
            type = rule.type();
        }
    }

    /** From raw parameters, as stored and uploaded: read through the catalogue. */
    @JsonCreator
    public SeasonConstraint(@JsonProperty("id") String id, @JsonProperty("type") ConstraintType type,
            @JsonProperty("hard") boolean hard, @JsonProperty("penalty") int penalty, @JsonProperty("params") ObjectNode params) {
        this(id, type, hard, penalty, RuleCatalogue.read(type, params));
    }

    /** From a typed rule. */
    public SeasonConstraint(String id, boolean hard, int penalty, Rule rule) {
        this(id, rule.type(), hard, penalty, rule);
    }

    /** The parameters as JSON: canonical ones written from the record, or the raw ones of a malformed rule. */
    @JsonProperty("params")
    public ObjectNode params() {
        return RuleCatalogue.write(rule);
    }

    /** Whether the parameters were read into the type's record. */
    @JsonIgnore
    public boolean wellFormed() {
        return !(rule instanceof Malformed);
    }

    /** The same rule with another hardness and penalty (e.g. a hard rule softened to find violations). */
    public SeasonConstraint withHardness(boolean hard, int penalty) {
        return new SeasonConstraint(id, type, hard, penalty, rule);
    }
}
