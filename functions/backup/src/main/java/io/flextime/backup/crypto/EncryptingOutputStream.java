package io.flextime.backup.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Writes one object in the {@link ChunkFormat}: buffers a chunk, seals it, writes it. */
public final class EncryptingOutputStream extends OutputStream {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OutputStream out;
    private final SecretKeySpec key;
    private final byte[] header;
    private final byte[] prefix = new byte[ChunkFormat.PREFIX_BYTES];
    private final byte[] buffer;
    private final byte[] sealed;
    private final Cipher cipher;
    private int filled;
    private int index;
    private boolean closed;

    public EncryptingOutputStream(OutputStream out, byte[] dataKey, String name, int chunkSize) throws IOException {
        this.out = out;
        this.key = ChunkFormat.objectKey(dataKey, name);
        RANDOM.nextBytes(prefix);
        this.header = ChunkFormat.header(chunkSize, prefix, name);
        this.buffer = new byte[chunkSize];
        this.sealed = new byte[chunkSize + ChunkFormat.TAG_BYTES];
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        out.write(header);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == buffer.length) {
                seal(false);
            }
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void seal(boolean last) throws IOException {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, ChunkFormat.nonce(prefix, index, last)));
            cipher.updateAAD(header);
            int n = cipher.doFinal(buffer, 0, filled, sealed, 0);
            out.write(new byte[] { (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n });
            out.write(sealed, 0, n);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt chunk " + index, e);
        }
        index++;
        filled = 0;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        seal(true);
        out.close();
    }
}
