package io.flextime.export.analytics;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a team does in one slot. {@code breakGame}: this game and the team's game in the slot before
 * are both at home or both away (the second game of a break).
 */
@RegisterForReflection
public record PatternCell(Role role, String opponent, boolean breakGame) {

    public enum Role { HOME, AWAY, BYE }

    public static final PatternCell BYE = new PatternCell(Role.BYE, null, false);
}
