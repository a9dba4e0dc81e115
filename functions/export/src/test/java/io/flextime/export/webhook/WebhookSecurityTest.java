package io.flextime.export.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures against the Standard Webhooks reference library; the retry schedule (URLs: PartnerUrlCorpusTest). */
class WebhookSecurityTest {

    @Test
    void eachSecretOfARotationProducesASignatureTheReferenceLibraryAccepts() throws Exception {
        String oldSecret = WebhookSignature.newSecret();
        String newSecret = WebhookSignature.newSecret();
        long ts = Instant.now().getEpochSecond();
        String body = "{\"type\":\"flextime.schedule.published.v1\",\"data\":{\"x\":\"é\"}}";
        String header = WebhookSignature.header("msg_1", ts, body, List.of(newSecret, oldSecret));
        assertEquals(2, header.split(" ").length);
        Map<String, List<String>> headers = new HashMap<>(Map.of("webhook-id", List.of("msg_1"),
                "webhook-timestamp", List.of(Long.toString(ts)), "webhook-signature", List.of(header)));
        new Webhook(oldSecret).verify(body, headers);
        new Webhook(newSecret).verify(body, headers);
        assertEquals(new Webhook(newSecret).sign("msg_1", ts, body), "v1," + WebhookSignature.sign("msg_1", ts, body, newSecret));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(WebhookSignature.newSecret()).verify(body, headers));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(newSecret).verify(body + " ", headers));
    }

    @Test
    void theRetryScheduleIsFollowedWithBoundedJitterAndEnds() {
        RetrySchedule r = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5)), 0.2);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 200; i++) {
            long ms = Duration.between(now, r.nextAttempt(1, now).orElseThrow()).toMillis();
            assertTrue(ms >= 4000 && ms <= 6000, "5 s ± 20 %: " + ms);
        }
        assertEquals(now, r.nextAttempt(0, now).orElseThrow());
        assertTrue(r.nextAttempt(3, now).isEmpty(), "no attempt after the last");
        assertEquals(3, r.maxAttempts());
    }
}
