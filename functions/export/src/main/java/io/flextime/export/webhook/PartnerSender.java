package io.flextime.export.webhook;

import io.flextime.export.ExportConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one signed webhook with the JDK HTTP client: POST, JSON body, the three Standard Webhooks
 * headers, no redirects (a redirect could lead anywhere, past the URL policy), a timeout over connect
 * and response. Never fails: the outcome carries the status or the error.
 */
@ApplicationScoped
public class PartnerSender {
    private final HttpClient client;
    private final Duration timeout;
    private final int excerpt;

    public PartnerSender(ExportConfig config) {
        this.timeout = config.webhooks().timeout();
        this.excerpt = config.webhooks().responseExcerpt();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** What one attempt got back: a status (any) or an error (no response). */
    public record Outcome(Instant startedAt, int durationMs, Integer statusCode, String error, String response) {
        public boolean success() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        public boolean gone() {
            return statusCode != null && statusCode == 410;
        }
    }

    public CompletableFuture<Outcome> send(URI url, String messageId, String body, List<String> secrets) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        long timestamp = started.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "FlexTime-Webhooks/1.0")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(messageId, timestamp, body, secrets))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    int ms = (int) ((System.nanoTime() - t0) / 1_000_000);
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        String error = cause instanceof HttpTimeoutException ? "timeout after " + timeout.toMillis() + " ms"
                                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
                        return new Outcome(started, ms, null, error, null);
                    }
                    String text = response.body() == null ? "" : response.body();
                    String error = response.statusCode() >= 200 && response.statusCode() < 300 ? null
                            : "HTTP " + response.statusCode() + " after " + ms + " ms";
                    return new Outcome(started, ms, response.statusCode(), error,
                            text.length() > excerpt ? text.substring(0, excerpt) : text);
                });
    }
}
