package io.flextime.ingest.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.Season;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.core.testing.LocalStack;
import io.flextime.ingest.IngestFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Big 12 sample as JSON, CSV set (manifest and zip) and xlsx ingests to identical canonical data. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class SampleFormatsAgreeTest {
    @Inject
    DatasetIngestor ingestor;
    @Inject
    ObjectStore store;
    @Inject
    TenantDb db;
    @Inject
    SeasonRepository seasons;
    @Inject
    ObjectMapper mapper;

    Season ingest(String tenant, String key, byte[] bytes, Map<String, byte[]> siblings) {
        siblings.forEach((name, b) -> store.put(IngestFixtures.UPLOADS, key.substring(0, key.lastIndexOf('/') + 1) + name, b,
                "text/csv"));
        store.put(IngestFixtures.UPLOADS, key, bytes, "application/octet-stream");
        IngestOutcome o = ingestor.ingest(new IngestCommand(tenant, IngestFixtures.UPLOADS, key, null, null, "test", null, null));
        assertEquals(IngestOutcome.INGESTED, o.status(), () -> String.valueOf(o.problem()));
        return db.inTenantBlocking(tenant, c -> seasons.loadSeason(c, UUID.fromString(o.versionId()))).orElseThrow();
    }

    @Test
    void jsonCsvAndXlsxIngestToTheSameSeason() throws Exception {
        Season file = mapper.readValue(IngestFixtures.sampleJson(), Season.class);
        String t1 = IngestFixtures.tenant("json");
        Season json = ingest(t1, "uploads/" + t1 + "/season.json", IngestFixtures.sampleJson(), Map.of());
        Map<String, byte[]> csv = IngestFixtures.sampleCsvFiles();
        byte[] manifest = csv.remove("manifest.json");
        String t2 = IngestFixtures.tenant("csv");
        Season viaManifest = ingest(t2, "uploads/" + t2 + "/set/manifest.json", manifest, csv);
        csv.put("manifest.json", manifest);
        String t3 = IngestFixtures.tenant("zip");
        Season viaZip = ingest(t3, "uploads/" + t3 + "/season.zip", IngestFixtures.zip(csv), Map.of());
        byte[] xlsx = Files.readAllBytes(IngestFixtures.SAMPLE.resolve("season.xlsx"));
        String t4 = IngestFixtures.tenant("xlsx");
        Season viaXlsx = ingest(t4, "uploads/" + t4 + "/season.xlsx", xlsx, Map.of());

        assertEquals(file, json);
        assertEquals(json, viaManifest, "CSV set with manifest");
        assertEquals(json, viaZip, "CSV set as zip");
        assertEquals(json, viaXlsx, "xlsx workbook");
    }
}
