package io.flextime.validate.quarantine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.flextime.core.model.Season;
import io.flextime.validate.findings.Category;
import io.flextime.validate.findings.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which season records go to quarantine: every record an ERROR finding is about, and every constraint
 * a feasibility finding names as conflicting, each with all its reasons. Season-wide findings have no
 * record to quarantine (they stay in the report); historical rows are selected in SQL.
 */
public final class QuarantineSelection {
    private final ObjectMapper mapper;

    public QuarantineSelection(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<QuarantinedRecord> select(Season season, List<Finding> findings) {
        Map<String, ArrayNode> reasons = new LinkedHashMap<>();
        Map<String, Finding> first = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!f.isError() || f.category() == Category.HISTORY) {
                continue;
            }
            List<String[]> targets = new ArrayList<>();
            if (!f.constraintIds().isEmpty()) {
                f.constraintIds().forEach(id -> targets.add(new String[] {"constraint", id}));
            } else if (f.entityId() != null && !"season".equals(f.entity())) {
                targets.add(new String[] {f.entity(), f.entityId()});
            }
            for (String[] t : targets) {
                String key = t[0] + '\u0000' + t[1];
                first.putIfAbsent(key, f);
                reasons.computeIfAbsent(key, k -> mapper.createArrayNode()).addObject()
                        .put("code", f.code()).put("severity", f.severity().name()).put("field", f.field())
                        .put("message", f.message());
            }
        }
        List<QuarantinedRecord> out = new ArrayList<>();
        reasons.forEach((key, why) -> {
            String[] t = key.split("\u0000", 2);
            Finding f = first.get(key);
            Long row = f.entity().equals(t[0]) && f.entityId() != null && f.entityId().equals(t[1]) && f.row() != null
                    ? Long.valueOf(f.row()) : position(season, t[0], t[1]);
            out.add(QuarantinedRecord.of(t[0], t[1], row, record(season, t[0], t[1]).orElse(null), why));
        });
        return out;
    }

    /** 1-based position of a constraint (the records feasibility findings name) in its list. */
    private static Long position(Season s, String entity, String id) {
        if (!"constraint".equals(entity)) {
            return null;
        }
        for (int i = 0; i < s.constraints().size(); i++) {
            if (id.equals(s.constraints().get(i).id())) {
                return (long) i + 1;
            }
        }
        return null;
    }

    private Optional<JsonNode> record(Season s, String entity, String id) {
        Optional<?> found = switch (entity) {
            case "team" -> s.teams().stream().filter(x -> id.equals(x.id())).findFirst();
            case "venue" -> s.venues().stream().filter(x -> id.equals(x.id())).findFirst();
            case "slot" -> s.slots().stream().filter(x -> id.equals(Integer.toString(x.index()))).findFirst();
            case "constraint" -> s.constraints().stream().filter(x -> id.equals(x.id())).findFirst();
            case "matchup" -> s.matchups().stream().filter(x -> id.equals(x.home() + ">" + x.away())).findFirst();
            case "distance" -> s.distances().stream().filter(x -> id.equals(x.fromVenue() + ">" + x.toVenue())).findFirst();
            default -> Optional.empty();
        };
        return found.map(mapper::valueToTree);
    }
}
