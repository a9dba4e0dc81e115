package io.flextime.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a constraint's parameters. Lists may be JSON arrays or RobinX-style "a;b;c" strings (both
 * shapes reach us: JSON documents and RobinX XML), so the model and the evaluator read them the same
 * way. A missing required key is an {@link IllegalArgumentException} naming the constraint.
 */
public final class ConstraintParams {
    private final SeasonConstraint constraint;
    private final ObjectNode params;

    public ConstraintParams(SeasonConstraint constraint) {
        this.constraint = constraint;
        this.params = constraint.params() == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : constraint.params();
    }

    public boolean has(String key) {
        JsonNode n = params.get(key);
        return n != null && !n.isNull() && !(n.isTextual() && n.asText().isBlank())
                && !(n.isArray() && n.isEmpty());
    }

    /** The first present key among {@code keys}, or null. */
    public String firstKey(String... keys) {
        for (String k : keys) {
            if (has(k)) {
                return k;
            }
        }
        return null;
    }

    public int integer(String key) {
        if (!has(key)) {
            throw missing(key);
        }
        JsonNode n = params.get(key);
        try {
            return n.isNumber() ? n.intValue() : Integer.parseInt(n.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("constraint " + constraint.id() + ": '" + key + "' is not an integer: " + n);
        }
    }

    public int integer(String key, int fallback) {
        return has(key) ? integer(key) : fallback;
    }

    public String text(String key, String fallback) {
        return has(key) ? params.get(key).asText().trim().toUpperCase(Locale.ROOT) : fallback;
    }

    /** A list of strings from an array or a ';'/','-separated string. */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        if (!has(key)) {
            return out;
        }
        JsonNode n = params.get(key);
        if (n.isArray()) {
            n.forEach(e -> out.add(e.asText().trim()));
        } else {
            for (String part : n.asText().split("[;,]")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    public List<Integer> integers(String key) {
        List<Integer> out = new ArrayList<>();
        for (String s : strings(key)) {
            try {
                out.add(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("constraint " + constraint.id() + ": '" + key + "' holds a non-integer '" + s + "'");
            }
        }
        return out;
    }

    public List<LocalDate> dates(String key) {
        return strings(key).stream().map(LocalDate::parse).toList();
    }

    public List<DayOfWeek> weekdays(String key) {
        return strings(key).stream().map(s -> DayOfWeek.valueOf(s.toUpperCase(Locale.ROOT))).toList();
    }

    /**
     * GA1 meetings as [home, away] pairs: [["0","1"],…], [{"home":"0","away":"1"},…] or "0,1;1,2;".
     */
    public List<String[]> meetings(String key) {
        List<String[]> out = new ArrayList<>();
        if (!has(key)) {
            return out;
        }
        JsonNode n = params.get(key);
        if (n.isArray()) {
            for (JsonNode m : n) {
                if (m.isArray() && m.size() == 2) {
                    out.add(new String[] {m.get(0).asText().trim(), m.get(1).asText().trim()});
                } else if (m.isObject() && m.has("home") && m.has("away")) {
                    out.add(new String[] {m.get("home").asText().trim(), m.get("away").asText().trim()});
                } else if (m.isTextual() && m.asText().contains(",")) {
                    String[] p = m.asText().split(",");
                    out.add(new String[] {p[0].trim(), p[1].trim()});
                } else {
                    throw new IllegalArgumentException("constraint " + constraint.id() + ": bad meeting " + m);
                }
            }
        } else {
            for (String part : n.asText().split(";")) {
                if (!part.isBlank()) {
                    String[] p = part.split(",");
                    if (p.length != 2) {
                        throw new IllegalArgumentException("constraint " + constraint.id() + ": bad meeting '" + part + "'");
                    }
                    out.add(new String[] {p[0].trim(), p[1].trim()});
                }
            }
        }
        return out;
    }

    private IllegalArgumentException missing(String key) {
        return new IllegalArgumentException("constraint " + constraint.id() + " (" + constraint.type() + "): missing parameter '" + key + "'");
    }
}
