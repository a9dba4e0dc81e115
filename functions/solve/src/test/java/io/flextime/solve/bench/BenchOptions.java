package io.flextime.solve.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} pairs of a benchmark's command line. */
public final class BenchOptions {
    private BenchOptions() {
    }

    public static Map<String, String> parse(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }
}
