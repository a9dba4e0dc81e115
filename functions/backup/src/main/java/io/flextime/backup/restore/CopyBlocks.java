package io.flextime.backup.restore;

import io.flextime.backup.format.TableEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Reads a full backup's table objects one after another on its own thread (download, decryption,
 * decompression, hashing) and hands out blocks of whole COPY lines, each tagged with its table, to
 * one or more COPY connections: a block that ends on a line boundary can go to any connection, so
 * one large table loads on several server backends at once. Each object is checked against the
 * manifest (line count, SHA-256) when it ends; a failed check fails {@link #take()}. Blocks come from
 * a small pool ({@code depth} of them), so at most that much plaintext is held and no 1 MiB array
 * is allocated per block. Hand-written: it is a bounded producer/consumer over the JDK's queues with
 * line-boundary cutting, which no library offers for COPY streams.
 */
final class CopyBlocks implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CopyBlocks.class);

    /** A table object: how to open its plaintext, and the check to run on what was read. */
    interface Source {
        TableEntry table();

        InputStream open() throws IOException;

        /** Called after the object was read to its end, with what was read. */
        void check(CheckedStream read);
    }

    /** {@code bytes[0, length)} are whole lines of {@code table}. */
    record Block(TableEntry table, byte[] bytes, int length) {
    }

    private static final Block END = new Block(null, new byte[0], 0);

    private final int blockSize;
    private final BlockingQueue<Block> ready;
    private final BlockingQueue<byte[]> free;
    private final Thread reader;
    private volatile Throwable failure;
    private volatile boolean closed;
    /** Time the reader waited for a free block (COPY is slower) and the connections waited for a block (reading is slower). */
    private final AtomicLong readerWaited = new AtomicLong();
    private final AtomicLong copyWaited = new AtomicLong();

    CopyBlocks(List<? extends Source> sources, int blockSize, int depth, String name) {
        this.blockSize = blockSize;
        this.ready = new ArrayBlockingQueue<>(depth + 1);
        this.free = new ArrayBlockingQueue<>(depth);
        for (int i = 0; i < depth; i++) {
            free.add(new byte[blockSize]);
        }
        this.reader = new Thread(() -> pump(sources), "restore-read-" + name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void pump(List<? extends Source> sources) {
        try {
            for (Source s : sources) {
                if (closed) {
                    return;
                }
                try (CheckedStream in = new CheckedStream(s.open())) {
                    cut(s.table(), in);
                    s.check(in);
                }
            }
        } catch (Throwable e) {
            failure = e;
            ready.clear(); // nothing after a failure is loaded; consumers see the failure with END
        } finally {
            offer(END);
        }
    }

    /** Emits the object's bytes in blocks that end on a newline; a line longer than a block grows its block. */
    private void cut(TableEntry table, InputStream in) throws IOException, InterruptedException {
        byte[] buf = nextBuffer();
        int filled = 0;
        while (true) {
            filled += in.readNBytes(buf, filled, buf.length - filled);
            if (filled < buf.length) { // the end of the object
                if (filled > 0) {
                    put(new Block(table, buf, filled));
                } else {
                    release(buf);
                }
                return;
            }
            int end = lastNewline(buf, filled) + 1;
            if (end == 0) { // one line longer than the block: keep it whole
                byte[] bigger = Arrays.copyOf(buf, buf.length * 2);
                release(buf);
                buf = bigger;
                continue;
            }
            int carry = filled - end;
            byte[] next = carry <= blockSize ? nextBuffer() : new byte[2 * carry];
            System.arraycopy(buf, end, next, 0, carry);
            put(new Block(table, buf, end));
            filled = carry;
            buf = next;
        }
    }

    private static int lastNewline(byte[] b, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private byte[] nextBuffer() throws InterruptedException {
        long start = System.nanoTime();
        byte[] b = free.poll();
        if (b != null) {
            return b;
        }
        while (b == null && !closed) {
            b = free.poll(100, TimeUnit.MILLISECONDS);
        }
        readerWaited.addAndGet(System.nanoTime() - start);
        if (b == null) {
            throw new InterruptedException("restore closed");
        }
        return b;
    }

    private void put(Block b) throws InterruptedException {
        while (!ready.offer(b, 100, TimeUnit.MILLISECONDS)) {
            if (closed) {
                throw new InterruptedException("restore closed");
            }
        }
    }

    private void offer(Block b) {
        try {
            put(b);
        } catch (InterruptedException e) {
            // closed: nobody waits for the end any more
        }
    }

    /** The next block, or null when every object was read and checked; the producer's failure is thrown here. */
    Block take() throws IOException {
        Block b;
        long start = System.nanoTime();
        try {
            do {
                b = ready.poll(100, TimeUnit.MILLISECONDS);
                if (closed) {
                    throw new InterruptedIOException("restore closed");
                }
            } while (b == null);
            copyWaited.addAndGet(System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("restore interrupted");
        }
        if (b == END) {
            offer(END); // every consumer sees the end
            if (failure != null) {
                ConnectionThreads.rethrow(failure);
            }
            return null;
        }
        return b;
    }

    /** Gives a block's array back once its bytes were sent. */
    void release(Block b) {
        release(b.bytes());
    }

    private void release(byte[] bytes) {
        if (bytes.length == blockSize) {
            free.offer(bytes);
        }
    }

    /** Stops the reader (after a consumer failed, or at the end). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        LOG.debugf("restore: the reader waited %.2f s for COPY, the COPY connections %.2f s for the reader (together)",
                readerWaited.get() / 1e9, copyWaited.get() / 1e9);
        closed = true;
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
