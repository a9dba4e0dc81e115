package io.flextime.export.analytics;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One team in one schedule version.
 *
 * @param travelKm null when a distance is unknown (no matrix entry and no coordinates)
 * @param pattern  one cell per slot of {@link VersionFigures#slots()}, in the same order
 */
@RegisterForReflection
public record TeamFigures(String team, String name, Double travelKm, int breaks, int home, int away, int byes,
        List<PatternCell> pattern) {
}
