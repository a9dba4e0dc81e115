package io.flextime.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flextime.tools.PartnerReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A partner on 127.0.0.1 (JDK HTTP server, random port). {@code /partners/<name>} receives FlexTime
 * webhooks and checks them as a partner does, with {@link PartnerReceiver#verify} (Standard Webhooks,
 * independent of the export function's signer): 204 when the signature holds, 401 otherwise.
 * {@code /slack} receives the pipeline's Slack-compatible notifications. Everything received is kept.
 */
final class PartnerEndpoint implements AutoCloseable {
    /** One webhook request as received; {@code problem} is null when the signature verified. */
    record Delivery(String path, String webhookId, String timestamp, String signature, String body, JsonNode json,
            String problem) {
        boolean verified() {
            return problem == null;
        }
    }

    private final ObjectMapper mapper;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<JsonNode> slackMessages = new CopyOnWriteArrayList<>();

    PartnerEndpoint(ObjectMapper mapper) {
        this.mapper = mapper;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/partners/", this::onWebhook);
        server.createContext("/slack", this::onSlack);
        server.setExecutor(executor);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The signing secret issued for the partner at {@code path} (whsec_...). */
    void trust(String path, String secret) {
        keys.put(path, PartnerReceiver.secretKey(secret));
    }

    List<Delivery> deliveries(Predicate<Delivery> filter) {
        return deliveries.stream().filter(filter).toList();
    }

    List<JsonNode> slackMessages(Predicate<JsonNode> filter) {
        return slackMessages.stream().filter(filter).toList();
    }

    /** Waits until a delivery matching {@code filter} arrived; null after the timeout. */
    Delivery await(Predicate<Delivery> filter, Duration timeout, Runnable whileWaiting) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Delivery> found = deliveries(filter);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            whileWaiting.run();
            FunctionProcesses.sleep(250);
        }
        return null;
    }

    private void onWebhook(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] body = ex.getRequestBody().readAllBytes();
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
            String sig = ex.getRequestHeaders().getFirst("webhook-signature");
            byte[] key = keys.get(path);
            String problem = key == null ? "no secret for " + path
                    : PartnerReceiver.verify(key, id, ts, sig, body, Instant.now().getEpochSecond());
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
            JsonNode json;
            try {
                json = mapper.readTree(text);
            } catch (IOException e) {
                json = mapper.nullNode();
            }
            deliveries.add(new Delivery(path, id, ts, sig, text, json, problem));
            ex.sendResponseHeaders(problem == null ? 204 : 401, -1);
        }
    }

    private void onSlack(HttpExchange ex) throws IOException {
        try (ex) {
            slackMessages.add(mapper.readTree(ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
