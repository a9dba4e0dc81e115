package io.flextime.core.audit;

import io.flextime.events.CloudEvent;
import java.util.List;

/**
 * Who did something and through what, as the audit trail records it: the token's subject and roles and
 * the door for an HTTP call; the trigger for an AWS invocation; the producing function and the event
 * type for a Kafka event.
 *
 * @param via    how it arrived: {@code http}, {@code lambda} (AWS invoked the door), {@code kafka}, {@code internal}
 * @param action the door ({@code subscribe}) or the event type that carried the action
 */
public record Actor(String subject, List<String> roles, String via, String action, String correlationId) {
    public Actor {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A Kafka event consumed by a long-running process: the function that produced it acts. */
    public static Actor event(CloudEvent event) {
        return new Actor("function:" + event.source(), List.of(), "kafka", event.type(), event.correlationid());
    }

    /** AWS invoking a door directly (S3 notification, MSK batch, EventBridge schedule). */
    public static Actor aws(String door, String correlationId) {
        return new Actor("aws", List.of(), "lambda", door, correlationId);
    }

    /** The function on its own initiative (start-up work, in-process sweeps). */
    public static Actor function(String function, String action, String correlationId) {
        return new Actor("function:" + function, List.of(), "internal", action, correlationId);
    }

    public Actor withCorrelation(String id) {
        return new Actor(subject, roles, via, action, id);
    }
}
