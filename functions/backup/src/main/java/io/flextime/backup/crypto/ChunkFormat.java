package io.flextime.backup.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The framing of an encrypted backup object ("FTB1"): a header, then chunks of at most
 * {@code chunkSize} plaintext bytes, each sealed with AES-256-GCM.
 *
 * <pre>
 * header  = "FTB1" | version u8 (1) | chunkSize u32 | noncePrefix 7 bytes | nameLength u16 | name (UTF-8)
 * chunk   = length u32 (ciphertext + 16-byte tag) | ciphertext | tag
 * nonce_i = noncePrefix | i u32 | last u8 (1 on the final chunk, else 0)
 * AAD     = the header bytes;  key = HMAC-SHA256(dataKey, "flextime-backup object\0" + name)
 * </pre>
 *
 * Why hand-written (over JDK javax.crypto, which does all the cryptography): no maintained library on
 * Maven Central offers a documented streaming-AEAD file format except Google Tink, whose streaming
 * ciphertext reports a failure as a bare IOException without the segment, and pulls in protobuf. This
 * framing is the same construction (STREAM: counter nonces, a last-chunk flag against truncation, a
 * per-object key), stays readable by any AES-GCM implementation (see the README), and lets a failure
 * name the object, chunk and offset. The object name in the header binds each object to its place
 * in its backup: a chunk or an object moved elsewhere fails authentication.
 */
public final class ChunkFormat {
    static final byte[] MAGIC = { 'F', 'T', 'B', '1' };
    static final byte VERSION = 1;
    static final int TAG_BYTES = 16;
    static final int PREFIX_BYTES = 7;

    private ChunkFormat() {
    }

    static byte[] header(int chunkSize, byte[] noncePrefix, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + 1 + 4 + PREFIX_BYTES + 2 + n.length).put(MAGIC).put(VERSION).putInt(chunkSize)
                .put(noncePrefix).putShort((short) n.length).put(n).array();
    }

    static byte[] nonce(byte[] prefix, int index, boolean last) {
        return ByteBuffer.allocate(12).put(prefix).putInt(index).put((byte) (last ? 1 : 0)).array();
    }

    static SecretKeySpec objectKey(byte[] dataKey, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(dataKey, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(("flextime-backup object\0" + name).getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
