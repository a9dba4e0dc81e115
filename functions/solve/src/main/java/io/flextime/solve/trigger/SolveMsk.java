package io.flextime.solve.trigger;

import io.flextime.core.messaging.InboundEvents;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.trigger.MskEvent;
import io.flextime.solve.job.SolveEventHandler;
import io.quarkus.funqy.Funq;

/**
 * AWS Lambda door (MSK event source on dataset.validated.v1 and solve.requested.v1). The job runs in
 * this invocation, up to the invocation deadline, then continues through a solve.requested event.
 */
public class SolveMsk {
    private final InboundEvents inbound;
    private final SolveEventHandler handler;

    public SolveMsk(InboundEvents inbound, SolveEventHandler handler) {
        this.inbound = inbound;
        this.handler = handler;
    }

    @Funq
    @Guard(Door.SOLVE_FROM_KAFKA)
    public void solveFromKafka(MskEvent event) {
        inbound.consumeBlocking(SolveEventHandler.CONSUMER, event, InboundEvents.blocking(e -> handler.handle(e, true)));
    }
}
