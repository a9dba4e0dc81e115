package io.flextime.infra;

/**
 * A @Funq method of a function: its exported name, how it is triggered, where it is written, and the
 * scope of its row in the Door table (TENANT, PLATFORM; null when it has no @Guard).
 */
record CodeEntryPoint(String function, String name, TriggerKind kind, String method, String file, String scope) {
    CodeEntryPoint(String function, String name, TriggerKind kind, String method, String file) {
        this(function, name, kind, method, file, null);
    }

    @Override
    public String toString() {
        return name + " (" + kind.terraformName() + ", " + file + "#" + method + ")";
    }
}
