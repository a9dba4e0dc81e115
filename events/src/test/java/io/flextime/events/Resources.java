package io.flextime.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helpers: class-path resources of the contract. */
final class Resources {

    static final ObjectMapper MAPPER = EventJson.newMapper();

    private Resources() {
    }

    static boolean exists(String resource) {
        return Resources.class.getClassLoader().getResource(resource) != null;
    }

    static String text(String resource) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String resource) {
        try {
            return MAPPER.readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + resource, e);
        }
    }

    /** A fresh, mutable copy of a type's example envelope. */
    static ObjectNode example(EventType type) {
        return (ObjectNode) json(type.exampleResource());
    }

    /** The lines of topics.txt, as written (no trimming, so stray blanks fail the tests). */
    static List<String> topicsFile() {
        return text(Topics.TOPICS_RESOURCE).lines().toList();
    }
}
