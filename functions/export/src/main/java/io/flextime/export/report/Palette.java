package io.flextime.export.report;

/** The report colours (hex RGB), chosen to stay apart for colour-blind readers (blue/orange) and in grey print. */
final class Palette {
    static final String HOME = "#2b6cb0";
    static final String HOME_BREAK = "#1a365d";
    static final String AWAY = "#ed8936";
    static final String AWAY_BREAK = "#9c4221";
    static final String BYE = "#e2e8f0";
    static final String BASE = "#a0aec0";
    static final String TEXT_ON_DARK = "#ffffff";
    static final String TEXT = "#1a202c";

    private Palette() {
    }
}
