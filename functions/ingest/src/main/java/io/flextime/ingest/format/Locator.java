package io.flextime.ingest.format;

import io.flextime.core.problem.ProblemLocation;

/** Where the n-th entity of a table came from in the upload, so semantic problems point at the source. */
@FunctionalInterface
public interface Locator {
    ProblemLocation at(String code, String table, int index, String field, String reason);

    /** For a JSON document: the JSON path of the field. */
    static Locator json(String file) {
        return (code, table, index, field, reason) -> new ProblemLocation(code, file, null, null,
                "$." + table + (index >= 0 ? "[" + index + "]" : "") + (field == null ? "" : "." + field), reason);
    }

    /** For sources without rows (RobinX, TTP): the entity and field. */
    static Locator entity(String file) {
        return (code, table, index, field, reason) -> new ProblemLocation(code, file, null, null,
                table + (index >= 0 ? "[" + index + "]" : "") + (field == null ? "" : "." + field), reason);
    }
}
