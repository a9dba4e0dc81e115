package io.flextime.export.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Host name → addresses: the system resolver in production, a table in tests (names whose answers a test fixes). */
@FunctionalInterface
public interface PartnerResolver {
    PartnerResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
