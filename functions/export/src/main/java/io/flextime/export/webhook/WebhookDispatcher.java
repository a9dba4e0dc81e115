package io.flextime.export.webhook;

import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.TenantDb;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.WebhookDeadLettered;
import io.flextime.events.data.WebhookDelivered;
import io.flextime.export.ExportConfig;
import io.flextime.export.store.DueQueue;
import io.flextime.export.store.WebhookDeliveries;
import io.flextime.export.store.WebhookDeliveries.Attempt;
import io.flextime.export.store.WebhookDeliveries.Head;
import io.flextime.export.store.WebhookEndpoints;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Delivers due webhooks (the sweep): claims due endpoints across tenants, sends each endpoint's
 * oldest pending delivery (so an endpoint receives its messages in order), many endpoints in
 * parallel, records every attempt and moves each delivery on: 2xx delivered, 410 disables the
 * endpoint, anything else retries by the {@link RetrySchedule} and, after the last attempt, is
 * dead-lettered. Runs until nothing is due right now. All state is in PostgreSQL, so a restart
 * (or a crash mid-sweep, once the lease expires) loses no pending retry.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_ROUNDS = 100;
    private static final int EVENT_CHUNK = 100;

    private final TenantDb db;
    private final DueQueue queue;
    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final PartnerSender sender;
    private final EventPublisher publisher;
    private final ExportConfig.Webhooks settings;
    private final RetrySchedule retries;
    private final PartnerUrlPolicy urls;
    private final String owner = "export-" + UUID.randomUUID();

    public WebhookDispatcher(TenantDb db, DueQueue queue, WebhookDeliveries deliveries, WebhookEndpoints endpoints,
            PartnerSender sender, EventPublisher publisher, ExportConfig config, PartnerUrlPolicy urls) {
        this.db = db;
        this.queue = queue;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.publisher = publisher;
        this.settings = config.webhooks();
        this.retries = new RetrySchedule(settings.retrySchedule(), settings.jitter());
        this.urls = urls;
    }

    /** What one sweep did. */
    @RegisterForReflection
    public record SweepReport(int rounds, int attempted, int delivered, int retrying, int deadLettered, int disabled) {
    }

    public synchronized SweepReport deliverDue() {
        int rounds = 0;
        int[] counts = new int[5];
        for (; rounds < MAX_ROUNDS; rounds++) {
            List<DueQueue.Claim> claims = queue.claim(db.pool(), owner, settings.batchSize(), settings.lease())
                    .await().atMost(Duration.ofMinutes(1));
            if (claims.isEmpty()) {
                break;
            }
            Map<String, List<DueQueue.Claim>> byTenant = claims.stream()
                    .collect(Collectors.groupingBy(DueQueue.Claim::tenant, LinkedHashMap::new, Collectors.toList()));
            byTenant.forEach((tenant, mine) -> deliverFor(tenant, mine, counts));
        }
        return new SweepReport(rounds, counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    private void deliverFor(String tenant, List<DueQueue.Claim> claims, int[] counts) {
        List<String> ids = claims.stream().map(DueQueue.Claim::endpointId).toList();
        List<Head> heads = db.inTenantBlocking(tenant, conn -> deliveries.heads(conn, ids));
        Instant now = Instant.now();
        Semaphore inFlight = new Semaphore(Math.max(1, settings.maxParallel()));
        List<CompletableFuture<Attempt>> sends = new ArrayList<>();
        List<Head> ofDisabledEndpoints = new ArrayList<>();
        for (Head head : heads) {
            if (!head.endpointEnabled()) {
                ofDisabledEndpoints.add(head);
            } else if (!head.nextAttemptAt().isAfter(now)) {
                sends.add(attempt(head, inFlight));
            }
        }
        List<Attempt> attempts = sends.stream().map(CompletableFuture::join).toList();
        List<String> gone = attempts.stream().filter(a -> WebhookDeliveries.DISABLED.equals(a.newStatus()))
                .map(a -> a.head().endpointId()).toList();
        db.inTenantBlocking(tenant, conn -> {
            Uni<Void> chain = deliveries.record(conn, tenant, attempts);
            for (String endpoint : gone) {
                chain = chain.chain(() -> endpoints.setEnabled(conn, endpoint, false, "HTTP 410 Gone at " + now))
                        .chain(() -> deliveries.disablePending(conn, endpoint, "endpoint disabled: HTTP 410 Gone"));
            }
            for (Head head : ofDisabledEndpoints) {
                chain = chain.chain(() -> deliveries.disablePending(conn, head.endpointId(), "endpoint disabled"));
            }
            return chain.chain(() -> deliveries.nextDue(conn, ids))
                    .chain(next -> queue.finish(conn, owner, claims, next));
        });
        List<CloudEvent> events = new ArrayList<>();
        for (Attempt a : attempts) {
            counts[0]++;
            switch (a.newStatus()) {
                case WebhookDeliveries.DELIVERED -> {
                    counts[1]++;
                    events.add(delivered(tenant, a));
                }
                case WebhookDeliveries.PENDING -> counts[2]++;
                case WebhookDeliveries.DEAD -> {
                    counts[3]++;
                    events.add(deadLettered(tenant, a));
                }
                default -> counts[4]++;
            }
        }
        publish(events);
    }

    private CompletableFuture<Attempt> attempt(Head head, Semaphore inFlight) {
        URI url;
        try {
            url = urls.parse(head.url()); // resolved (once) and checked when the sender connects
        } catch (ProblemException e) {
            return CompletableFuture.completedFuture(outcome(head, new PartnerSender.Outcome(Instant.now(), 0, null,
                    e.problem().detail(), null)));
        }
        inFlight.acquireUninterruptibly();
        return sender.send(url, head.messageId(), head.payload(), head.secrets())
                .whenComplete((o, e) -> inFlight.release())
                .thenApply(o -> outcome(head, o));
    }

    private Attempt outcome(Head head, PartnerSender.Outcome o) {
        if (o.success()) {
            return new Attempt(head, o.startedAt(), o.durationMs(), o.statusCode(), null, o.response(),
                    WebhookDeliveries.DELIVERED, null);
        }
        if (o.gone()) {
            return new Attempt(head, o.startedAt(), o.durationMs(), o.statusCode(), o.error(), o.response(),
                    WebhookDeliveries.DISABLED, null);
        }
        Instant next = retries.nextAttempt(head.attempts() + 1, Instant.now()).orElse(null);
        return new Attempt(head, o.startedAt(), o.durationMs(), o.statusCode(), o.error(), o.response(),
                next == null ? WebhookDeliveries.DEAD : WebhookDeliveries.PENDING, next);
    }

    private CloudEvent delivered(String tenant, Attempt a) {
        Head h = a.head();
        return publisher.create(EventType.WEBHOOK_DELIVERED, h.deliveryId(), tenant, correlation(h), null,
                new WebhookDelivered(h.deliveryId(), h.endpointId(), h.messageId(), h.eventType(), h.attempts() + 1,
                        a.statusCode()));
    }

    private CloudEvent deadLettered(String tenant, Attempt a) {
        Head h = a.head();
        return publisher.create(EventType.WEBHOOK_DEAD_LETTERED, h.deliveryId(), tenant, correlation(h), null,
                new WebhookDeadLettered(h.deliveryId(), h.endpointId(), h.messageId(), h.eventType(), h.attempts() + 1,
                        a.statusCode(), a.error() == null ? "failed" : a.error()));
    }

    private static String correlation(Head h) {
        return h.correlationId() == null ? h.messageId() : h.correlationId();
    }

    /** Outcome events are notifications (the attempt log in PostgreSQL is the record): a failure is logged, not retried. */
    private void publish(List<CloudEvent> events) {
        for (int i = 0; i < events.size(); i += EVENT_CHUNK) {
            List<Uni<Void>> chunk = events.subList(i, Math.min(events.size(), i + EVENT_CHUNK)).stream()
                    .map(publisher::publish).toList();
            try {
                Uni.join().all(chunk).andCollectFailures().await().atMost(Duration.ofSeconds(60));
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not publish %d webhook outcome event(s)", chunk.size());
            }
        }
    }
}
