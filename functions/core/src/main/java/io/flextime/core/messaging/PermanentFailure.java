package io.flextime.core.messaging;

/** A failure that retrying cannot fix (bad event, bad data): the input goes straight to the DLQ. */
public class PermanentFailure extends RuntimeException {
    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
