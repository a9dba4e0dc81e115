package io.flextime.core.rules;

import java.util.List;
import java.util.stream.Stream;

/**
 * One declared parameter of a constraint type: its canonical name, the other names it is accepted
 * under, its value type, its default (when absent), whether it must be given, what it means, and its
 * RobinX XML attribute. Declared once, in the type's record; reading, writing, the ingest and validate
 * checks, RobinX's attribute mapping and the README's tables all derive from the declaration.
 */
public final class Param<T> {
    private final String key;
    private final List<String> aliases;
    private final ParamType<T> type;
    private final T fallback;
    private final String fallbackDoc;
    private final boolean required;
    private final String meaning;
    private final String robinX;

    private Param(String key, List<String> aliases, ParamType<T> type, T fallback, String fallbackDoc, boolean required,
            String meaning, String robinX) {
        this.key = key;
        this.aliases = List.copyOf(aliases);
        this.type = type;
        this.fallback = fallback;
        this.fallbackDoc = fallbackDoc;
        this.required = required;
        this.meaning = meaning;
        this.robinX = robinX;
    }

    /** An optional parameter, absent → {@code null} (or the empty list for list types). */
    public static <T> Param<T> of(String key, ParamType<T> type, String meaning) {
        return new Param<>(key, List.of(), type, null, null, false, meaning, null);
    }

    /** A team-id list: absent (or "all") means every team. */
    public static Param<List<String>> teams(String key, String meaning) {
        return new Param<>(key, List.of(), ParamType.TEAM_IDS, List.of(), "every team", false, meaning, key);
    }

    /** A slot-index list: absent means every slot. */
    public static Param<List<Integer>> slots(String meaning) {
        return new Param<>("slots", List.of(), ParamType.SLOT_INDEXES, List.of(), "every slot", false, meaning, "slots");
    }

    /** Also accepted under these names (read when the canonical name is absent). */
    public Param<T> alias(String... names) {
        return new Param<>(key, List.of(names), type, fallback, fallbackDoc, required, meaning, robinX);
    }

    /** The value when absent, and how the table describes it. */
    public Param<T> orElse(T value, String doc) {
        return new Param<>(key, aliases, type, value, doc, false, meaning, robinX);
    }

    public Param<T> required() {
        return new Param<>(key, aliases, type, null, null, true, meaning, robinX);
    }

    /** The RobinX XML attribute holding it (null: none, not a RobinX parameter). */
    public Param<T> robinX(String attribute) {
        return new Param<>(key, aliases, type, fallback, fallbackDoc, required, meaning, attribute);
    }

    public String key() {
        return key;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** The canonical name, then the aliases: the order in which a raw parameter object is searched. */
    public List<String> names() {
        return Stream.concat(Stream.of(key), aliases.stream()).toList();
    }

    public ParamType<T> type() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    public T fallback() {
        return fallback;
    }

    /** The default as the table shows it; null when there is none. */
    public String fallbackDoc() {
        return fallbackDoc;
    }

    public String meaning() {
        return meaning;
    }

    public String robinXAttribute() {
        return robinX;
    }
}
