package io.flextime.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON settings of the event contract, for code outside Quarkus (tests, tools). Inside Quarkus, apply
 * {@link #configure(ObjectMapper)} from an {@code ObjectMapperCustomizer} so both agree.
 *
 * <ul>
 * <li>java.time support, dates written as ISO-8601 / RFC 3339 strings (never numeric timestamps);
 * <li>tolerant reader: unknown properties are ignored (additive v1 changes don't break old consumers);
 * <li>{@code null} properties are left out (absent and null mean the same in the schemas).
 * </ul>
 */
public final class EventJson {

    private EventJson() {
    }

    /** A new mapper with the contract's settings. ObjectMapper is thread-safe once configured: share it. */
    public static ObjectMapper newMapper() {
        return configure(new ObjectMapper());
    }

    /** Applies the contract's settings to an existing mapper and returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        return mapper;
    }
}
