package io.flextime.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Master (key-encryption) keys by id: new envelopes are sealed under the active key, every configured
 * id still opens what it sealed, so keys rotate by adding a new id, making it active, and removing an
 * old one only when nothing sealed under it is kept. AES-256-GCM; the associated data binds an envelope
 * to its purpose and key id (the caller's {@code aad}), so it cannot be passed off as another.
 * Envelope: 12-byte nonce | ciphertext | 16-byte tag.
 */
public final class KeyRing {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private final String activeKeyId;
    private final Map<String, byte[]> keys;

    /** @param base64Keys id → base64 of 32 bytes */
    public KeyRing(String activeKeyId, Map<String, String> base64Keys) {
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        base64Keys.forEach((id, b64) -> {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(b64.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key '" + id + "' is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("key '" + id + "' must be 32 bytes (base64), got " + key.length);
            }
            decoded.put(id, key);
        });
        if (activeKeyId == null || !decoded.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active key id '" + activeKeyId + "' has no key (configured: "
                    + decoded.keySet() + ")");
        }
        this.activeKeyId = activeKeyId;
        this.keys = decoded;
    }

    /** {@code id=base64,id=base64} (how one environment variable carries several keys). */
    public static Map<String, String> parse(String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String entry : spec.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a key entry must be id=base64, got '" + entry.trim().replaceAll("=.*", "=…") + "'");
            }
            out.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return out;
    }

    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    public boolean has(String keyId) {
        return keys.containsKey(keyId);
    }

    /** Seals under the active key; {@code aad} names what it is (and should include the key id). */
    public byte[] seal(byte[] plaintext, String aad) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, aad).doFinal(plaintext);
            byte[] envelope = Arrays.copyOf(nonce, NONCE + sealed.length);
            System.arraycopy(sealed, 0, envelope, NONCE, sealed.length);
            return envelope;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal", e);
        }
    }

    /**
     * Opens an envelope sealed under {@code keyId}.
     *
     * @throws UnknownKeyException the key id is not configured
     * @throws WrongKeyException   the key does not open it (another key, another aad, or altered)
     */
    public byte[] open(String keyId, byte[] envelope, String aad) {
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new UnknownKeyException("key id '" + keyId + "' is not configured (configured: " + keys.keySet() + ")");
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(envelope, NONCE), aad).doFinal(envelope, NONCE,
                    envelope.length - NONCE);
        } catch (AEADBadTagException | ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            throw new WrongKeyException("key '" + keyId + "' does not open this envelope (wrong key, or it was altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String aad) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return c;
    }

    /** The envelope names a key id that is not configured. */
    public static class UnknownKeyException extends RuntimeException {
        public UnknownKeyException(String message) {
            super(message);
        }
    }

    /** The configured key does not open the envelope. */
    public static class WrongKeyException extends RuntimeException {
        public WrongKeyException(String message) {
            super(message);
        }
    }
}
