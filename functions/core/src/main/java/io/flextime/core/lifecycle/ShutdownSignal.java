package io.flextime.core.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Tells code that handles work whether the process is stopping. Work that fails because the stores'
 * clients are closing under it is not a failure of the work: it must be left for redelivery, not
 * dead-lettered. Observes the shutdown before application observers do.
 */
@ApplicationScoped
public class ShutdownSignal {
    private volatile boolean stopping;

    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    /** A signal already raised: for tests of what happens to work caught by a shutdown. */
    public static ShutdownSignal raised() {
        ShutdownSignal signal = new ShutdownSignal();
        signal.stopping = true;
        return signal;
    }
}
