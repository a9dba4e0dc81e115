package io.flextime.backup.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flextime.backup.crypto.BackupIntegrityException;
import io.flextime.backup.crypto.KeyProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes and reads manifests. The MAC is computed over a canonical form (this codec's own mapper:
 * properties sorted, nulls written, ISO instants, no indentation, {@code mac} null), so any change
 * to any field, or any added field, fails verification. The MAC key is derived from the backup's
 * data key, which only the master key opens: without it a manifest cannot be re-signed.
 */
public final class ManifestCodec {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private ManifestCodec() {
    }

    /** The stored bytes of a manifest, signed with the backup's data key. */
    public static byte[] sign(Manifest m, byte[] dataKey) {
        return write(m.withMac(HexFormat.of().formatHex(mac(m, dataKey))));
    }

    /**
     * Parses and authenticates a stored manifest.
     *
     * @param where how messages name it (backup id and S3 key)
     */
    public static Manifest open(byte[] stored, KeyProvider keys, String where) {
        Manifest m;
        try {
            m = CANONICAL.readValue(stored, Manifest.class);
        } catch (IOException e) {
            throw new BackupIntegrityException(BackupIntegrityException.TAMPERED_MANIFEST,
                    "manifest " + where + " is not a valid manifest: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (!Manifest.FORMAT.equals(m.format()) || m.keyId() == null || m.dataKeyEnvelope() == null || m.mac() == null) {
            throw new BackupIntegrityException(BackupIntegrityException.TAMPERED_MANIFEST,
                    "manifest " + where + " lacks its format, key id, key envelope or MAC");
        }
        byte[] dataKey = keys.unwrap(m.keyId(), Base64.getDecoder().decode(m.dataKeyEnvelope()), m.backupId());
        byte[] expected = mac(m, dataKey);
        byte[] actual;
        try {
            actual = HexFormat.of().parseHex(m.mac());
        } catch (IllegalArgumentException e) {
            actual = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new BackupIntegrityException(BackupIntegrityException.TAMPERED_MANIFEST, "manifest " + where
                    + " was modified after it was written (MAC mismatch): its tables, counts or checksums cannot be trusted");
        }
        return m;
    }

    /** The data key of an authenticated manifest. */
    public static byte[] dataKey(Manifest m, KeyProvider keys) {
        return keys.unwrap(m.keyId(), Base64.getDecoder().decode(m.dataKeyEnvelope()), m.backupId());
    }

    private static byte[] mac(Manifest m, byte[] dataKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey(dataKey), "HmacSHA256"));
            return mac.doFinal(write(m.withMac(null)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] macKey(byte[] dataKey) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(dataKey, "HmacSHA256"));
        return mac.doFinal("flextime-backup manifest".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] write(Manifest m) {
        try {
            return CANONICAL.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
