package io.flextime.ingest.tabular;

import java.util.List;

/**
 * One table of a tabular upload as it is read: where it comes from (file, and sheet for a workbook),
 * its header and its rows, numbered as a spreadsheet shows them (header = row 1).
 */
public record TableRows(String file, String sheet, List<String> header, List<Row> rows) {

    public record Row(long number, List<String> cells) {
        public String cell(int i) {
            if (i < 0 || i >= cells.size()) {
                return null;
            }
            String v = cells.get(i);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }
}
