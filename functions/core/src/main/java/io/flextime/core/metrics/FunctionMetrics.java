package io.flextime.core.metrics;

import io.flextime.core.config.FlexTimeConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The function's own Micrometer meters, next to what Quarkus measures by itself (HTTP requests per
 * Funqy route with duration histograms, Kafka client metrics including consumer lag, JVM):
 * <ul>
 *   <li>{@code flextime_events_handled_seconds} — every event a consumer handled, a timer with a
 *   histogram, tagged {@code consumer}, {@code type} and {@code outcome} (handled, dead_lettered,
 *   left_for_redelivery): invocations, errors and durations whatever the transport;</li>
 *   <li>{@code flextime_consumer_paused_seconds} — how long a consumer held a record while a dependency
 *   was not ready (count and total time), tagged {@code consumer};</li>
 *   <li>{@code flextime_records_total} — records a function processed, tagged {@code kind} (rows
 *   ingested, rows validated, games scheduled, rows backed up, ...): records/s is its rate.</li>
 * </ul>
 * Every meter carries the {@code function} tag.
 */
@ApplicationScoped
public class FunctionMetrics {
    private final MeterRegistry registry;
    private final String function;

    public FunctionMetrics(MeterRegistry registry, FlexTimeConfig config) {
        this.registry = registry;
        this.function = config.function();
    }

    /** Counts {@code count} processed records of a kind. */
    public void records(String kind, long count) {
        if (count > 0) {
            Counter.builder("flextime.records").description("records processed").tag("function", function)
                    .tag("kind", kind).register(registry).increment(count);
        }
    }

    /** Records one handled event and how long its handling took. */
    public void eventHandled(String consumer, String type, String outcome, Duration took) {
        Timer.builder("flextime.events.handled").description("events handled by a consumer, by outcome")
                .tag("function", function).tag("consumer", consumer).tag("type", type).tag("outcome", outcome)
                .publishPercentileHistogram().register(registry).record(took);
    }

    /** Records one pause of a consumer (a dependency not ready) and how long it lasted. */
    public void consumerPaused(String consumer, Duration paused) {
        Timer.builder("flextime.consumer.paused").description("time a consumer held a record while a dependency was not ready")
                .tag("function", function).tag("consumer", consumer).register(registry).record(paused);
    }
}
