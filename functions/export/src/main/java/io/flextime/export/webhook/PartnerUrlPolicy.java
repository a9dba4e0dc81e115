package io.flextime.export.webhook;

import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which partner URLs we will POST to (SSRF: assume a hostile partner URL). Outside local mode: https
 * only, no credentials in the URL, and the host must resolve only to public addresses
 * ({@link PartnerAddresses}). Checked when an endpoint is registered (for a clear answer) and, what
 * counts, when each request connects: {@link #resolveChecked} is the sender's DNS resolver, so the
 * request goes to exactly the addresses that were checked (a second lookup could answer otherwise: DNS
 * rebinding). Local mode ({@code flextime.local-mode}, set only by the local stack) accepts http and
 * loopback, for the demo's partner receiver and the tests.
 */
@ApplicationScoped
public class PartnerUrlPolicy {
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private final boolean localMode;
    private final PartnerResolver resolver;

    @Inject
    public PartnerUrlPolicy(FlexTimeConfig config) {
        this(config.localMode(), PartnerResolver.SYSTEM);
    }

    public PartnerUrlPolicy(boolean localMode, PartnerResolver resolver) {
        this.localMode = localMode;
        this.resolver = resolver;
    }

    /** A URL fit for an endpoint: {@link #parse} and every address of its host checked now. */
    public URI require(String url) {
        URI uri = parse(url);
        try {
            resolveChecked(uri.getHost());
        } catch (UnknownHostException e) {
            throw invalid(e.getMessage());
        }
        return uri;
    }

    /** The URL's form only (scheme, host, no credentials): what a send checks before its one lookup. */
    public URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw invalid("not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid("the URL must be absolute with an http(s) scheme and a host");
        }
        if (uri.getUserInfo() != null) {
            throw invalid("credentials in the URL are not accepted; use the signing secret");
        }
        if (!localMode && !scheme.equals("https")) {
            throw invalid("only https URLs are accepted");
        }
        if (NUMERIC_HOST.matcher(uri.getHost()).matches() && !DOTTED_QUAD.matcher(uri.getHost()).matches()) {
            // 0177.0.0.1, 2130706433, 0x7f.1: read as 127.0.0.1 by some parsers and not by others.
            throw invalid("the host " + uri.getHost() + " is an ambiguous spelling of an IP address");
        }
        return uri;
    }

    /**
     * The host's addresses, all checked (outside local mode every one must be public, else none is
     * returned). The sender connects to these and only these.
     */
    public InetAddress[] resolveChecked(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("the host " + name + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException("the host " + name + " does not resolve");
        }
        if (!localMode) {
            for (InetAddress a : addresses) {
                Optional<String> why = PartnerAddresses.refusal(a);
                if (why.isPresent()) {
                    throw new UnknownHostException("the host " + name + " resolves to a non-public address ("
                            + a.getHostAddress() + ": " + why.get() + ")");
                }
            }
        }
        return addresses;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.badRequest("invalid-partner-url", "Partner URL rejected: " + detail));
    }
}
