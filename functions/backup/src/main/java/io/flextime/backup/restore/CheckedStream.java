package io.flextime.backup.restore;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts lines and hashes the plaintext as it flows into the database. */
final class CheckedStream extends FilterInputStream {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final MessageDigest sha;
    private long lines;

    CheckedStream(InputStream in) {
        super(in);
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            sha.update((byte) b);
            lines += b == '\n' ? 1 : 0;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            sha.update(b, off, n);
            lines += newlines(b, off, n);
        }
        return n;
    }

    /**
     * Counts '\n' eight bytes at a time (exact zero-byte test on {@code word ^ 0x0a..}, then a bit count):
     * the byte-by-byte loop was the restore reader's largest cost after decryption.
     */
    static long newlines(byte[] b, int off, int len) {
        long count = 0;
        int i = off;
        for (int end = off + len - 7; i < end; i += 8) {
            long x = (long) LONGS.get(b, i) ^ 0x0a0a0a0a0a0a0a0aL;
            long zeroHighBits = ~(((x & 0x7f7f7f7f7f7f7f7fL) + 0x7f7f7f7f7f7f7f7fL) | x | 0x7f7f7f7f7f7f7f7fL);
            count += Long.bitCount(zeroHighBits);
        }
        for (; i < off + len; i++) {
            if (b[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    long lines() {
        return lines;
    }

    String sha256() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
