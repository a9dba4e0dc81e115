package io.flextime.backup.crypto;

/**
 * Where backup data keys come from. Locally: {@link ConfiguredKeyProvider} (master keys in
 * configuration). In AWS: a KMS implementation maps {@link #newDataKey()} to {@code GenerateDataKey}
 * and {@link #unwrap} to {@code Decrypt} with the key id as the KMS key ARN (see the README: the
 * {@code software.amazon.awssdk:kms} client is not served at our SDK version here, so it is not built).
 */
public interface KeyProvider {

    /** A fresh 256-bit data key under the active master key. */
    DataKey newDataKey();

    /**
     * Decrypts a data key envelope.
     *
     * @throws BackupIntegrityException {@code backup-unknown-key} if the key id is not available,
     *         {@code backup-wrong-key} if the master key does not open the envelope
     */
    byte[] unwrap(String keyId, byte[] envelope, String backupId);
}
