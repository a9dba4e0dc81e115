package io.flextime.ingest.format;

import io.flextime.core.format.Problems;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip upload read through limits, so a zip bomb fails fast with a problem instead of filling memory
 * or disk: at most {@code maxEntries} entries, at most {@code maxUnpackedBytes} inflated bytes in all,
 * and an inflation ratio of at most {@code maxRatio} once more than 10 MB came out. The sizes an entry
 * declares can lie, so the bytes actually inflated are counted.
 */
public final class GuardedZip implements UploadParts, AutoCloseable {
    public static final String ZIP_BOMB = "ZIP_BOMB";
    private static final long RATIO_FLOOR = 10L * 1024 * 1024;

    private final ZipFile zip;
    private final String file;
    private final long compressedSize;
    private final long maxUnpackedBytes;
    private final int maxRatio;
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();
    private long unpacked;

    public GuardedZip(Path path, String file, int maxEntries, long maxUnpackedBytes, int maxRatio) throws IOException {
        this.file = file;
        this.maxUnpackedBytes = maxUnpackedBytes;
        this.maxRatio = maxRatio;
        this.compressedSize = Math.max(1, java.nio.file.Files.size(path));
        try {
            this.zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw Problems.fatal("MALFORMED_ZIP", file, "not a readable zip archive: " + e.getMessage());
        }
        int count = 0;
        for (ZipEntry e : Collections.list(zip.entries())) {
            if (++count > maxEntries) {
                zip.close();
                throw Problems.fatal(ZIP_BOMB, file, "the archive has more than " + maxEntries + " entries");
            }
            if (e.isDirectory() || e.getName().startsWith("__MACOSX/")) {
                continue;
            }
            String base = e.getName().substring(e.getName().lastIndexOf('/') + 1);
            if (!base.isEmpty() && !base.startsWith(".")) {
                entries.putIfAbsent(base, e);
            }
        }
    }

    /**
     * Inflates every entry once through the limits and throws ZIP_BOMB past them: for a zip another library
     * opens itself (an xlsx workbook), checked before it does.
     */
    public static void verify(Path path, String file, int maxEntries, long maxUnpackedBytes, int maxRatio) throws IOException {
        try (GuardedZip guard = new GuardedZip(path, file, maxEntries, maxUnpackedBytes, maxRatio)) {
            for (ZipEntry e : Collections.list(guard.zip.entries())) {
                if (!e.isDirectory()) {
                    try (InputStream in = guard.counted(guard.zip.getInputStream(e))) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (ZipException bad) {
                        throw Problems.fatal("MALFORMED_ZIP", file, "entry " + e.getName() + " cannot be inflated: " + bad.getMessage());
                    }
                }
            }
        }
    }

    @Override
    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    @Override
    public InputStream open(String name) throws IOException {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw new java.io.FileNotFoundException(name);
        }
        return counted(zip.getInputStream(e));
    }

    private InputStream counted(InputStream inflating) {
        return new FilterInputStream(inflating) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }
        };
    }

    private void count(long n) {
        unpacked += n;
        if (unpacked > maxUnpackedBytes) {
            throw Problems.fatal(ZIP_BOMB, file, "the archive inflates to more than " + maxUnpackedBytes + " bytes");
        }
        if (unpacked > RATIO_FLOOR && unpacked / compressedSize > maxRatio) {
            throw Problems.fatal(ZIP_BOMB, file, "the archive inflates more than " + maxRatio + " times its size");
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
