package io.flextime.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The files of a multi-file upload (a zip's entries, or the objects a manifest lists). */
public interface UploadParts {
    /** Base names of the parts, e.g. {@code teams.csv}. */
    List<String> names();

    /** Opens a part by base name; the caller closes it. Reading may throw a ProblemException (limits). */
    InputStream open(String name) throws IOException;
}
