package io.flextime.core.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.pipeline.PipelineAlerts;
import io.flextime.core.pipeline.PipelineLog;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.PipelineAlert;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes CloudEvents in structured mode (the whole envelope is the record value) to the topic of
 * their type, keyed by subject so one aggregate's events stay ordered. Completes when Kafka has
 * acknowledged the record.
 */
@ApplicationScoped
public class EventPublisher {
    public static final String CHANNEL = "flextime-events";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;
    private final FlexTimeConfig config;

    private final PipelineLog pipelineLog;
    private final PipelineAlerts alerts;

    public EventPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, ObjectMapper mapper, FlexTimeConfig config,
            PipelineLog pipelineLog, PipelineAlerts alerts) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.config = config;
        this.pipelineLog = pipelineLog;
        this.alerts = alerts;
    }

    /** Creates an event of this function (source {@code /flextime/<function>}). */
    public CloudEvent create(EventType type, String subject, String tenant, String correlationId,
            Long aggregateVersion, Object data) {
        return CloudEvent.create(type, source(), subject, tenant, correlationId, aggregateVersion, data, mapper);
    }

    public String source() {
        return "/flextime/" + config.function();
    }

    /**
     * Publishes an event, records it in the pipeline log, and raises the pipeline alert it calls for
     * (a run's success or failure) as a {@code pipeline.alert} event and a Slack message — once: an
     * event re-emitted by the inbox is already in the log and raises nothing again.
     */
    public Uni<Void> publish(CloudEvent event) {
        return send(EventType.fromType(event.type()).topic(), event.subject(), event, null)
                .chain(() -> pipelineLog.record(event))
                .chain(first -> {
                    var alert = first ? alerts.alertFor(event) : java.util.Optional.<PipelineAlert>empty();
                    return alert.isEmpty() ? Uni.createFrom().voidItem()
                            : raise(event.tenant(), event.correlationid(), alert.get());
                });
    }

    /**
     * Raises an alert that no pipeline event carries (e.g. a job that keeps failing): a
     * {@code pipeline.alert} event and the Slack message.
     */
    public Uni<Void> raise(String tenant, String correlationId, PipelineAlert alert) {
        alerts.notifySlack(tenant, alert);
        return publish(create(EventType.PIPELINE_ALERT, alert.stage(), tenant, correlationId, null, alert));
    }

    public Uni<Void> publishAll(List<CloudEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CloudEvent e : events) {
            chain = chain.chain(() -> publish(e));
        }
        return chain;
    }

    public void publishBlocking(CloudEvent event) {
        publish(event).await().atMost(Duration.ofSeconds(60));
    }

    /** Sends a record to any topic (used for dead letters) with extra headers. */
    Uni<Void> send(String topic, String key, CloudEvent event, RecordHeaders extraHeaders) {
        String json;
        try {
            json = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return sendRaw(topic, key, json, extraHeaders);
    }

    Uni<Void> sendRaw(String topic, String key, String value, RecordHeaders extraHeaders) {
        RecordHeaders headers = extraHeaders == null ? new RecordHeaders() : extraHeaders;
        headers.add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(key).withHeaders(headers).build();
        LOG.debugf("publish %s key=%s", topic, key);
        return emitter.sendMessage(Message.of(value).addMetadata(metadata));
    }
}
