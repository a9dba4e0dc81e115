package io.flextime.export.report;

import java.util.List;

/**
 * What a report shows, already laid out and formatted: the HTML template and the PDF writer draw the
 * same view, so both files always say the same thing.
 */
public record ReportView(String title, String subtitle, List<Fact> facts, List<Chart> charts, List<Table> tables) {

    /** A headline figure ("Total travel", "313,840 km"). */
    public record Fact(String label, String value) {
    }

    /**
     * A picture in a top-left coordinate system (SVG's), in CSS pixels: filled boxes with optional
     * centred text and a tooltip, and free text labels whose {@code y} is the baseline.
     */
    public record Chart(String title, String caption, double width, double height, List<Box> boxes, List<Label> labels) {
    }

    public record Box(double x, double y, double w, double h, String fill, String text, String textFill, String tooltip) {
        public double textX() {
            return x + w / 2;
        }

        public double textY() {
            return y + h / 2 + 3;
        }
    }

    /** {@code anchor}: start, middle or end (SVG text-anchor). */
    public record Label(double x, double y, String text, String anchor, double size, boolean bold) {
        public String weight() {
            return bold ? "bold" : "normal";
        }
    }

    /** {@code align}: "l" or "r" per column. */
    public record Table(String title, List<String> head, List<String> align, List<Row> rows, String empty) {
    }

    public record Row(List<String> cells) {
    }
}
