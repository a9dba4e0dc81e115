package io.flextime.infra;

/** A @Funq method of a function: its exported name, how it is triggered and where it is written. */
record CodeEntryPoint(String function, String name, TriggerKind kind, String method, String file) {
    @Override
    public String toString() {
        return name + " (" + kind.terraformName() + ", " + file + "#" + method + ")";
    }
}
