package io.flextime.export.webhook;

import io.flextime.export.ExportConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one signed webhook: POST, JSON body, the three Standard Webhooks headers. Apache HttpClient 5
 * (async), with {@link PartnerUrlPolicy#resolveChecked} as its DNS resolver, so the connection goes to
 * the addresses that were checked, never to what a second lookup might answer. No redirects (a
 * redirect could lead anywhere), no retries (the retry schedule is ours), at most
 * {@code response-read-limit} bytes of the answer are read (then the connection is closed), and one
 * deadline over connect, send and answer. Never fails: the outcome carries the status or the error.
 */
@ApplicationScoped
public class PartnerSender {
    private final CloseableHttpAsyncClient client;
    private final Duration timeout;
    private final int excerpt;
    private final int readLimit;

    @Inject
    public PartnerSender(ExportConfig config, PartnerUrlPolicy urls) {
        this(config.webhooks().timeout(), config.webhooks().responseExcerpt(), config.webhooks().responseReadLimit(),
                config.webhooks().maxParallel(), urls);
    }

    public PartnerSender(Duration timeout, int excerpt, int readLimit, int maxParallel, PartnerUrlPolicy urls) {
        this.timeout = timeout;
        this.excerpt = excerpt;
        this.readLimit = readLimit;
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return urls.resolveChecked(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        Timeout t = Timeout.of(timeout);
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(checked)
                        .setMaxConnTotal(maxParallel)
                        .setMaxConnPerRoute(maxParallel)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                                .setHandshakeTimeout(t).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).setConnectionRequestTimeout(t)
                        .setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("FlexTime-Webhooks/1.0")
                .build();
        client.start();
    }

    @PreDestroy
    void close() {
        client.close(CloseMode.GRACEFUL);
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
        var request = SimpleRequestBuilder.post(url)
                .setBody(body.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON)
                .addHeader("webhook-id", messageId)
                .addHeader("webhook-timestamp", Long.toString(timestamp))
                .addHeader("webhook-signature", WebhookSignature.header(messageId, timestamp, body, secrets))
                .build();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        var exchange = client.execute(SimpleRequestProducer.create(request), new CappedAnswer(readLimit), null,
                new FutureCallback<Answer>() {
                    @Override
                    public void completed(Answer result) {
                        answer.complete(result);
                    }

                    @Override
                    public void failed(Exception e) {
                        answer.completeExceptionally(e);
                    }

                    @Override
                    public void cancelled() {
                        answer.completeExceptionally(new TimeoutException());
                    }
                });
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((a, failure) -> {
                    int ms = (int) ((System.nanoTime() - t0) / 1_000_000);
                    if (failure != null) {
                        exchange.cancel(true);
                        Answer capped = capped(failure);
                        if (capped == null) {
                            return new Outcome(started, ms, null, describe(failure), null);
                        }
                        a = capped;
                    }
                    String text = new String(a.body(), 0, Math.min(a.body().length, excerpt), StandardCharsets.UTF_8);
                    String error = a.status() >= 200 && a.status() < 300 ? null : "HTTP " + a.status() + " after " + ms + " ms";
                    return new Outcome(started, ms, a.status(), error, text);
                });
    }

    private String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException) {
            return "timeout after " + timeout.toMillis() + " ms";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static Answer capped(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ReadLimitReached r) {
                return r.answer;
            }
        }
        return null;
    }

    /** The status and the first bytes of a partner's answer. */
    record Answer(int status, byte[] body) {
    }

    /** Thrown by {@link CappedAnswer} to stop reading: the exchange ends, the connection is closed, not reused. */
    static final class ReadLimitReached extends IOException {
        final transient Answer answer;

        ReadLimitReached(Answer answer) {
            super("the partner's answer is longer than the read limit", null);
            this.answer = answer;
        }
    }

    /** Keeps at most {@code limit} bytes of the body; one byte more ends the exchange. */
    static final class CappedAnswer extends AbstractBinResponseConsumer<Answer> {
        private final int limit;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private int status;

        CappedAnswer(int limit) {
            this.limit = limit;
        }

        @Override
        protected void start(HttpResponse response, ContentType contentType) {
            status = response.getCode();
        }

        @Override
        protected int capacityIncrement() {
            return Math.max(1024, limit + 1);
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
            int room = limit - body.size();
            int n = Math.min(room, src.remaining());
            byte[] chunk = new byte[n];
            src.get(chunk);
            body.write(chunk);
            if (src.hasRemaining()) {
                throw new ReadLimitReached(new Answer(status, body.toByteArray()));
            }
        }

        @Override
        protected Answer buildResult() {
            return new Answer(status, body.toByteArray());
        }

        @Override
        public void releaseResources() {
        }
    }
}
