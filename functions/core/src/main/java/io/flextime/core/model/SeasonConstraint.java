package io.flextime.core.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One rule of the season. Hard constraints must hold; a soft one costs {@code penalty} × deviation.
 * {@code params} holds the type's parameters as documented on {@link ConstraintType}.
 */
public record SeasonConstraint(String id, ConstraintType type, boolean hard, int penalty, ObjectNode params) {
}
