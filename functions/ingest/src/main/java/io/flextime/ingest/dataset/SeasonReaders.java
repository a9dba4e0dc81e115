package io.flextime.ingest.dataset;

import io.flextime.core.format.RobinXReader;
import io.flextime.core.format.TtpMatrixReader;
import io.flextime.events.data.IngestRequested;
import io.flextime.ingest.config.IngestConfig;
import io.flextime.ingest.config.IngestLimits;
import io.flextime.ingest.format.CsvSetReader;
import io.flextime.ingest.format.GuardedZip;
import io.flextime.ingest.format.Locator;
import io.flextime.ingest.format.ParsedDataset;
import io.flextime.ingest.format.SeasonJsonReader;
import io.flextime.ingest.format.XlsxReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/** Picks the reader of a format: every format ends as the same canonical season. */
@ApplicationScoped
public class SeasonReaders {
    private final SeasonJsonReader json;
    private final CsvSetReader csv;
    private final XlsxReader xlsx;
    private final RobinXReader robinX;
    private final TtpMatrixReader ttp;
    private final IngestConfig config;
    private final IngestLimits limits;

    public SeasonReaders(SeasonJsonReader json, CsvSetReader csv, XlsxReader xlsx, RobinXReader robinX, TtpMatrixReader ttp,
            IngestConfig config, IngestLimits limits) {
        this.json = json;
        this.csv = csv;
        this.xlsx = xlsx;
        this.robinX = robinX;
        this.ttp = ttp;
        this.config = config;
        this.limits = limits;
    }

    /**
     * Parses an upload. A zip stays open until the historical games have been streamed, so the caller
     * gets an {@link AutoCloseable} with the dataset.
     */
    public Opened open(FetchedUpload upload) throws IOException {
        String name = upload.main().fileName();
        limits.checkBytes(upload.format(), upload.bytes(), name);
        return switch (upload.format()) {
            case IngestRequested.FORMAT_JSON -> new Opened(new ParsedDataset(upload.format(), json.read(upload.main()), null,
                    Locator.json(name)), () -> {
                    });
            case IngestRequested.FORMAT_CSV_MANIFEST -> new Opened(csv.read(upload.parts(), name, upload.format()), () -> {
            });
            case IngestRequested.FORMAT_CSV_ZIP -> {
                GuardedZip zip = new GuardedZip(upload.main().file(), name, config.maxZipEntries(), config.maxUnpackedBytes(),
                        config.maxZipRatio());
                try {
                    yield new Opened(csv.read(zip, name, upload.format()), zip);
                } catch (IOException | RuntimeException e) {
                    zip.close();
                    throw e;
                }
            }
            case IngestRequested.FORMAT_XLSX -> new Opened(xlsx.read(upload.main()), () -> {
            });
            case IngestRequested.FORMAT_ROBINX_XML -> new Opened(new ParsedDataset(upload.format(),
                    readFile(upload, robinX::read), null, Locator.entity(name)), () -> {
                    });
            case IngestRequested.FORMAT_TTP_MATRIX -> new Opened(new ParsedDataset(upload.format(),
                    readFile(upload, ttp::read), null, Locator.entity(name)), () -> {
                    });
            default -> throw new IllegalStateException("no reader for " + upload.format());
        };
    }

    /** The readers shared through core take a stream and a file name for their problem locations. */
    interface StreamReader {
        io.flextime.core.model.Season read(InputStream in, String file) throws IOException;
    }

    private static io.flextime.core.model.Season readFile(FetchedUpload upload, StreamReader reader) throws IOException {
        try (InputStream in = Files.newInputStream(upload.main().file())) {
            return reader.read(in, upload.main().fileName());
        }
    }

    /** A parsed dataset and what must stay open while its historical games are read. */
    public record Opened(ParsedDataset dataset, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                resource.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
