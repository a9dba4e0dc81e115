package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;

/**
 * A constraint's parameters, typed: one record per {@link ConstraintType} (see {@link RuleCatalogue}),
 * or {@link Malformed} when the raw parameters could not be read. Solve and validate read these records
 * only, never the raw parameter keys.
 */
public interface Rule {
    ConstraintType type();
}
