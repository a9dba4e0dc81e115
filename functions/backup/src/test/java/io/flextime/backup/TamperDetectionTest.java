package io.flextime.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.backup.crypto.ConfiguredKeyProvider;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.snapshot.BackupOutcome;
import io.flextime.backup.snapshot.BackupService;
import io.flextime.backup.store.Manifests;
import io.flextime.backup.verify.BackupVerifier;
import io.flextime.backup.verify.VerifyResult;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sound backup verifies; a modified chunk, a wrong key, a tampered manifest, a missing object each fail precisely. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class TamperDetectionTest {
    @Inject
    ObjectStore store;
    @Inject
    BackupService backups;
    @Inject
    BackupVerifier verifier;
    @Inject
    Manifests manifests;

    String backupId;
    Manifest manifest;
    String teamKey;

    @BeforeEach
    void backUp() throws Exception {
        BackupFixtures.reset(store);
        try (Connection c = TestDatabase.owner()) {
            BackupFixtures.seedVersion(c, "big12", "mbb-2025", 40);
        }
        BackupOutcome b = backups.backup("FULL", null, Instant.now(), BackupFixtures.actor("tamper"));
        backupId = b.backupId();
        manifest = manifests.read(backupId);
        teamKey = manifest.tables().stream().filter(t -> t.name().equals("team")).findFirst().orElseThrow().objectKey();
    }

    @Test
    void aSoundBackupVerifiesAndIsAnnounced() {
        VerifyResult r = verifier.verify(backupId, BackupFixtures.actor("tamper"));
        assertTrue(r.ok(), () -> "mismatches: " + r.mismatches());
        assertEquals(manifest.tables().size(), r.tablesChecked());
        assertFalse(KafkaProbe.read("backup.verified.v1", rec -> rec.value().contains(backupId) && rec.value().contains("\"ok\":true"),
                l -> !l.isEmpty(), Duration.ofSeconds(20)).isEmpty());
    }

    @Test
    void aModifiedChunkIsNamed() {
        byte[] bytes = store.getBytes(BackupFixtures.BUCKET, teamKey);
        bytes[bytes.length - 20] ^= 0x01;
        store.put(BackupFixtures.BUCKET, teamKey, bytes, "application/octet-stream");
        VerifyResult r = verifier.verify(backupId, BackupFixtures.actor("tamper"));
        assertFalse(r.ok());
        assertTrue(r.mismatches().get(0).startsWith("backup-chunk-tampered:"), r.mismatches().toString());
        assertTrue(r.mismatches().get(0).contains("chunk 0") && r.mismatches().get(0).contains(teamKey), r.mismatches().toString());
    }

    @Test
    void aTruncatedObjectIsNamed() {
        byte[] bytes = store.getBytes(BackupFixtures.BUCKET, teamKey);
        store.put(BackupFixtures.BUCKET, teamKey, java.util.Arrays.copyOf(bytes, bytes.length - 3), "application/octet-stream");
        VerifyResult r = verifier.verify(backupId, BackupFixtures.actor("tamper"));
        assertTrue(r.mismatches().get(0).startsWith("backup-object-truncated:"), r.mismatches().toString());
    }

    @Test
    void aRotatedKeyRingStillOpensOldBackupsAndSealsNewOnesUnderTheNewKey() {
        String local1 = "ZmxleHRpbWUtbG9jYWwtZGV2LWtleS0zMi1ieXRlcyE=";
        String bk2 = Base64.getEncoder().encodeToString("the-second-32-byte-backup-key!!!".getBytes(StandardCharsets.UTF_8));
        ConfiguredKeyProvider rotated = new ConfiguredKeyProvider("bk-2", Map.of("local-1", local1, "bk-2", bk2));
        assertEquals("local-1", manifest.keyId());
        VerifyResult old = verifier.verify(backupId, rotated, BackupFixtures.actor("tamper"));
        assertTrue(old.ok(), () -> "the backup under the retired key: " + old.mismatches());
        var fresh = rotated.newDataKey();
        assertEquals("bk-2", fresh.keyId());
        assertTrue(java.util.Arrays.equals(fresh.plaintext(), rotated.unwrap("bk-2", fresh.envelope(), "new")));
        // Once the old key is dropped from the ring its backups name the missing id.
        VerifyResult dropped = verifier.verify(backupId, new ConfiguredKeyProvider("bk-2", Map.of("bk-2", bk2)), BackupFixtures.actor("tamper"));
        assertTrue(dropped.mismatches().get(0).startsWith("backup-unknown-key:") && dropped.mismatches().get(0).contains("local-1"),
                dropped.mismatches().toString());
    }

    @Test
    void aWrongKeyIsNamed() {
        String otherKey = Base64.getEncoder().encodeToString("another-32-byte-key-for-testing!".getBytes(StandardCharsets.UTF_8));
        VerifyResult r = verifier.verify(backupId, new ConfiguredKeyProvider("local-1", Map.of("local-1", otherKey)), BackupFixtures.actor("tamper"));
        assertFalse(r.ok());
        assertTrue(r.mismatches().get(0).startsWith("backup-wrong-key:"), r.mismatches().toString());
        VerifyResult unknown = verifier.verify(backupId, new ConfiguredKeyProvider("k2", Map.of("k2", otherKey)), BackupFixtures.actor("tamper"));
        assertTrue(unknown.mismatches().get(0).startsWith("backup-unknown-key:") && unknown.mismatches().get(0).contains("local-1"),
                unknown.mismatches().toString());
    }

    @Test
    void aTamperedManifestIsNamed() {
        String key = "test-backups/" + backupId.substring(3, 7) + "/" + backupId.substring(7, 9) + "/" + backupId.substring(9, 11)
                + "/" + backupId + "/manifest.json";
        String json = new String(store.getBytes(BackupFixtures.BUCKET, key), StandardCharsets.UTF_8);
        String tampered = json.replace("\"rows\":40,", "\"rows\":39,");
        assertFalse(json.equals(tampered), "the test changed a row count");
        store.put(BackupFixtures.BUCKET, key, tampered.getBytes(StandardCharsets.UTF_8), "application/json");
        VerifyResult r = verifier.verify(backupId, BackupFixtures.actor("tamper"));
        assertFalse(r.ok());
        assertTrue(r.mismatches().get(0).startsWith("backup-manifest-tampered:") && r.mismatches().get(0).contains("MAC"),
                r.mismatches().toString());
    }

    @Test
    void aMissingObjectIsNamed() {
        store.delete(BackupFixtures.BUCKET, teamKey);
        VerifyResult r = verifier.verify(backupId, BackupFixtures.actor("tamper"));
        assertFalse(r.ok());
        assertTrue(r.mismatches().get(0).startsWith("backup-object-missing:") && r.mismatches().get(0).contains(teamKey),
                r.mismatches().toString());
    }
}
