package io.flextime.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./flextime token --tenant T --role R [--role R2] [--ttl 1h] [--sub NAME] [--alg RS256|ES256]}: prints a token of the
 * local identity provider ({@link LocalIdentity}) on stdout. Roles: viewer, scheduler, publisher,
 * operator (README "Identity, roles and audit").
 */
public final class TokenCommand {
    static final Set<String> ROLES = Set.of("viewer", "scheduler", "publisher", "operator");
    static final Duration MAX_TTL = Duration.ofHours(24);
    private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern TTL = Pattern.compile("(\\d+)([smhd])");

    record Request(Path dir, String tenant, List<String> roles, Duration ttl, String subject, String algorithm) {
    }

    public static void main(String[] args) {
        try {
            Request r = parse(args);
            System.out.println(LocalIdentity.open(r.dir()).token(r.subject(), r.tenant(), r.roles()).ttl(r.ttl())
                    .algorithm(r.algorithm()).sign());
        } catch (IllegalArgumentException e) {
            System.err.println("token: " + e.getMessage());
            System.err.println("usage: ./flextime token --tenant T --role viewer|scheduler|publisher|operator [--role ...] [--ttl 1h] [--sub NAME] [--alg RS256|ES256]");
            System.exit(2);
        }
    }

    static Request parse(String[] args) {
        Path dir = null;
        String tenant = null;
        String subject = null;
        String algorithm = LocalIdentity.RS256;
        Duration ttl = Duration.ofHours(1);
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--dir" -> dir = Path.of(require(args[i], value));
                case "--tenant" -> tenant = require(args[i], value);
                case "--sub" -> subject = require(args[i], value);
                case "--ttl" -> ttl = ttl(require(args[i], value));
                case "--alg" -> algorithm = algorithm(require(args[i], value));
                case "--role" -> {
                    for (String role : require(args[i], value).split(",")) {
                        roles.add(role.trim().toLowerCase(Locale.ROOT));
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            i++;
        }
        if (dir == null || tenant == null || roles.isEmpty()) {
            throw new IllegalArgumentException("--tenant and at least one --role are required");
        }
        if (!TENANT.matcher(tenant).matches()) {
            throw new IllegalArgumentException("tenant '" + tenant + "': lower-case letters, digits and '-'");
        }
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("unknown role '" + role + "' (viewer, scheduler, publisher, operator)");
            }
        }
        return new Request(dir, tenant, List.copyOf(roles), ttl,
                subject == null ? System.getProperty("user.name", "local") + "@" + tenant : subject, algorithm);
    }

    static String algorithm(String text) {
        String alg = text.trim().toUpperCase(Locale.ROOT);
        if (!alg.equals(LocalIdentity.RS256) && !alg.equals(LocalIdentity.ES256)) {
            throw new IllegalArgumentException("--alg '" + text + "': RS256 or ES256");
        }
        return alg;
    }

    static Duration ttl(String text) {
        Matcher m = TTL.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--ttl '" + text + "': a number with s, m, h or d (e.g. 30m, 1h)");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.isZero() || d.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("--ttl must be between 1s and 24h");
        }
        return d;
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
