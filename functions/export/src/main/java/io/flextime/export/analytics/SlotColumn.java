package io.flextime.export.analytics;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;

/** One column of the home/away grid: a slot of the season (its date when it has one). */
@RegisterForReflection
public record SlotColumn(int index, LocalDate date, String label) {
}
