package io.flextime.export.analytics;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;

/**
 * A game that differs between two versions. {@code home}/{@code away} are as in the candidate (as in
 * the base for a removed game); {@code previousSlot}/{@code previousDate} are the base's placement
 * (moved, flipped; null for added and removed).
 */
@RegisterForReflection
public record ChangedGame(String change, String home, String away, Integer slot, LocalDate date, Integer previousSlot,
        LocalDate previousDate) {

    /** Same home and away teams, another slot or date. */
    public static final String MOVED = "moved";
    /** Home and away swapped (possibly also in another slot: then previousSlot differs from slot). */
    public static final String FLIPPED = "flipped";
    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
}
