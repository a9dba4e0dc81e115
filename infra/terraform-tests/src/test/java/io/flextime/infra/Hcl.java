package io.flextime.infra;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * HCL files read with hcl4j. hcl4j evaluates what it can and leaves references (var.x, each.value)
 * as symbols; {@code merge} is given a map-merging implementation so that maps built with it keep
 * their literal keys (the environment variable names the checks compare).
 */
final class Hcl {
    private Hcl() {
    }

    static Map<String, Object> parse(Path file) {
        HCLParser parser = new HCLParser();
        parser.registerFunction("merge", args -> {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Object arg : args) {
                if (arg instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> merged.put(String.valueOf(k), v));
                }
            }
            return merged;
        });
        try {
            return parser.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException | com.bertramlabs.plugins.hcl4j.HCLParserException e) {
            throw new IllegalStateException(Repo.root().relativize(file) + ": " + e.getMessage(), e);
        }
    }

    /** The parsed bodies of every .tf file of a module folder (not its sub-folders), merged. */
    static Map<String, Object> module(Path dir) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Path file : Repo.filesUnder(dir, ".tf")) {
            if (file.getParent().equals(dir)) {
                deepMerge(merged, parse(file));
            }
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static void deepMerge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((k, v) -> {
            if (into.get(k) instanceof Map<?, ?> existing && v instanceof Map<?, ?> more) {
                deepMerge((Map<String, Object>) existing, (Map<String, Object>) more);
            } else {
                into.put(k, v);
            }
        });
    }

    /** The value at a path of keys, or null. */
    static Object at(Object root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, String... keys) {
        Object value = at(root, keys);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static Set<String> keys(Object root, String... keys) {
        return new TreeSet<>(map(root, keys).keySet());
    }

    static String string(Object root, String... keys) {
        Object value = at(root, keys);
        return value instanceof String s ? s : null;
    }

    static List<String> strings(Object root, String... keys) {
        Object value = at(root, keys);
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}
