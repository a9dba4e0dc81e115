package io.flextime.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The ids that travel in events, S3 keys and URLs, read from the contract's {@code ids.schema.json}: the
 * event schemas {@code $ref} the same definitions, so what ingest or an HTTP door accepts is exactly what
 * the contract accepts (a season key ingest took but validate's schema check refused used to stall a run
 * in the DLQ).
 */
public final class Ids {
    /** The schema holding the definitions. */
    public static final String RESOURCE = EventType.SCHEMA_FOLDER + "ids.schema.json";

    /** A conference. */
    public static final Id TENANT;
    /** A season within a tenant. */
    public static final Id SEASON_KEY;

    static {
        JsonNode defs = read().path("$defs");
        TENANT = new Id("tenant", defs.path("tenant"));
        SEASON_KEY = new Id("season key", defs.path("seasonKey"));
    }

    private Ids() {
    }

    /** One kind of id: its pattern and the sentence that explains it. */
    public static final class Id {
        private final String name;
        private final Pattern pattern;
        private final String rule;

        Id(String name, JsonNode def) {
            String regex = def.path("pattern").asText(null);
            if (regex == null) {
                throw new IllegalStateException(RESOURCE + " has no pattern for the " + name);
            }
            this.name = name;
            this.pattern = Pattern.compile(regex);
            this.rule = def.path("title").asText(regex);
        }

        public boolean matches(String value) {
            return value != null && pattern.matcher(value).matches();
        }

        /** The regular expression (anchored), as the schema writes it. */
        public String regex() {
            return pattern.pattern();
        }

        /** "the season key 'X' must be lower-case letters, digits and '-', 1-100 characters". */
        public String explain(String value) {
            return "the " + name + " '" + value + "' must be " + rule;
        }
    }

    private static JsonNode read() {
        try (InputStream in = Ids.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
