package io.flextime.backup.crypto;

import io.flextime.backup.config.BackupConfig;
import io.flextime.core.secrets.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Master keys by id from configuration ({@code flextime.backup.key-ring}: {@code id=base64,...}, plus
 * any {@code flextime.backup.keys.<id>}), sealed with the core {@link KeyRing}. Each backup gets a random
 * data key sealed under the active master key; the manifest records the key id, so rotating is: add a
 * key, make it active ({@code flextime.backup.active-key-id}), keep the old ids configured while backups
 * sealed under them are kept. The key id is in the associated data, so an envelope cannot be passed off
 * as one of another key.
 */
@ApplicationScoped
public class ConfiguredKeyProvider implements KeyProvider {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyRing ring;

    @jakarta.inject.Inject
    public ConfiguredKeyProvider(BackupConfig config) {
        this(config.activeKeyId(), keys(config));
    }

    public ConfiguredKeyProvider(String activeKeyId, Map<String, String> base64Keys) {
        try {
            this.ring = new KeyRing(activeKeyId, base64Keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("backup keys: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> keys(BackupConfig config) {
        Map<String, String> keys = new LinkedHashMap<>(config.keys());
        keys.putAll(KeyRing.parse(config.keyRing().orElse("")));
        return keys;
    }

    @Override
    public DataKey newDataKey() {
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        String keyId = ring.activeKeyId();
        return new DataKey(keyId, dataKey, ring.seal(dataKey, aad(keyId)));
    }

    @Override
    public byte[] unwrap(String keyId, byte[] envelope, String backupId) {
        try {
            return ring.open(keyId, envelope, aad(keyId));
        } catch (KeyRing.UnknownKeyException e) {
            throw new BackupIntegrityException(BackupIntegrityException.UNKNOWN_KEY, "backup " + backupId
                    + " is encrypted under key id '" + keyId + "', which is not configured (configured: " + ring.keyIds() + ")");
        } catch (KeyRing.WrongKeyException e) {
            throw new BackupIntegrityException(BackupIntegrityException.WRONG_KEY, "backup " + backupId
                    + ": the configured key '" + keyId + "' does not open the backup's data key (wrong key, or the key envelope in the manifest was altered)");
        }
    }

    /** What the envelope of a backup data key is bound to (unchanged since the first backups: they stay readable). */
    private static String aad(String keyId) {
        return "flextime-backup-key:" + keyId;
    }
}
