package io.flextime.export.render;

import io.flextime.core.model.Team;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Excel workbook (SXSSF, streamed): a "Season" sheet with every game and one sheet per team, each
 * with a frozen header row and real date cells. Text cells are formula-safe.
 */
public final class XlsxFormat implements ScheduleFormat {
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String SEASON_SHEET = "Season";
    static final String[] SEASON_HEADER = { "Game", "Date", "Start", "Slot", "Home", "Away", "Venue", "City", "UID", "Sequence" };
    static final String[] TEAM_HEADER = { "Date", "Start", "Slot", "H/A", "Opponent", "Venue", "City", "Game" };

    @Override
    public List<RenderedFile> render(PublishedSchedule s) {
        return List.of(new RenderedFile("schedule.xlsx", "xlsx", CONTENT_TYPE, write(s)));
    }

    private byte[] write(PublishedSchedule s) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(wb);
            Sheet season = wb.createSheet(SEASON_SHEET);
            header(season, SEASON_HEADER, styles.header);
            int r = 1;
            for (PublishedGame g : s.confirmedGames()) {
                Row row = season.createRow(r++);
                row.createCell(0).setCellValue(g.number());
                date(row, 1, g, styles);
                text(row, 2, s.startTime(g) == null ? "" : s.startTime(g).toString());
                row.createCell(3).setCellValue(g.slotIndex());
                text(row, 4, s.teamName(g.homeTeam()));
                text(row, 5, s.teamName(g.awayTeam()));
                text(row, 6, s.venueName(g));
                text(row, 7, s.venue(s.venueOf(g)).map(v -> v.city()).orElse(""));
                text(row, 8, g.uid());
                row.createCell(9).setCellValue(g.sequence());
            }
            widths(season, new int[] { 6, 12, 7, 6, 22, 22, 28, 18, 40, 9 });
            Set<String> used = new HashSet<>(Set.of(SEASON_SHEET.toLowerCase(Locale.ROOT)));
            for (Team t : s.season().teams()) {
                Sheet sheet = wb.createSheet(sheetName(t.name(), used));
                header(sheet, TEAM_HEADER, styles.header);
                int tr = 1;
                for (PublishedGame g : s.confirmedGamesOf(t.id())) {
                    Row row = sheet.createRow(tr++);
                    date(row, 0, g, styles);
                    text(row, 1, s.startTime(g) == null ? "" : s.startTime(g).toString());
                    row.createCell(2).setCellValue(g.slotIndex());
                    text(row, 3, g.homeTeam().equals(t.id()) ? "H" : "A");
                    text(row, 4, s.teamName(g.opponentOf(t.id())));
                    text(row, 5, s.venueName(g));
                    text(row, 6, s.venue(s.venueOf(g)).map(v -> v.city()).orElse(""));
                    row.createCell(7).setCellValue(g.number());
                }
                widths(sheet, new int[] { 12, 7, 6, 5, 22, 28, 18, 6 });
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Excel sheet names: at most 31 characters, no []:*?/\ and unique case-insensitively. */
    static String sheetName(String wanted, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Team" : wanted);
        String name = base;
        for (int i = 2; used.contains(name.toLowerCase(Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    private static void header(Sheet sheet, String[] names, CellStyle style) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            var cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(style);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void date(Row row, int col, PublishedGame g, Styles styles) {
        var cell = row.createCell(col);
        if (g.date() != null) {
            cell.setCellValue(g.date());
            cell.setCellStyle(styles.date);
        }
    }

    private static void text(Row row, int col, String value) {
        row.createCell(col).setCellValue(SpreadsheetText.safe(value));
    }

    private static void widths(Sheet sheet, int[] chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle date;

        Styles(SXSSFWorkbook wb) {
            header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        }
    }
}
