package io.flextime.export.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How figures read in a report (English, grouped thousands, "n/a" for unknown). */
final class ReportText {
    static final String UNKNOWN = "n/a";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);

    private ReportText() {
    }

    static String km(Double km) {
        return km == null ? UNKNOWN : String.format(Locale.ROOT, "%,.0f km", km);
    }

    static String signedKm(Double km) {
        return km == null ? UNKNOWN : signed(String.format(Locale.ROOT, "%,.0f", km), km) + " km";
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%,.2f", value);
    }

    static String signedNumber(double value) {
        return signed(number(value), value);
    }

    static String count(Integer value) {
        return value == null ? UNKNOWN : Integer.toString(value);
    }

    static String signedCount(Integer value) {
        return value == null ? UNKNOWN : signed(Integer.toString(value), value);
    }

    /** Where a game is: its date and slot, or the slot alone for seasons without dates. */
    static String placement(Integer slot, LocalDate date) {
        if (slot == null) {
            return "";
        }
        return date == null ? "slot " + slot : DAY.format(date) + " (slot " + slot + ")";
    }

    static String fit(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A leading "+" for increases; "0" stays unsigned. */
    private static String signed(String formatted, double value) {
        return value > 0 && !formatted.startsWith("+") && !formatted.matches("[0,.]+") ? "+" + formatted : formatted;
    }
}
