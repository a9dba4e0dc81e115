package io.flextime.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a parameter's value is read from its JSON (or RobinX attribute) form, written back, documented,
 * and what it refers to. Lists come as JSON arrays or as RobinX-style "a;b;c" strings: both reach us
 * (JSON documents, spreadsheets, RobinX XML) and read the same.
 */
public final class ParamType<T> {
    /** What the values of a parameter name, so references can be checked against the season. */
    public enum Refers { NOTHING, TEAMS, SLOTS, VENUES }

    @FunctionalInterface
    interface Reader<T> {
        /** Reads a present value or throws {@link InvalidParam}. */
        T read(JsonNode node);
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String doc;
    private final Reader<T> reader;
    private final Function<T, JsonNode> writer;
    private final Predicate<T> absent;
    private final Refers refers;
    private final Function<T, List<?>> referenced;

    private ParamType(String doc, Reader<T> reader, Function<T, JsonNode> writer, Predicate<T> absent, Refers refers,
            Function<T, List<?>> referenced) {
        this.doc = doc;
        this.reader = reader;
        this.writer = writer;
        this.absent = absent;
        this.refers = refers;
        this.referenced = referenced;
    }

    /** Team ids; the single entry "all" (any case) means every team, as an absent list does. */
    public static final ParamType<List<String>> TEAM_IDS = new ParamType<>("team ids", node -> {
        List<String> ids = texts(node, "team id");
        return ids.size() == 1 && ids.get(0).equalsIgnoreCase("all") ? List.of() : ids;
    }, ParamType::textArray, List::isEmpty, Refers.TEAMS, ids -> ids);

    public static final ParamType<String> TEAM_ID = new ParamType<>("team id", node -> text(node, "team id"),
            JSON::textNode, s -> s == null, Refers.TEAMS, List::of);

    public static final ParamType<String> VENUE_ID = new ParamType<>("venue id", node -> text(node, "venue id"),
            JSON::textNode, s -> s == null, Refers.VENUES, List::of);

    public static final ParamType<List<Integer>> SLOT_INDEXES = new ParamType<>("slot indexes", node -> {
        List<Integer> out = new ArrayList<>();
        for (String s : texts(node, "slot index")) {
            out.add(integer(s, "slot index"));
        }
        return List.copyOf(out);
    }, values -> {
        ArrayNode a = JSON.arrayNode();
        values.forEach(a::add);
        return a;
    }, List::isEmpty, Refers.SLOTS, slots -> slots);

    public static final ParamType<Integer> SLOT_INDEX = new ParamType<>("slot index", node -> whole(node, "slot index"),
            JSON::numberNode, v -> v == null, Refers.SLOTS, List::of);

    /** A whole number ≥ 0 (bounds, window lengths, days). */
    public static final ParamType<Integer> COUNT = new ParamType<>("whole number ≥ 0", node -> {
        int v = whole(node, "whole number");
        if (v < 0) {
            throw InvalidParam.outOfRange(v + " is negative");
        }
        return v;
    }, JSON::numberNode, v -> v == null, Refers.NOTHING, v -> List.of());

    /** An upper bound: a whole number ≥ 0, {@link RuleCatalogue#NO_LIMIT} when absent. */
    public static final ParamType<Integer> LIMIT = new ParamType<>("whole number ≥ 0", COUNT.reader, JSON::numberNode,
            v -> v == null || v == RuleCatalogue.NO_LIMIT, Refers.NOTHING, v -> List.of());

    public static final ParamType<List<LocalDate>> DATES = new ParamType<>("ISO dates", node -> {
        List<LocalDate> out = new ArrayList<>();
        for (String s : texts(node, "date")) {
            out.add(date(s));
        }
        return List.copyOf(out);
    }, values -> textArray(values.stream().map(LocalDate::toString).toList()), List::isEmpty, Refers.NOTHING,
            v -> List.of());

    public static final ParamType<LocalDate> DATE = new ParamType<>("ISO date", node -> date(text(node, "date")),
            d -> JSON.textNode(d.toString()), d -> d == null, Refers.NOTHING, v -> List.of());

    public static final ParamType<List<DayOfWeek>> WEEKDAYS = new ParamType<>("weekdays (MONDAY..SUNDAY)", node -> {
        List<DayOfWeek> out = new ArrayList<>();
        for (String s : texts(node, "weekday")) {
            out.add(weekday(s));
        }
        return List.copyOf(out);
    }, values -> textArray(values.stream().map(DayOfWeek::name).toList()), List::isEmpty, Refers.NOTHING, v -> List.of());

