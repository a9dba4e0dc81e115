package io.flextime.infra;

import java.util.Locale;

/** How a @Funq is invoked in AWS, told by the type of its input (io.flextime.core.trigger). */
enum TriggerKind {
    S3("S3EventNotification"),
    KAFKA("MskEvent"),
    SCHEDULE("ScheduledEvent"),
    HTTP(null);

    private final String inputType;

    TriggerKind(String inputType) {
        this.inputType = inputType;
    }

    /** The kind of a @Funq whose input has this (simple or qualified) type name; HTTP for any other input. */
    static TriggerKind ofInputType(String typeName) {
        String simple = typeName.substring(typeName.lastIndexOf('.') + 1);
        for (TriggerKind kind : values()) {
            if (simple.equals(kind.inputType)) {
                return kind;
            }
        }
        return HTTP;
    }

    /** The Terraform spelling (functions.auto.tfvars `trigger`). */
    String terraformName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TriggerKind ofTerraform(String trigger) {
        for (TriggerKind kind : values()) {
            if (kind != HTTP && kind.terraformName().equals(trigger)) {
                return kind;
            }
        }
        return null;
    }

    String inputType() {
        return inputType;
    }
}
