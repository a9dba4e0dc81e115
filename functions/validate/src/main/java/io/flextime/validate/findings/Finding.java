package io.flextime.validate.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One validation finding.
 *
 * @param code          stable code, see {@link FindingCode} and the README table
 * @param entity        season, team, venue, slot, constraint, matchup, distance, historical_game
 * @param entityId      the record's id (team id, slot index, constraint id, "home>away", ...), or null
 * @param row           1-based position of the record in its entity list (historical games: the source
 *                      row number), or null for season-wide findings
 * @param field         the offending field or parameter, or null
 * @param constraintIds the constraints a feasibility finding names as conflicting (empty otherwise)
 * @param count         how many records the finding stands for (historical-game findings aggregate rows)
 */
@RegisterForReflection
@io.quarkus.qute.TemplateData
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Finding(String code, Severity severity, Category category, String entity, String entityId, Integer row,
        String field, String message, List<String> constraintIds, long count) {

    public Finding {
        constraintIds = constraintIds == null ? List.of() : List.copyOf(constraintIds);
        count = Math.max(1, count);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The record this finding is about, as one key (entity + id); null for season-wide findings. */
    public String recordKey() {
        return entityId == null ? null : entity + ':' + entityId;
    }
}
