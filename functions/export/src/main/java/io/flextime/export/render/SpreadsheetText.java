package io.flextime.export.render;

/**
 * Neutralizes spreadsheet formula injection (OWASP "CSV Injection"): a cell whose text starts with
 * = + - @, a tab, a carriage return or NUL is prefixed with a single quote, so Excel, LibreOffice
 * and Google Sheets show it as text instead of evaluating it. Applied to every text cell of CSV and
 * XLSX files (not to numbers and dates, which are written as such).
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\0' ? "'" + text : text;
    }
}
