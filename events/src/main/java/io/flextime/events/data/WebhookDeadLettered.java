package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A webhook delivery gave up after its last attempt ({@code flextime.webhook.dead-lettered.v1}); it can be
 * replayed.
 *
 * @param deliveryId the delivery; the event's subject
 * @param endpointId the partner endpoint
 * @param messageId the Standard Webhooks {@code webhook-id}
 * @param eventType the type of the event that was being delivered
 * @param attempts attempts made
 * @param lastStatusCode HTTP status of the last attempt, or null if there was no response
 * @param lastError what went wrong on the last attempt
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookDeadLettered(String deliveryId, String endpointId, String messageId, String eventType,
        int attempts, Integer lastStatusCode, String lastError) {
}
