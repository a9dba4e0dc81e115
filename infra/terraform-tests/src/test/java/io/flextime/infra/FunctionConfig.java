package io.flextime.infra;

import io.smallrye.common.expression.Expression;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a function's configuration reads from the environment when it runs with QUARKUS_PROFILE=aws:
 * the core's microprofile-config.properties under the function's application.properties, profile
 * keys (%aws.key) winning over plain ones as in SmallRye Config. References are read with
 * SmallRye's own expression parser ({@code ${NAME:default}}, nested defaults included).
 */
final class FunctionConfig {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern PROFILED = Pattern.compile("%([^.]+)\\.(.+)");
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    /** Core variables that name an endpoint, a credential or a bucket: their local defaults are never right in AWS. */
    private static final Pattern DEPLOYMENT_SPECIFIC = Pattern.compile(".*_(HOST|PORT|URL|BOOTSTRAP|USER|PASSWORD|NAME)|FLEXTIME_BUCKET_.*");
    /** A function's own credentials: a local default (e.g. the local owner's password) is never right in AWS. */
    private static final Pattern CREDENTIAL = Pattern.compile(".*_(USER|PASSWORD|KEY|TOKEN|SECRET)");
    private static final Pattern LOCAL_ONLY_DEFAULT = Pattern.compile(".*(127\\.0\\.0\\.1|localhost).*");

    /** One ${NAME...} reference; {@code outermost} is false for a reference inside another's default. */
    record Reference(String variable, String defaultValue, boolean outermost, boolean fromCore, String property) {
        boolean hasDefault() {
            return defaultValue != null;
        }
    }

    private final String function;
    private final Properties core;
    private final Properties app;

    FunctionConfig(String function, Properties core, Properties app) {
        this.function = function;
        this.core = core;
        this.app = app;
    }

    static FunctionConfig load(String function) {
        return new FunctionConfig(function, read(Repo.coreConfig()),
                read(Repo.functions().resolve(function).resolve("src/main/resources/application.properties")));
    }

    static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    String function() {
        return function;
    }

    /** Every environment variable referenced by a property in effect under the aws profile. */
    List<Reference> references() {
        List<Reference> refs = new ArrayList<>();
        for (String property : effectiveProperties()) {
            Setting setting = effective(property);
            collect(setting.value(), property, setting.fromCore(), refs);
        }
        return refs;
    }

    Set<String> readVariables() {
        Set<String> names = new TreeSet<>();
        references().forEach(r -> names.add(r.variable()));
        return names;
    }

    /**
     * Variables a deployment must set: those without a default or with a default that only works on
     * the local stack, the core's endpoint, credential and bucket variables, and a function's own credentials.
     */
    Set<String> requiredVariables() {
        Set<String> names = new TreeSet<>();
        for (Reference r : references()) {
            if (!r.outermost()) {
                continue;
            }
            boolean localDefault = r.hasDefault() && LOCAL_ONLY_DEFAULT.matcher(r.defaultValue()).matches();
            boolean deploymentSpecific = r.fromCore() ? DEPLOYMENT_SPECIFIC.matcher(r.variable()).matches()
                    : CREDENTIAL.matcher(r.variable()).matches();
            if (!r.hasDefault() || localDefault || deploymentSpecific) {
                names.add(r.variable());
            }
        }
        return names;
    }

    /** Topics of the function's Reactive Messaging consumers (mp.messaging.incoming.*.topic), test profiles aside. */
    Set<String> incomingTopics() {
        Set<String> topics = new TreeSet<>();
        for (String property : effectiveProperties()) {
            if (INCOMING_TOPIC.matcher(property).matches()) {
                topics.add(effective(property).value().trim());
            }
        }
        return topics;
    }

    /** True when some property has an %aws variant, i.e. QUARKUS_PROFILE=aws changes something. */
    boolean hasAwsProfile() {
        return core.stringPropertyNames().stream().anyMatch(k -> k.startsWith("%aws."))
                || app.stringPropertyNames().stream().anyMatch(k -> k.startsWith("%aws."));
    }

    /** Property names (profile prefix removed) in effect under the aws profile. */
    private Set<String> effectiveProperties() {
        Set<String> names = new TreeSet<>();
        for (Properties source : List.of(core, app)) {
            for (String key : source.stringPropertyNames()) {
                Matcher m = PROFILED.matcher(key);
                if (!m.matches()) {
                    names.add(key);
                } else if (m.group(1).equals("aws")) {
                    names.add(m.group(2));
                }
            }
        }
        return names;
    }

    private record Setting(String value, boolean fromCore) {
    }

    /** SmallRye's order: a profile key anywhere beats a plain key; then application.properties beats the core. */
    private Setting effective(String property) {
        for (String key : List.of("%aws." + property, property)) {
            if (app.containsKey(key)) {
                return new Setting(app.getProperty(key), false);
            }
            if (core.containsKey(key)) {
                return new Setting(core.getProperty(key), true);
            }
        }
        return new Setting("", false);
    }

    private static void collect(String value, String property, boolean fromCore, List<Reference> out) {
        int[] depth = {0};
        Expression.compile(value, Expression.Flag.LENIENT_SYNTAX, Expression.Flag.NO_TRIM).evaluate((ctx, builder) -> {
            depth[0]++;
            String defaultValue = ctx.hasDefault() ? ctx.getExpandedDefault() : null;
            depth[0]--;
            String name = ctx.getKey();
            if (ENV_NAME.matcher(name).matches()) {
                out.add(new Reference(name, defaultValue, depth[0] == 0, fromCore, property));
            }
            builder.append(defaultValue == null ? "" : defaultValue);
        });
    }
}