    /**
     * [home, away] pairs: {@code [["0","1"],…]}, {@code [{"home":"0","away":"1"},…]}, {@code ["0,1",…]} or
     * the RobinX {@code "0,1;1,2;"}.
     */
    public static final ParamType<List<Meeting>> MEETINGS = new ParamType<>("[home, away] pairs", ParamType::meetings,
            values -> {
                ArrayNode a = JSON.arrayNode();
                values.forEach(m -> a.addArray().add(m.home()).add(m.away()));
                return a;
            }, List::isEmpty, Refers.TEAMS, values -> values.stream().flatMap(m -> java.util.stream.Stream.of(m.home(), m.away()))
                    .toList());

    /** One of an enum's constants, by name in any case. */
    public static <E extends Enum<E>> ParamType<E> choice(E[] values) {
        String names = String.join("/", Arrays.stream(values).map(Enum::name).toList());
        return new ParamType<>(names, node -> {
            String s = text(node, "value").toUpperCase(Locale.ROOT);
            for (E e : values) {
                if (e.name().equals(s)) {
                    return e;
                }
            }
            throw InvalidParam.outOfRange("'" + node.asText() + "' is not " + names.replace("/", ", "));
        }, e -> JSON.textNode(e.name()), e -> e == null, Refers.NOTHING, v -> List.of());
    }

    /** How the value is described in the constraint table. */
    public String doc() {
        return doc;
    }

    public Refers refers() {
        return refers;
    }

    /** The ids (team, venue) or slot indexes a value names; empty for other types. */
    public List<?> referenced(T value) {
        return value == null ? List.of() : referenced.apply(value);
    }

    T read(JsonNode node) {
        return reader.read(node);
    }

    JsonNode write(T value) {
        return writer.apply(value);
    }

    /** Whether the value is the one of an absent parameter (then it is not written). */
    boolean absent(T value) {
        return value == null || absent.test(value);
    }

    // ---- readers ----

    private static String text(JsonNode node, String what) {
        if (!node.isValueNode() || node.isBoolean()) {
            throw InvalidParam.wrongType("a " + what + " is expected, found " + node);
        }
        return node.asText().trim();
    }

    /** Scalars of an array, or the parts of a ';' or ','-separated string. */
    private static List<String> texts(JsonNode node, String what) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode e : node) {
                String s = text(e, what);
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        } else {
            for (String part : text(node, "list of " + what + "s").split("[;,]")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return List.copyOf(out);
    }

    private static int whole(JsonNode node, String what) {
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isNumber()) {
            throw InvalidParam.wrongType("a " + what + " is expected, found " + node);
        }
        return integer(text(node, what), what);
    }

    private static int integer(String s, String what) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw InvalidParam.wrongType("'" + s + "' is not a " + what);
        }
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw InvalidParam.wrongType("'" + s + "' is not an ISO date (YYYY-MM-DD)");
        }
    }

    private static DayOfWeek weekday(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equalsIgnoreCase(s.trim())) {
                return d;
            }
        }
        throw InvalidParam.wrongType("'" + s + "' is not a weekday (MONDAY..SUNDAY)");
    }

    private static List<Meeting> meetings(JsonNode node) {
        List<Meeting> out = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode m : node) {
                if (m.isArray() && m.size() == 2 && m.get(0).isValueNode() && m.get(1).isValueNode()) {
                    out.add(meeting(m.get(0).asText(), m.get(1).asText(), m));
                } else if (m.isObject() && m.path("home").isValueNode() && m.path("away").isValueNode()) {
                    out.add(meeting(m.get("home").asText(), m.get("away").asText(), m));
                } else if (m.isTextual() && m.asText().split(",").length == 2) {
                    String[] p = m.asText().split(",");
                    out.add(meeting(p[0], p[1], m));
                } else {
                    throw InvalidParam.wrongType("meeting " + m + " is not a [home, away] pair");
                }
            }
        } else {
            for (String part : text(node, "list of meetings").split(";")) {
                if (!part.isBlank()) {
                    String[] p = part.split(",");
                    if (p.length != 2) {
                        throw InvalidParam.wrongType("meeting '" + part.trim() + "' is not home,away");
                    }
                    out.add(meeting(p[0], p[1], part));
                }
            }
        }
        return List.copyOf(out);
    }

    private static Meeting meeting(String home, String away, Object source) {
        if (home.isBlank() || away.isBlank()) {
            throw InvalidParam.wrongType("meeting " + source + " is not a [home, away] pair");
        }
        if (home.trim().equals(away.trim())) {
            throw InvalidParam.outOfRange("meeting " + source + ": a team cannot meet itself");
        }
        return new Meeting(home.trim(), away.trim());
    }

    private static JsonNode textArray(List<String> values) {
        ArrayNode a = JSON.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
