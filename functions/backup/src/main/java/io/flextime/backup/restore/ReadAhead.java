package io.flextime.backup.restore;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stream on its own thread, a few blocks ahead of the consumer, so that download, decryption,
 * decompression and hashing run while the consumer (COPY to the database) sends the previous block:
 * on two cores the restore overlaps its Java work with the server's. At most {@code depth} blocks are
 * held. Hand-written because the JDK's {@code PipedInputStream} polls once per second when its buffer
 * is full and fails with "write end dead" instead of passing on the producer's error.
 */
final class ReadAhead extends InputStream {
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> blocks;
    private final Thread reader;
    private volatile Throwable failure;
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    ReadAhead(InputStream source, int blockSize, int depth, String name) {
        this.blocks = new ArrayBlockingQueue<>(depth);
        this.reader = new Thread(() -> pump(source, blockSize), "restore-read-" + name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void pump(InputStream source, int blockSize) {
        try (source) {
            while (!closed) {
                byte[] block = new byte[blockSize];
                int n = source.readNBytes(block, 0, blockSize);
                if (n > 0) {
                    put(n == blockSize ? block : Arrays.copyOf(block, n));
                }
                if (n < blockSize) {
                    break;
                }
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            try {
                put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void put(byte[] block) throws InterruptedException {
        while (!closed && !blocks.offer(block, 100, TimeUnit.MILLISECONDS)) {
            // the consumer is busy; re-check closed so an abandoned reader ends
        }
    }

    private boolean fill() throws IOException {
        while (pos == current.length) {
            if (ended) {
                return false;
            }
            try {
                current = blocks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("restore interrupted");
            }
            pos = 0;
            if (current == END) {
                ended = true;
                Throwable f = failure;
                if (f instanceof IOException io) {
                    throw io;
                } else if (f instanceof RuntimeException re) {
                    throw re;
                } else if (f instanceof Error err) {
                    throw err;
                } else if (f != null) {
                    throw new UncheckedIOException(new IOException(f));
                }
                return false;
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? current[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        blocks.clear();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
