package io.flextime.infra;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What modules/functions fixes for every deployment: shared environment, secrets, handlers, Lambda wiring. */
record FunctionsModule(Map<String, Object> sharedEnv, Set<String> secretNames, Map<String, Map<String, Object>> handlers,
        Map<String, Object> eventsLambdaEnv, Object httpLambdaEnv) {

    static FunctionsModule load() {
        Map<String, Object> module = Hcl.module(Repo.module("functions"));
        Map<String, Map<String, Object>> handlers = new TreeMap<>();
        Hcl.map(module, "locals", "handlers").forEach((mode, h) -> handlers.put(mode, Hcl.map(h)));
        return new FunctionsModule(Hcl.map(module, "locals", "shared_env"),
                new TreeSet<>(Hcl.strings(module, "locals", "secret_names")), handlers,
                Hcl.map(module, "resource", "aws_lambda_function", "events", "environment", "variables"),
                Hcl.at(module, "resource", "aws_lambda_function", "http", "environment", "variables"));
    }
}
