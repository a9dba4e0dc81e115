package io.flextime.backup.crypto;

import io.flextime.backup.config.BackupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Master keys from configuration ({@code flextime.backup.keys.<id>}, base64 of 32 bytes). Each backup
 * gets a random data key, sealed with AES-256-GCM under the active master key; the key id is the
 * associated data, so an envelope cannot be passed off as one of another key.
 */
@ApplicationScoped
public class ConfiguredKeyProvider implements KeyProvider {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private final String activeKeyId;
    private final Map<String, byte[]> keys = new HashMap<>();

    @jakarta.inject.Inject
    public ConfiguredKeyProvider(BackupConfig config) {
        this(config.activeKeyId(), config.keys());
    }

    public ConfiguredKeyProvider(String activeKeyId, Map<String, String> base64Keys) {
        this.activeKeyId = activeKeyId;
        base64Keys.forEach((id, b64) -> {
            byte[] key = Base64.getDecoder().decode(b64.trim());
            if (key.length != 32) {
                throw new IllegalArgumentException("flextime.backup.keys." + id + " must be 32 bytes (base64), got " + key.length);
            }
            keys.put(id, key);
        });
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("flextime.backup.active-key-id '" + activeKeyId
                    + "' has no key in flextime.backup.keys (configured: " + keys.keySet() + ")");
        }
    }

    @Override
    public DataKey newDataKey() {
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, activeKeyId);
            byte[] sealed = c.doFinal(dataKey);
            byte[] envelope = Arrays.copyOf(nonce, NONCE + sealed.length);
            System.arraycopy(sealed, 0, envelope, NONCE, sealed.length);
            return new DataKey(activeKeyId, dataKey, envelope);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a backup data key", e);
        }
    }

    @Override
    public byte[] unwrap(String keyId, byte[] envelope, String backupId) {
        byte[] master = keys.get(keyId);
        if (master == null) {
            throw new BackupIntegrityException(BackupIntegrityException.UNKNOWN_KEY, "backup " + backupId
                    + " is encrypted under key id '" + keyId + "', which is not configured (configured: " + keys.keySet() + ")");
        }
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, master, Arrays.copyOf(envelope, NONCE), keyId);
            return c.doFinal(envelope, NONCE, envelope.length - NONCE);
        } catch (AEADBadTagException | ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            throw new BackupIntegrityException(BackupIntegrityException.WRONG_KEY, "backup " + backupId
                    + ": the configured key '" + keyId + "' does not open the backup's data key (wrong key, or the key envelope in the manifest was altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a backup data key", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String keyId) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(("flextime-backup-key:" + keyId).getBytes(StandardCharsets.UTF_8));
        return c;
    }
}
