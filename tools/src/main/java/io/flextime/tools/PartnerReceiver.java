package io.flextime.tools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local partner for the demo: receives FlexTime webhooks and verifies them the way a partner would,
 * following the Standard Webhooks specification (not FlexTime's own signer, so a signing bug shows).
 * Accepted deliveries are appended to a JSON-lines file; a bad signature or a stale timestamp is
 * answered 401 and logged.
 *
 * Usage: PartnerReceiver PORT SECRET OUT_FILE (started by ./flextime demo)
 */
public class PartnerReceiver {
    private static final long TOLERANCE_SECONDS = 300;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] key = secretKey(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.createContext("/", exchange -> handle(exchange, key, out));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("partner receiver listening on http://127.0.0.1:" + port + "/");
    }

    static void handle(HttpExchange ex, byte[] key, Path out) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                reply(ex, 405, "POST only");
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            String timestamp = ex.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = ex.getRequestHeaders().getFirst("webhook-signature");
            String problem = verify(key, id, timestamp, signatures, body, Instant.now().getEpochSecond());
            if (problem != null) {
                System.out.println("REJECTED " + id + ": " + problem);
                reply(ex, 401, problem);
                return;
            }
            String line = "{\"receivedAt\":\"" + Instant.now() + "\",\"path\":\"" + ex.getRequestURI().getPath()
                    + "\",\"webhookId\":\"" + id + "\",\"verified\":true,\"body\":"
                    + new String(body, StandardCharsets.UTF_8) + "}\n";
            synchronized (PartnerReceiver.class) {
                Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            System.out.println("VERIFIED " + id + " (" + body.length + " bytes)");
            reply(ex, 204, null);
        }
    }

    /** Standard Webhooks: HMAC-SHA256 over "id.timestamp.body", base64, any of the space-separated "v1,<sig>". */
    public static String verify(byte[] key, String id, String timestamp, String signatures, byte[] body, long nowEpochSecond) {
        if (id == null || timestamp == null || signatures == null) {
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "webhook-timestamp is not a number";
        }
        if (Math.abs(nowEpochSecond - ts) > TOLERANCE_SECONDS) {
            return "webhook-timestamp outside the tolerance";
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(body);
        } catch (Exception e) {
            return "cannot compute HMAC: " + e;
        }
        for (String candidate : signatures.trim().split(" ")) {
            int comma = candidate.indexOf(',');
            if (comma > 0 && "v1".equals(candidate.substring(0, comma))) {
                byte[] given = Base64.getDecoder().decode(candidate.substring(comma + 1));
                if (MessageDigest.isEqual(expected, given)) {
                    return null;
                }
            }
        }
        return "no valid v1 signature";
    }

    public static byte[] secretKey(String secret) {
        String s = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        return Base64.getDecoder().decode(s);
    }

    static void reply(HttpExchange ex, int status, String text) throws IOException {
        byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
    }
}
