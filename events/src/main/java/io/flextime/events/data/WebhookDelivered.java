package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A webhook was accepted by a partner endpoint ({@code flextime.webhook.delivered.v1}).
 *
 * @param deliveryId the delivery; the event's subject
 * @param endpointId the partner endpoint
 * @param messageId the Standard Webhooks {@code webhook-id} (stable across retries)
 * @param eventType the type of the event delivered, e.g. {@code flextime.schedule.solved.v1}
 * @param attempts attempts made, 1 or more
 * @param statusCode the HTTP status that ended it (2xx)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookDelivered(String deliveryId, String endpointId, String messageId, String eventType,
        int attempts, int statusCode) {
}
