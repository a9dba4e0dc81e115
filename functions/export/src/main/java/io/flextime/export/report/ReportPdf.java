package io.flextime.export.report;

import io.flextime.export.render.PdfPen;
import io.flextime.export.report.ReportView.Box;
import io.flextime.export.report.ReportView.Chart;
import io.flextime.export.report.ReportView.Label;
import io.flextime.export.report.ReportView.Row;
import io.flextime.export.report.ReportView.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws a {@link ReportView} with PDFBox on landscape Letter pages: the title and headline figures,
 * each picture on its own page (the chart's boxes as coloured rectangles, scaled to the page), then
 * the tables, paginated with their header repeated.
 */
final class ReportPdf {
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth());
    private static final float MARGIN = 36;
    private static final float ROW = 13;
    private static final float TEXT = 8;

    private ReportPdf() {
    }

    /** {@code created} goes into the document information, so the same view gives the same bytes. */
    static byte[] render(ReportView view, Instant created) {
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setTitle(view.title());
            doc.getDocumentInformation().setCreator("FlexTime export");
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            when.setTimeInMillis(created == null ? 0 : created.toEpochMilli());
            doc.getDocumentInformation().setCreationDate(when);
            // PDFBox derives the trailer /ID from this, else from the clock: a re-render would differ.
            doc.setDocumentId(when.getTimeInMillis());
            PdfPen pen = PdfPen.embed(doc);
            summaryPage(doc, pen, view);
            for (Chart chart : view.charts()) {
                chartPage(doc, pen, view, chart);
            }
            for (Table table : view.tables()) {
                tablePages(doc, pen, view, table);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summaryPage(PDDocument doc, PdfPen pen, ReportView view) throws IOException {
        try (PDPageContentStream cs = page(doc)) {
            float y = heading(cs, pen, view.title(), view.subtitle());
            for (int i = 0; i < view.facts().size(); i++) {
                ReportView.Fact f = view.facts().get(i);
                pen.text(cs, pen.bold, 11, MARGIN, y, f.label());
                pen.text(cs, pen.regular, 11, MARGIN + 170, y, f.value());
                y -= 18;
            }
        }
    }

    private static void chartPage(PDDocument doc, PdfPen pen, ReportView view, Chart chart) throws IOException {
        try (PDPageContentStream cs = page(doc)) {
            float top = heading(cs, pen, chart.title(), chart.caption()) + 6;
            float scale = (float) Math.min(1.0, Math.min((PAGE.getWidth() - 2 * MARGIN) / chart.width(),
                    (top - MARGIN) / chart.height()));
            for (Box b : chart.boxes()) {
                fill(cs, b.fill());
                cs.addRect(MARGIN + (float) b.x() * scale, top - (float) (b.y() + b.h()) * scale, (float) b.w() * scale,
                        (float) b.h() * scale);
                cs.fill();
                if (b.text() != null && !b.text().isEmpty()) {
                    fill(cs, b.textFill());
                    float size = 9 * scale;
                    pen.text(cs, pen.bold, size, MARGIN + (float) b.textX() * scale - pen.width(pen.bold, size, b.text()) / 2,
                            top - (float) b.textY() * scale, b.text());
                }
            }
            fill(cs, Palette.TEXT);
            for (Label l : chart.labels()) {
                PDFont font = l.bold() ? pen.bold : pen.regular;
                float size = (float) l.size() * scale;
                float width = pen.width(font, size, l.text());
                float shift = "end".equals(l.anchor()) ? width : "middle".equals(l.anchor()) ? width / 2 : 0;
                pen.text(cs, font, size, MARGIN + (float) l.x() * scale - shift, top - (float) l.y() * scale, l.text());
            }
        }
    }

    private static void tablePages(PDDocument doc, PdfPen pen, ReportView view, Table table) throws IOException {
        float[] widths = columnWidths(pen, table);
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        float scale = Math.min(1f, (PAGE.getWidth() - 2 * MARGIN) / total);
        List<Row> rows = table.rows();
        int perPage = (int) ((PAGE.getHeight() - 2 * MARGIN - 40) / ROW);
        int pages = Math.max(1, (rows.size() + perPage - 1) / perPage);
        for (int p = 0; p < pages; p++) {
            try (PDPageContentStream cs = page(doc)) {
                float y = heading(cs, pen, table.title() + (pages > 1 ? " (" + (p + 1) + "/" + pages + ")" : ""), view.title());
                row(cs, pen, pen.bold, table, table.head(), widths, scale, y);
                PdfPen.line(cs, MARGIN, y - 4, MARGIN + total * scale);
                if (rows.isEmpty()) {
                    pen.text(cs, pen.regular, TEXT, MARGIN, y - ROW - 4, table.empty());
                }
                for (Row r : rows.subList(p * perPage, Math.min(rows.size(), (p + 1) * perPage))) {
                    y -= ROW;
                    row(cs, pen, pen.regular, table, r.cells(), widths, scale, y - 4);
                }
            }
        }
    }

    private static void row(PDPageContentStream cs, PdfPen pen, PDFont font, Table table, List<String> cells, float[] widths,
            float scale, float y) throws IOException {
        float x = MARGIN;
        float size = TEXT * scale;
        for (int c = 0; c < cells.size(); c++) {
            float w = widths[c] * scale;
            boolean right = "r".equals(table.align().get(c));
            float tx = right ? x + w - 6 * scale - pen.width(font, size, cells.get(c)) : x;
            pen.text(cs, font, size, tx, y, cells.get(c));
            x += w;
        }
    }

    private static float[] columnWidths(PdfPen pen, Table table) throws IOException {
        float[] widths = new float[table.head().size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = pen.width(pen.bold, TEXT, table.head().get(c)) + 12;
        }
        for (Row r : table.rows()) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], pen.width(pen.regular, TEXT, r.cells().get(c)) + 12);
            }
        }
        return widths;
    }

    private static PDPageContentStream page(PDDocument doc) throws IOException {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        return new PDPageContentStream(doc, page);
    }

    /** Title and a smaller line under it; returns the baseline where the content starts. */
    private static float heading(PDPageContentStream cs, PdfPen pen, String title, String subtitle) throws IOException {
        float y = PAGE.getHeight() - MARGIN - 6;
        pen.text(cs, pen.bold, 15, MARGIN, y, title);
        y -= 15;
        if (subtitle != null && !subtitle.isEmpty()) {
            pen.text(cs, pen.regular, 8, MARGIN, y, subtitle);
        }
        return y - 22;
    }

    private static void fill(PDPageContentStream cs, String hex) throws IOException {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        cs.setNonStrokingColor(((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f);
    }
}
