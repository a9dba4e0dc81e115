package io.flextime.core.security;

import java.util.Locale;
import java.util.Optional;

/** The roles a token grants (claim {@code groups}); which door takes which is the {@link Door} table. */
public enum Role {
    /** Reads a conference's seasons, schedules, exports, reports and runs. */
    VIEWER,
    /** Uploads seasons, solves and cancels, corrects quarantined records. */
    SCHEDULER,
    /** Decides what partners receive: webhook subscriptions, secrets, replays. */
    PUBLISHER,
    /** Reads the audit trail; with a token of the platform tenant, runs backups, restores and the schedules. */
    OPERATOR;

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role r : values()) {
            if (r.claim().equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
