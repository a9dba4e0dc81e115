package io.flextime.ingest.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.LocalStack;
import io.flextime.events.data.IngestRequested;
import io.flextime.ingest.IngestFixtures;
import io.flextime.ingest.samples.SamplePaths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every ITC2021 instance and every TTP matrix of data/ (the repository's copy) ingests, unchanged, through S3 and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class BenchmarkInstancesIngestTest {
    static final Path DATA = SamplePaths.referenceData(SamplePaths.repoRoot());

    @Inject
    DatasetIngestor ingestor;
    @Inject
    ObjectStore store;

    @Test
    void everyItc2021AndTtpInstanceIngests() throws Exception {
        String tenant = IngestFixtures.tenant("bench");
        List<Path> files;
        try (Stream<Path> itc = Files.list(DATA.resolve("itc2021")); Stream<Path> ttp = Files.list(DATA.resolve("ttp"))) {
            files = Stream.concat(itc.filter(p -> p.toString().endsWith(".xml")), ttp.filter(p -> p.toString().endsWith(".txt")))
                    .sorted().toList();
        }
        assertEquals(39 + 45, files.size(), "39 ITC2021 instances and 45 TTP matrices");
        for (Path f : files) {
            String key = "uploads/" + tenant + "/" + f.getFileName();
            store.put(IngestFixtures.UPLOADS, key, f, "application/octet-stream");
            IngestOutcome o = ingestor.ingest(new IngestCommand(tenant, IngestFixtures.UPLOADS, key, null, null, "test", null, null));
            assertEquals(IngestOutcome.INGESTED, o.status(), f + ": " + o.problem());
            String expectedFormat = f.toString().endsWith(".xml") ? IngestRequested.FORMAT_ROBINX_XML : IngestRequested.FORMAT_TTP_MATRIX;
            assertEquals(expectedFormat, o.format(), f.toString());
            String xml = Files.readString(f);
            long expectedConstraints = f.toString().endsWith(".xml")
                    ? java.util.regex.Pattern.compile("<(CA[1-4]|GA1|BR[12]|FA2|SE1)[ /]").matcher(xml).results().count() : 3;
            assertEquals(expectedConstraints, IngestFixtures.count("SELECT count(*) FROM season_constraint WHERE version_id = '"
                    + o.versionId() + "'"), f.toString());
        }
        assertEquals(files.size(), IngestFixtures.versions(tenant));
    }
}
