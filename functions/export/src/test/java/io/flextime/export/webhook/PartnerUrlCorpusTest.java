package io.flextime.export.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.problem.ProblemException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A corpus of partner URLs an attacker would try (SSRF) against the policy outside local mode: every
 * IANA special-purpose range, the IPv6 forms that carry an IPv4 address, the cloud metadata address, and
 * DNS names that resolve to them (names answered by a table, so the test decides what DNS says).
 */
class PartnerUrlCorpusTest {
    /** What "DNS" answers in this test: an attacker controls the names' records. */
    private static final Map<String, List<String>> DNS = Map.of(
            "metadata.attacker.example", List.of("169.254.169.254"),
            "internal.attacker.example", List.of("10.0.0.12"),
            "loop.attacker.example", List.of("127.0.0.1"),
            "loop6.attacker.example", List.of("::1"),
            "mixed.attacker.example", List.of("93.184.216.34", "192.168.0.10"),
            "nat64.attacker.example", List.of("64:ff9b::a9fe:a9fe"),
            "cgnat.attacker.example", List.of("100.100.100.100"),
            "partner.example", List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"),
            "face.cafe.example", List.of("8.8.4.4"));
    private static final PartnerResolver TABLE = host -> {
        List<String> answers = DNS.get(host);
        if (answers == null) {
            return InetAddress.getAllByName(host); // literals (no lookup) and the system's localhost
        }
        List<InetAddress> out = new ArrayList<>();
        for (String a : answers) {
            out.add(InetAddress.getByName(a));
        }
        return out.toArray(InetAddress[]::new);
    };

    private static final List<String> REFUSED = List.of(
            // IPv4 special-purpose ranges
            "https://0.0.0.0/x", "https://0.1.2.3/x", "https://10.1.2.3/x", "https://100.64.0.1/x", "https://100.127.255.254/x",
            "https://127.0.0.1/x", "https://127.255.255.254/x", "https://169.254.169.254/latest/meta-data/",
            "https://169.254.170.2/v2/credentials", "https://172.16.0.1/x", "https://172.31.255.255/x", "https://192.0.0.8/x",
            "https://192.0.2.10/x", "https://192.88.99.1/x", "https://192.168.1.1/x", "https://198.18.0.1/x",
            "https://198.19.255.255/x", "https://198.51.100.7/x", "https://203.0.113.9/x", "https://224.0.0.1/x",
            "https://239.255.255.250/x", "https://240.0.0.1/x", "https://255.255.255.255/x",
            // IPv4 spellings the JDK's parser reads as loopback / private
            "https://2130706433/x", "https://0x7f000001/x", "https://0177.0.0.1/x", "https://0x7f.1/x", "https://127.1/x",
            // IPv6: loopback, unspecified, local ranges, multicast, documentation
            "https://[::1]/x", "https://[::]/x", "https://[fe80::1]/x", "https://[fd00::1]/x", "https://[fc00::7]/x",
            "https://[fec0::1]/x", "https://[ff02::1]/x", "https://[2001:db8::1]/x", "https://[3fff::1]/x", "https://[100::1]/x",
            // IPv6 forms carrying IPv4: mapped, compatible, SIIT, NAT64 (well-known and local), 6to4, Teredo
            "https://[::ffff:127.0.0.1]/x", "https://[::ffff:10.0.0.1]/x", "https://[::ffff:169.254.169.254]/x",
            "https://[::127.0.0.1]/x", "https://[::ffff:0:a9fe:a9fe]/x", "https://[64:ff9b::7f00:1]/x",
            "https://[64:ff9b::a9fe:a9fe]/x", "https://[64:ff9b:1::a00:1]/x", "https://[2002:7f00:1::1]/x",
            "https://[2002:a9fe:a9fe::1]/x", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x",
            // names resolving to them
            "https://localhost/x", "https://metadata.attacker.example/latest", "https://internal.attacker.example/x",
            "https://loop.attacker.example/x", "https://loop6.attacker.example/x", "https://mixed.attacker.example/x",
            "https://nat64.attacker.example/x", "https://cgnat.attacker.example/x", "https://does-not-resolve.invalid/x",
            // not https, credentials, not a URL
            "http://93.184.216.34/hook", "ftp://93.184.216.34/x", "https://user:pw@93.184.216.34/x", "file:///etc/passwd",
            "not a url");

    @Test
    void everyAddressAnAttackerWouldTryIsRefusedOutsideLocalMode() {
        PartnerUrlPolicy strict = new PartnerUrlPolicy(false, TABLE);
        assertTrue(REFUSED.size() >= 30, "a corpus of at least 30");
        List<String> accepted = new ArrayList<>();
        for (String url : REFUSED) {
            try {
                strict.require(url);
                accepted.add(url);
            } catch (ProblemException e) {
                assertEquals(400, e.problem().status(), url);
                assertEquals("invalid-partner-url", e.problem().code(), url);
            }
        }
        assertEquals(List.of(), accepted, "accepted although they must not be");
    }

    @Test
    void publicAddressesAndNamesAreAccepted() {
        PartnerUrlPolicy strict = new PartnerUrlPolicy(false, TABLE);
        for (String url : List.of("https://93.184.216.34/hook", "https://8.8.8.8/x", "https://[2606:2800:220:1:248:1893:25c8:1946]/hook",
                "https://partner.example/webhooks/flextime", "https://[2a00:1450:4001:80b::200e]/x", "https://face.cafe.example/x")) {
            assertDoesNotThrow(() -> strict.require(url), url);
        }
    }

    @Test
    void theRefusalNamesTheRangeAndLocalModeAcceptsLoopback() {
        PartnerUrlPolicy strict = new PartnerUrlPolicy(false, TABLE);
        ProblemException e = assertThrows(ProblemException.class, () -> strict.require("https://metadata.attacker.example/x"));
        assertTrue(e.problem().detail().contains("169.254.169.254") && e.problem().detail().contains("link-local"),
                e.problem().detail());
        assertDoesNotThrow(() -> new PartnerUrlPolicy(true, TABLE).require("http://127.0.0.1:8080/hook"), "local mode");
        assertDoesNotThrow(() -> new PartnerUrlPolicy(true, TABLE).require("http://loop.attacker.example:8080/hook"));
    }

    @Test
    void theSendersLookupIsTheCheckedOne() throws UnknownHostException {
        PartnerUrlPolicy strict = new PartnerUrlPolicy(false, TABLE);
        assertThrows(UnknownHostException.class, () -> strict.resolveChecked("mixed.attacker.example"),
                "one private answer among public ones refuses the host");
        assertEquals(2, strict.resolveChecked("partner.example").length);
    }
}
