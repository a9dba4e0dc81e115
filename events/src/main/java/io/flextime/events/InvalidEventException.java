package io.flextime.events;

import java.util.List;

/**
 * An event does not satisfy the contract: it fails its JSON Schema, has an unknown type, or its data cannot
 * be bound to the type's record. Unchecked, so that consumers can let it bubble up to their dead-letter
 * handling; not worth retrying.
 */
public class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String eventType;
    private final List<String> errors;

    public InvalidEventException(String eventType, List<String> errors) {
        this(eventType, errors, null);
    }

    public InvalidEventException(String eventType, List<String> errors, Throwable cause) {
        super(message(eventType, errors), cause);
        this.eventType = eventType;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The CloudEvents {@code type} as received (may be null or unknown). */
    public String eventType() {
        return eventType;
    }

    /** The readable errors, each "path: message". */
    public List<String> errors() {
        return errors;
    }

    private static String message(String eventType, List<String> errors) {
        String type = eventType == null ? "<no type>" : "'" + eventType + "'";
        if (errors == null || errors.isEmpty()) {
            return "Invalid event of type " + type;
        }
        return "Invalid event of type " + type + " (" + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
                + "): " + String.join("; ", errors);
    }
}
