package io.flextime.backup.crypto;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads one object in the {@link ChunkFormat}, authenticating each chunk before handing out a byte
 * of it. Every failure is a {@link BackupIntegrityException} naming the object, chunk and offset.
 */
public final class DecryptingInputStream extends InputStream {
    private final DataInputStream in;
    private final String where;
    private final SecretKeySpec key;
    private final Cipher cipher;
    private byte[] header;
    private byte[] prefix;
    private int chunkSize;
    private byte[] plain = new byte[0];
    private byte[] sealed = new byte[0];
    private int pos;
    private int plainLength;
    private int index;
    private long offset;
    private int pendingLength = -2; // -2: not read yet, -1: end of object
    private boolean finished;

    /**
     * @param where how messages name the object, e.g. "backup bk-1 table team (s3://bucket/key)"
     */
    public DecryptingInputStream(InputStream in, byte[] dataKey, String expectedName, String where) throws IOException {
        this.in = new DataInputStream(in);
        this.where = where;
        this.key = ChunkFormat.objectKey(dataKey, expectedName);
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        readHeader(expectedName);
        this.sealed = new byte[chunkSize + ChunkFormat.TAG_BYTES];
        this.plain = new byte[chunkSize];
    }

    private void readHeader(String expectedName) throws IOException {
        byte[] fixed = new byte[4 + 1 + 4 + ChunkFormat.PREFIX_BYTES + 2];
        try {
            in.readFully(fixed);
        } catch (EOFException e) {
            throw fail(BackupIntegrityException.NOT_A_BACKUP, "is too short to be a backup object");
        }
        if (!Arrays.equals(Arrays.copyOf(fixed, 4), ChunkFormat.MAGIC) || fixed[4] != ChunkFormat.VERSION) {
            throw fail(BackupIntegrityException.NOT_A_BACKUP, "is not a FlexTime backup object (format FTB1 expected)");
        }
        chunkSize = ((fixed[5] & 0xff) << 24) | ((fixed[6] & 0xff) << 16) | ((fixed[7] & 0xff) << 8) | (fixed[8] & 0xff);
        prefix = Arrays.copyOfRange(fixed, 9, 9 + ChunkFormat.PREFIX_BYTES);
        int nameLength = ((fixed[16] & 0xff) << 8) | (fixed[17] & 0xff);
        byte[] name = new byte[nameLength];
        try {
            in.readFully(name);
        } catch (EOFException e) {
            throw fail(BackupIntegrityException.TRUNCATED, "ends inside its header");
        }
        String actual = new String(name, StandardCharsets.UTF_8);
        if (!actual.equals(expectedName)) {
            throw fail(BackupIntegrityException.TAMPERED_CHUNK, "holds object '" + actual + "' where '" + expectedName
                    + "' belongs (objects were swapped or moved)");
        }
        if (chunkSize <= 0 || chunkSize > 64 << 20) {
            throw fail(BackupIntegrityException.TAMPERED_CHUNK, "has an invalid chunk size " + chunkSize + " in its header");
        }
        header = new byte[fixed.length + name.length];
        System.arraycopy(fixed, 0, header, 0, fixed.length);
        System.arraycopy(name, 0, header, fixed.length, name.length);
        offset = header.length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (pos == plainLength) {
            if (finished) {
                return -1;
            }
            nextChunk();
        }
        int n = Math.min(len, plainLength - pos);
        System.arraycopy(plain, pos, b, off, n);
        pos += n;
        return n;
    }

    private int readLength() throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return -1;
        }
        try {
            return (b0 << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
        } catch (EOFException e) {
            throw fail(BackupIntegrityException.TRUNCATED, "ends inside the length of chunk " + index + " (offset " + offset + ")");
        }
    }

    private void nextChunk() throws IOException {
        int length = pendingLength == -2 ? readLength() : pendingLength;
        if (length == -1) {
            throw fail(BackupIntegrityException.TRUNCATED, "ends after chunk " + (index - 1) + " without its final chunk (offset "
                    + offset + "): the object was truncated");
        }
        if (length < ChunkFormat.TAG_BYTES || length > chunkSize + ChunkFormat.TAG_BYTES) {
            throw fail(BackupIntegrityException.TAMPERED_CHUNK, "has an impossible length " + length + " for chunk " + index
                    + " (offset " + offset + "): the framing was modified");
        }
        try {
            in.readFully(sealed, 0, length);
        } catch (EOFException e) {
            throw fail(BackupIntegrityException.TRUNCATED, "ends inside chunk " + index + " (offset " + offset + ")");
        }
        pendingLength = readLength();
        boolean last = pendingLength == -1;
        int opened = open(length, last);
        if (opened < 0) {
            if (open(length, !last) >= 0) {
                throw fail(BackupIntegrityException.TRUNCATED, last
                        ? "ends after chunk " + index + ", which is not its final chunk (offset " + offset + "): the object was truncated"
                        : "has data after its final chunk " + index + " (offset " + offset + ")");
            }
            throw fail(BackupIntegrityException.TAMPERED_CHUNK, "chunk " + index + " (offset " + offset + ", " + length
                    + " bytes) failed authentication: the object was modified");
        }
        plainLength = opened;
        pos = 0;
        offset += 4 + length;
        index++;
        finished = last;
    }

    /** Opens {@code sealed[0, length)} into {@code plain}; the plaintext length, or -1 when it fails authentication. */
    private int open(int length, boolean last) throws IOException {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ChunkFormat.nonce(prefix, index, last)));
            cipher.updateAAD(header);
            return cipher.doFinal(sealed, 0, length, plain, 0);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt chunk " + index + " of " + where, e);
        }
    }

    private BackupIntegrityException fail(String code, String what) {
        return new BackupIntegrityException(code, where + " " + what);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
