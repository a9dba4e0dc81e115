package io.flextime.core.model;

/**
 * The constraint vocabulary: the RobinX classes used by ITC2021 (OrganizationITC2021_V7.pdf) plus
 * FlexTime's calendar and travel extensions. Parameters live in {@link SeasonConstraint#params()}
 * under the keys listed per type (team ids are strings, slots are slot indexes).
 */
public enum ConstraintType {
    /** Capacity: each team in {@code teams} plays at most {@code max} (at least {@code min}) games in
     * {@code mode} (H, A, HA) over {@code slots}. */
    CA1(true),
    /** Capacity: each team in {@code teams1} plays at most {@code max} games in {@code mode1} against
     * teams in {@code teams2} over {@code slots} ({@code mode2} GLOBAL). */
    CA2(true),
    /** Capacity: each team in {@code teams1} plays at most {@code max} games in {@code mode1} against
     * {@code teams2} in each sequence of {@code intp} consecutive slots. */
    CA3(true),
    /** Capacity: teams in {@code teams1} together play at most {@code max} games in {@code mode1}
     * against {@code teams2} over {@code slots}, in total ({@code mode2} GLOBAL) or per slot (EVERY). */
    CA4(true),
    /** Game placement: at least {@code min} and at most {@code max} of the {@code meetings}
     * ([home, away] pairs) take place in {@code slots}. */
    GA1(true),
    /** Breaks: each team in {@code teams} has at most {@code intp} breaks of {@code mode} (H, A, HA)
     * in {@code slots}. */
    BR1(true),
    /** Breaks: the teams in {@code teams} together have at most {@code intp} breaks in {@code slots}. */
    BR2(true),
    /** Fairness: the home-game counts of any two teams in {@code teams} differ by at most
     * {@code intp} after every slot of {@code slots}. */
    FA2(true),
    /** Separation: each pair of {@code teams} has at least {@code min} slots between its two games. */
    SE1(true),
    /** {@code venue} cannot host on {@code dates} (ISO dates) and/or {@code slots}. */
    VENUE_UNAVAILABLE(false),
    /** {@code team} cannot play on {@code dates}, {@code slots} and/or {@code weekdays}
     * (e.g. SUNDAY); optional {@code mode} H/A/HA restricts which games are excluded. */
    TEAM_UNAVAILABLE(false),
    /** {@code home} hosts {@code away} in slot {@code slot} (or on {@code date}). */
    FIXED_GAME(false),
    /** The {@code teams} share {@code venue}: at most one of them plays at home per date (slot). */
    SHARED_VENUE(false),
    /** Each team in {@code teams} (all when absent) has at least {@code days} days between games. */
    MIN_REST_DAYS(false),
    /** Each team in {@code teams} (all when absent) plays at most {@code max} consecutive away games. */
    MAX_ROAD_TRIP(false);

    private final boolean robinX;

    ConstraintType(boolean robinX) {
        this.robinX = robinX;
    }

    /** True for the RobinX / ITC2021 classes, false for FlexTime's extensions. */
    public boolean isRobinX() {
        return robinX;
    }

    /** Parses a type name case-insensitively; throws IllegalArgumentException listing the known types. */
    public static ConstraintType parse(String name) {
        if (name != null) {
            String wanted = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            for (ConstraintType t : values()) {
                if (t.name().equals(wanted)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown constraint type '" + name + "'; known: "
                + java.util.Arrays.toString(values()));
    }
}
