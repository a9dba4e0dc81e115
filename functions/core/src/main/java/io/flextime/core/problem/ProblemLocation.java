package io.flextime.core.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where one thing is wrong and why. {@code row} is 1-based as a spreadsheet shows it (the header is
 * row 1 in CSV and Excel); {@code column} is the column or field name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemLocation(String code, String file, String sheet, Long row, String column, String reason) {

    public static ProblemLocation of(String code, String file, String reason) {
        return new ProblemLocation(code, file, null, null, null, reason);
    }

    public static ProblemLocation at(String code, String file, String sheet, long row, String column, String reason) {
        return new ProblemLocation(code, file, sheet, row, column, reason);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (file != null) {
            s.append(file);
        }
        if (sheet != null) {
            s.append(" sheet ").append(sheet);
        }
        if (row != null) {
            s.append(" row ").append(row);
        }
        if (column != null) {
            s.append(" column ").append(column);
        }
        return s.append(s.length() > 0 ? ": " : "").append(reason).append(" [").append(code).append(']').toString();
    }
}
