package io.flextime.export.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing (standardwebhooks.com, spec "Signature scheme"): the signed content is
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, the signature HMAC-SHA256 with the base64-decoded
 * part of a {@code whsec_} secret, sent as {@code v1,<base64>}; several signatures are separated by
 * spaces (secret rotation). The JDK's {@link Mac} does the cryptography; only the framing is ours.
 */
public final class WebhookSignature {
    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes (the spec asks for 24 to 64), base64, with the whsec_ prefix. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value for all the given secrets. */
    public static String header(String messageId, long timestampSeconds, String body, List<String> secrets) {
        return secrets.stream().map(s -> "v1," + sign(messageId, timestampSeconds, body, s)).collect(Collectors.joining(" "));
    }

    public static String sign(String messageId, long timestampSeconds, String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
