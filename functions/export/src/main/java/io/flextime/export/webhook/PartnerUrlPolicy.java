package io.flextime.export.webhook;

import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Which partner URLs we will POST to. Outside local mode: https only, and the host must resolve only
 * to public addresses, so a subscription cannot make FlexTime call into its own network (SSRF):
 * loopback, private (RFC 1918, unique-local fc00::/7), link-local (incl. the cloud metadata address
 * 169.254.169.254), carrier-grade NAT (100.64/10), unspecified and multicast addresses are refused.
 * Checked when an endpoint is registered and again before each send (DNS may change). Local mode
 * accepts http and loopback, for the local stack and tests.
 */
public final class PartnerUrlPolicy {
    private final boolean localMode;

    public PartnerUrlPolicy(boolean localMode) {
        this.localMode = localMode;
    }

    public URI require(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw invalid("not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid("the URL must be absolute with an http(s) scheme and a host");
        }
        if (uri.getUserInfo() != null) {
            throw invalid("credentials in the URL are not accepted; use the signing secret");
        }
        if (localMode) {
            return uri;
        }
        if (!scheme.equals("https")) {
            throw invalid("only https URLs are accepted");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw invalid("the host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                throw invalid("the host " + uri.getHost() + " resolves to a non-public address (" + a.getHostAddress() + ")");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 || first == 100 && second >= 64 && second < 128 || first >= 240);
        }
        if (a instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isMappedV4(b);
            if (mappedV4) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !uniqueLocal;
        }
        return false;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.badRequest("invalid-partner-url", "Partner URL rejected: " + detail));
    }
}
