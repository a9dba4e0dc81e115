package io.flextime.export.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender connects to the addresses its policy checked (the name "partner.test" exists only in the
 * test's resolver, so a delivery proves no other lookup happened), never reaches a refused address, and
 * reads at most the read limit of an answer, however long the partner talks.
 */
class PartnerSenderTest {
    private static final Map<String, String> DNS = Map.of("partner.test", "127.0.0.1");
    private static final PartnerResolver TABLE = host -> DNS.containsKey(host)
            ? new InetAddress[] {InetAddress.getByName(DNS.get(host))} : InetAddress.getAllByName(host);

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/ok", ex -> {
            requests.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.createContext("/endless", ex -> {
            requests.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, 0); // chunked, never ends on its own
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) 'x');
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100_000; i++) {
                    out.write(chunk);
                    out.flush();
                }
            } catch (IOException closedByTheSender) {
                // what the sender does after its read limit
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PartnerSender sender(boolean localMode) {
        return new PartnerSender(Duration.ofSeconds(5), 512, 4096, 8, new PartnerUrlPolicy(localMode, TABLE));
    }

    private URI url(String path) {
        return URI.create("http://partner.test:" + server.getAddress().getPort() + path);
    }

    @Test
    void itConnectsToTheAddressItChecked() throws Exception {
        PartnerSender.Outcome o = sender(true).send(url("/ok"), "msg_1", "{}", List.of(WebhookSignature.newSecret()))
                .get(10, TimeUnit.SECONDS);
        assertEquals(204, o.statusCode(), String.valueOf(o.error()));
        assertEquals(1, requests.get());
    }

    @Test
    void outsideLocalModeAPrivateAnswerIsNeverConnectedTo() throws Exception {
        PartnerSender.Outcome o = sender(false).send(url("/ok"), "msg_2", "{}", List.of(WebhookSignature.newSecret()))
                .get(10, TimeUnit.SECONDS);
        assertNull(o.statusCode());
        assertTrue(o.error().contains("non-public address") && o.error().contains("127.0.0.1"), o.error());
        assertEquals(0, requests.get(), "nothing reached the private address");
    }

    @Test
    void anEndlessAnswerIsCutAtTheReadLimit() throws Exception {
        long t0 = System.nanoTime();
        PartnerSender.Outcome o = sender(true).send(url("/endless"), "msg_3", "{}", List.of(WebhookSignature.newSecret()))
                .get(10, TimeUnit.SECONDS);
        assertEquals(200, o.statusCode(), String.valueOf(o.error()));
        assertEquals(512, o.response().length(), "the excerpt kept");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(4), "it stopped reading, did not wait for the end");
    }
}
