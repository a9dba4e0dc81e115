package io.flextime.backup.restore;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts lines and hashes the plaintext as it flows into the database. */
final class CheckedStream extends FilterInputStream {
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
            for (int i = off; i < off + n; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
        return n;
    }

    long lines() {
        return lines;
    }

    String sha256() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
