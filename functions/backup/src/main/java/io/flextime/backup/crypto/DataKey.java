package io.flextime.backup.crypto;

/**
 * The key of one backup: {@code plaintext} encrypts its objects and keys its manifest MAC and stays
 * in memory; {@code envelope} is that key encrypted under the master key {@code keyId} and is
 * stored in the manifest (envelope encryption, as with a KMS data key).
 */
public record DataKey(String keyId, byte[] plaintext, byte[] envelope) {
}
