package io.flextime.ingest.format;

import io.flextime.core.format.Problems;
import io.flextime.core.model.HistoricalGame;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Historical games of an upload, read on demand in one pass. Bad rows are added to {@code problems}
 * and skipped; the caller fails the whole ingest if there are any.
 */
@FunctionalInterface
public interface HistoricalGameRows {
    HistoricalGameRows NONE = (problems, each) -> {
    };

    void forEach(Problems problems, Consumer<HistoricalGame> each) throws IOException;
}
