package io.flextime.core.secrets;

import io.flextime.core.config.FlexTimeConfig;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Secrets the functions must read back (webhook signing secrets) are stored sealed:
 * {@code ftsec1:<key id>:<base64 envelope>}, AES-256-GCM under the active key of the secrets key ring,
 * bound to what the secret belongs to (the caller's context, e.g. the endpoint id). The ring comes from
 * {@code FLEXTIME_SECRETS_KEYS} ({@code id=base64,...}, with {@code FLEXTIME_SECRETS_KEY_ID} the active
 * one; in AWS from Secrets Manager, KMS-encrypted) or, locally, from the key file under
 * {@code .flextime/keys/} (created on first use, never outside local and test runs). Built when first
 * needed: only the functions that keep secrets (export) need a key ring, and they fail at start-up
 * without one.
 */
@ApplicationScoped
public class SecretSealer {
    public static final String PREFIX = "ftsec1:";

    private final KeyRing ring;

    @Inject
    public SecretSealer(FlexTimeConfig config) {
        this(ring(config.secrets()));
    }

    public SecretSealer(KeyRing ring) {
        this.ring = ring;
    }

    public String seal(String secret, String context) {
        String keyId = ring.activeKeyId();
        byte[] envelope = ring.seal(secret.getBytes(StandardCharsets.UTF_8), aad(keyId, context));
        return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(envelope);
    }

    /** The secret; a value without the prefix was stored before secrets were sealed and is returned as it is. */
    public String open(String stored, String context) {
        if (!isSealed(stored)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        String keyId = stored.substring(PREFIX.length(), colon);
        byte[] envelope = Base64.getDecoder().decode(stored.substring(colon + 1));
        return new String(ring.open(keyId, envelope, aad(keyId, context)), StandardCharsets.UTF_8);
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX) && stored.indexOf(':', PREFIX.length()) > 0;
    }

    private static String aad(String keyId, String context) {
        return "flextime-secret:" + keyId + ":" + context;
    }

    static KeyRing ring(FlexTimeConfig.Secrets config) {
        Map<String, String> keys = KeyRing.parse(config.keys().orElse(""));
        if (!keys.isEmpty()) {
            return new KeyRing(config.activeKeyId().orElse(keys.keySet().iterator().next()), keys);
        }
        Path file = Path.of(config.keyFile().orElseThrow(() -> new IllegalStateException(
                "no secrets key: set FLEXTIME_SECRETS_KEYS (id=base64,...) and FLEXTIME_SECRETS_KEY_ID")));
        if (!Files.exists(file)) {
            if (!localRun()) {
                throw new IllegalStateException("no secrets key: " + file + " does not exist; set FLEXTIME_SECRETS_KEYS");
            }
            create(file);
        }
        return read(file);
    }

    /** A key file is created only for the local stack (local mode), dev and tests, never by a deployed function. */
    private static boolean localRun() {
        return LaunchMode.current() != LaunchMode.NORMAL
                || ConfigProvider.getConfig().getOptionalValue("flextime.local-mode", Boolean.class).orElse(false);
    }

    /** {@code active=<id>} and one {@code <id>=<base64>} line per key (Java properties). */
    static KeyRing read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secrets key file " + file, e);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> !k.equals("active")).sorted().forEach(k -> keys.put(k, p.getProperty(k)));
        return new KeyRing(p.getProperty("active"), keys);
    }

    static void create(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String id = "local-" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "");
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "keys", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, "# FlexTime local secrets key ring: never commit, never use outside the local stack\n"
                    + "active=" + id + "\n" + id + "=" + KeyRing.newKey() + "\n");
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the secrets key file " + file, e);
        }
    }
}
