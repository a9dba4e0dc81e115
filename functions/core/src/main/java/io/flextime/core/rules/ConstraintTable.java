package io.flextime.core.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The README's constraint tables, written from the catalogue: every type with its parameters, when it
 * holds and how its deviation counts; every parameter with its aliases, RobinX attribute, value type,
 * default and meaning; the format's defaults. The committed README must equal this (a test says so).
 */
public final class ConstraintTable {
    public static final String BEGIN = "<!-- generated from the rule catalogue (core ConstraintTable): do not edit by hand -->";
    public static final String END = "<!-- end of generated tables -->";

    private ConstraintTable() {
    }

    /** The generated part of the README, markers included. */
    public static String markdown() {
        List<String> out = new ArrayList<>();
        out.add(BEGIN);
        out.add("");
        out.add("| type | family | parameters | holds when | deviation |");
        out.add("|---|---|---|---|---|");
        for (RuleDefinition<?> d : RuleCatalogue.all()) {
            List<String> params = new ArrayList<>();
            for (Param<?> p : d.params()) {
                params.add(p.key() + (p.isRequired() ? "*" : ""));
            }
            String checks = d.requirementDocs().isEmpty() ? "" : "; " + String.join("; ", d.requirementDocs());
            out.add("| " + d.type() + " | " + d.family() + " | " + String.join(", ", params) + checks + " | " + d.holds() + " | "
                    + d.deviation() + " |");
        }
        out.add("");
        out.add("\\* required. Each parameter:");
        out.add("");
        out.add("| type | parameter | also accepted as | RobinX attribute | value | when absent | meaning |");
        out.add("|---|---|---|---|---|---|---|");
        for (RuleDefinition<?> d : RuleCatalogue.all()) {
            for (Param<?> p : d.params()) {
                String robinX = d.robinXTag() == null || p.robinXAttribute() == null ? "" : "`" + p.robinXAttribute() + "`";
                String absent = p.isRequired() ? "required" : p.fallbackDoc() == null ? "none" : p.fallbackDoc();
                out.add("| " + d.type() + " | `" + p.key() + "` | " + String.join(", ", p.aliases().stream().map(a -> "`" + a + "`")
                        .toList()) + " | " + robinX + " | " + p.type().doc() + " | " + absent + " | " + p.meaning() + " |");
            }
        }
        out.add("");
        out.add("Season format (`format`), its defaults decided once (`FormatDefaults`) for every module:");
        out.add("");
        out.add("| field | when absent | meaning |");
        out.add("|---|---|---|");
        for (FormatDefaults.Field f : FormatDefaults.FIELDS) {
            out.add("| `" + f.name() + "` | " + f.fallback() + " | " + f.meaning() + " |");
        }
        out.add("");
        out.add(END);
        return String.join("\n", out) + "\n";
    }

    /** {@code readme} with its generated part replaced by {@link #markdown()} (markers required). */
    public static String into(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the README lacks the generated-table markers");
        }
        int after = readme.indexOf('\n', end);
        return readme.substring(0, begin) + markdown() + (after < 0 ? "" : readme.substring(after + 1));
    }
}
