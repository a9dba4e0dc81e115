package io.flextime.export.webhook;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressNetwork;
import inet.ipaddr.IPAddressString;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which IP addresses a partner URL may reach outside local mode: none of the IANA IPv4 and IPv6
 * Special-Purpose Address Registries (RFC 6890 and its updates, as registered in 2026), nor multicast,
 * nor any IPv6 address outside global unicast (2000::/3). The IPv6 forms that carry an IPv4 address
 * (v4-mapped, v4-compatible, SIIT, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16, Teredo
 * 2001::/32) are refused whatever they carry: a partner has a real address, and these are how an
 * attacker dresses up 127.0.0.1 or 169.254.169.254. Containment by the ipaddress library.
 */
public final class PartnerAddresses {
    /** Each block with the registry's name, for the refusal message. */
    private record Block(IPAddress range, String name) {
    }

    private static final List<Block> BLOCKED = Stream.of(
            // IPv4 special-purpose registry
            "0.0.0.0/8 this network", "10.0.0.0/8 private-use", "100.64.0.0/10 shared address space (CGNAT)",
            "127.0.0.0/8 loopback", "169.254.0.0/16 link-local (cloud metadata)", "172.16.0.0/12 private-use",
            "192.0.0.0/24 IETF protocol assignments", "192.0.2.0/24 documentation (TEST-NET-1)", "192.31.196.0/24 AS112-v4",
            "192.52.193.0/24 AMT", "192.88.99.0/24 6to4 relay anycast", "192.168.0.0/16 private-use",
            "192.175.48.0/24 direct delegation AS112", "198.18.0.0/15 benchmarking", "198.51.100.0/24 documentation (TEST-NET-2)",
            "203.0.113.0/24 documentation (TEST-NET-3)", "224.0.0.0/4 multicast", "240.0.0.0/4 reserved",
            "255.255.255.255/32 limited broadcast",
            // IPv6 special-purpose registry
            "::/128 unspecified", "::1/128 loopback", "::/96 IPv4-compatible", "::ffff:0:0/96 IPv4-mapped",
            "::ffff:0:0:0/96 IPv4-translated (SIIT)", "64:ff9b::/96 IPv4-IPv6 translation (NAT64)",
            "64:ff9b:1::/48 local-use IPv4-IPv6 translation", "100::/64 discard-only", "100:0:0:1::/64 dummy prefix",
            "2001::/23 IETF protocol assignments (Teredo, benchmarking, ORCHID, AMT, AS112)", "2001:db8::/32 documentation",
            "2002::/16 6to4", "2620:4f:8000::/48 direct delegation AS112", "3fff::/20 documentation",
            "5f00::/16 segment routing SIDs", "fc00::/7 unique-local", "fe80::/10 link-local", "fec0::/10 site-local",
            "ff00::/8 multicast")
            .map(line -> {
                int space = line.indexOf(' ');
                return new Block(new IPAddressString(line.substring(0, space)).getAddress().toPrefixBlock(), line.substring(space + 1));
            })
            .toList();
    private static final IPAddressNetwork.IPAddressGenerator GENERATOR = new IPAddressNetwork.IPAddressGenerator();
    private static final IPAddress GLOBAL_UNICAST_V6 = new IPAddressString("2000::/3").getAddress().toPrefixBlock();

    private PartnerAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        return refusal(address).isEmpty();
    }

    /** Why the address is refused (the block it falls in), or empty if a partner may have it. */
    public static Optional<String> refusal(InetAddress address) {
        IPAddress bare = GENERATOR.from(address.getAddress());
        for (Block b : BLOCKED) {
            if (b.range().getIPVersion() == bare.getIPVersion() && b.range().contains(bare)) {
                return Optional.of(b.range().toCanonicalString() + " " + b.name());
            }
        }
        if (bare.isIPv6() && !GLOBAL_UNICAST_V6.contains(bare)) {
            return Optional.of("outside IPv6 global unicast 2000::/3");
        }
        return Optional.empty();
    }
}
