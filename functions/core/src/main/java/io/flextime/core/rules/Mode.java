package io.flextime.core.rules;

/** Which of a team's games a rule counts: home games (H), away games (A) or both (HA). */
public enum Mode {
    H, A, HA;

    /** Whether a game the team plays at home ({@code atHome}) or away counts. */
    public boolean counts(boolean atHome) {
        return this == HA || (this == H) == atHome;
    }

    public boolean countsHome() {
        return this != A;
    }

    public boolean countsAway() {
        return this != H;
    }
}
