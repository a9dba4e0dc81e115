package io.flextime.core.model;

/** Objective = travel × distance (km) + penalty × (Σ soft-constraint penalty × deviation). */
public record ObjectiveWeights(double travel, double penalty) {
    public static final ObjectiveWeights DEFAULT = new ObjectiveWeights(1.0, 1.0);

    public ObjectiveWeights {
        if (travel < 0 || penalty < 0 || Double.isNaN(travel) || Double.isNaN(penalty)) {
            throw new IllegalArgumentException("objective weights must be non-negative numbers");
        }
    }
}
