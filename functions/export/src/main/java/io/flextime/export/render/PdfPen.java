package io.flextime.export.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes text into PDFBox pages with Liberation Sans (SIL OFL, from the openpdf-fonts-extra jar)
 * embedded as a subset: Lambda has no system fonts, and a PDF must carry its fonts to print the same
 * everywhere. Characters the font has no glyph for are replaced (accents are kept when possible).
 */
public final class PdfPen {
    static final String FONT_REGULAR = "/liberation/LiberationSans-Regular.ttf";
    static final String FONT_BOLD = "/liberation/LiberationSans-Bold.ttf";
    private static final byte[] REGULAR = resource(FONT_REGULAR);
    private static final byte[] BOLD = resource(FONT_BOLD);

    public final PDFont regular;
    public final PDFont bold;

    private PdfPen(PDFont regular, PDFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Loads both fonts into the document (subset-embedded when the document is saved). */
    public static PdfPen embed(PDDocument doc) throws IOException {
        return new PdfPen(PDType0Font.load(doc, new ByteArrayInputStream(REGULAR)), PDType0Font.load(doc, new ByteArrayInputStream(BOLD)));
    }

    public void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(printable(font, text == null ? "" : text));
        cs.endText();
    }

    /** The width of a text in points, as {@link #text} will print it. */
    public float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(printable(font, text == null ? "" : text)) / 1000f * size;
    }

    public static void line(PDPageContentStream cs, float x1, float y, float x2) throws IOException {
        cs.setLineWidth(0.5f);
        cs.moveTo(x1, y);
        cs.lineTo(x2, y);
        cs.stroke();
    }

    private static String printable(PDFont font, String text) {
        try {
            font.encode(text);
            return text;
        } catch (IllegalArgumentException | IOException e) {
            StringBuilder out = new StringBuilder();
            for (char c : Normalizer.normalize(text, Normalizer.Form.NFKD).toCharArray()) {
                try {
                    font.encode(String.valueOf(c));
                    out.append(c);
                } catch (IllegalArgumentException | IOException unsupported) {
                    out.append(c < 128 ? c : '?');
                }
            }
            return out.toString();
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfPen.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font " + path + " is not on the class path (openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
