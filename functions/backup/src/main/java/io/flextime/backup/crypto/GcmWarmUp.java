package io.flextime.backup.crypto;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Gets the JDK's AES-GCM compiled by the JIT's top tier at startup, on a background thread. Why: the
 * JDK uses the CPU's carry-less multiply for GHASH only from top-tier compiled callers, which takes
 * thousands of calls; with 1 MiB chunks a whole backup or restore is a few hundred calls, so GHASH ran
 * as plain Java (seen with -XX:+PrintCompilation: {@code GHASH::update} stayed at tier 3; in a restore
 * profile GHASH was most of the reader thread's time). The large calls must be large enough for the
 * path a 1 MiB chunk takes (JDK 17 splits big inputs and hashes them in a separate loop): measured
 * here, 64 MiB sealed in 1 MiB chunks took 0.6 s cold, still 0.5 s after a warm-up whose large calls
 * were 16 KiB, and 0.015 s after one whose large calls are 128 KiB (0.4 s on this background thread);
 * a backup profile before that fix had GHASH in plain Java as 58 % of the export thread's samples.
 */
@ApplicationScoped
public class GcmWarmUp {
    private static final Logger LOG = Logger.getLogger(GcmWarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final int CALLS = 16_000;
    private static final int SMALL = 512;
    /** Every 16th call: large enough for the JDK's split bulk path (a 1 MiB chunk's), so it is compiled too. */
    private static final int LARGE = 128 << 10;

    void onStart(@Observes StartupEvent start) {
        startOnce();
    }

    /**
     * Starts the warm-up the first time it is called; later calls return at once. Not on a JVM whose JIT
     * stops at C1 ({@code -XX:TieredStopAtLevel=1}: the Lambda's JAVA_TOOL_OPTIONS, the local benches) nor
     * without a HotSpot JIT (a native image): there it cannot reach the top tier and only took CPU from
     * the start (1.3 of the backup function's 4.6 CPU-s to ready, measured per thread).
     */
    public static void startOnce() {
        if (!topTierCompiles()) {
            LOG.debug("GCM warm-up skipped: no C2 in this JVM (TieredStopAtLevel < 4, or no HotSpot JIT)");
            return;
        }
        if (STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(GcmWarmUp::run, "gcm-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    static boolean topTierCompiles() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean vm = java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return vm != null && Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) >= 4;
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    private static void run() {
        long start = System.nanoTime();
        try {
            SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
            byte[] nonce = new byte[12];
            byte[] aad = new byte[64];
            byte[] plain = new byte[LARGE];
            byte[] sealed = new byte[LARGE + ChunkFormat.TAG_BYTES];
            Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding");
            Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding");
            for (int i = 0; i < CALLS; i++) {
                nonce[0] = (byte) i; // GCM refuses to encrypt twice under one key and nonce
                nonce[1] = (byte) (i >>> 8);
                int bytes = i % 16 == 0 ? LARGE : SMALL;
                encrypt.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                encrypt.updateAAD(aad); // as the chunk format does
                int n = encrypt.doFinal(plain, 0, bytes, sealed, 0);
                decrypt.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                decrypt.updateAAD(aad);
                decrypt.doFinal(sealed, 0, n, plain, 0);
            }
            LOG.debugf("AES-GCM warmed up in %.2f s", (System.nanoTime() - start) / 1e9);
        } catch (GeneralSecurityException e) {
            LOG.warnf("AES-GCM warm-up failed (backups only run slower): %s", e.getMessage());
        }
    }
}
