package io.flextime.export.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.DownloadUrls;
import io.flextime.core.store.ScheduleRepository;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.events.data.ExportCompleted.ExportFile;
import io.flextime.export.ExportConfig;
import io.flextime.export.render.ExportRenderer;
import io.flextime.export.render.PublishedSchedule;
import io.flextime.export.store.ExportSets;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Published exports for the HTTP API: a version's files with pre-signed download URLs, and one team's files on demand. */
@ApplicationScoped
public class ExportCatalog {
    private static final TypeReference<List<ExportFile>> FILES = new TypeReference<>() {
    };

    private final TenantDb db;
    private final ExportSets exportSets;
    private final ScheduleRepository schedules;
    private final SeasonRepository seasons;
    private final ExportRenderer renderer;
    private final ExportFiles files;
    private final DownloadUrls urls;
    private final ExportConfig config;
    private final ObjectMapper mapper;

    public ExportCatalog(TenantDb db, ExportSets exportSets, ScheduleRepository schedules, SeasonRepository seasons,
            ExportRenderer renderer, ExportFiles files, DownloadUrls urls, ExportConfig config, ObjectMapper mapper) {
        this.db = db;
        this.exportSets = exportSets;
        this.schedules = schedules;
        this.seasons = seasons;
        this.renderer = renderer;
        this.files = files;
        this.urls = urls;
        this.config = config;
        this.mapper = mapper;
    }

    @RegisterForReflection
    public record Download(String file, String format, long bytes, String sha256, String url) {
    }

    @RegisterForReflection
    public record VersionExports(String scheduleVersionId, String season, String previousScheduleVersionId,
            Instant publishedAt, String manifestKey, String manifestUrl, List<Download> files) {
    }

    /** One version's exports, or every published version of a season (newest first) when no version is given. */
    public List<VersionExports> list(String tenant, String season, String scheduleVersionId) {
        if (scheduleVersionId != null && !scheduleVersionId.isBlank()) {
            UUID id = uuid(scheduleVersionId);
            ExportSets.ExportSet set = db.inTenantBlocking(tenant, conn -> exportSets.find(conn, id))
                    .orElseThrow(() -> new ProblemException(Problem.notFound("No published exports for schedule version " + id)));
            return List.of(view(set));
        }
        if (season == null || season.isBlank()) {
            throw new ProblemException(Problem.badRequest("missing-parameter", "Give a season or a scheduleVersionId"));
        }
        return db.inTenantBlocking(tenant, conn -> exportSets.ofSeason(conn, season)).stream().map(this::view).toList();
    }

    /** Renders one team's files of a published version (same bytes every time) and returns their download URLs. */
    public List<Download> renderTeam(String tenant, String scheduleVersionId, String team) {
        UUID id = uuid(scheduleVersionId);
        PublishedSchedule published = db.inTenantBlocking(tenant, conn -> exportSets.find(conn, id).chain(set -> {
            ExportSets.ExportSet s = set.orElseThrow(() -> new ProblemException(
                    Problem.notFound("Schedule version " + id + " is not published")));
            return schedules.find(conn, id).chain(schedule -> seasons.find(conn, schedule.orElseThrow().datasetVersionId())
                    .chain(dataset -> seasons.loadSeason(conn, dataset.orElseThrow().id())
                            .chain(season -> exportSets.games(conn, id).map(games -> new PublishedSchedule(tenant,
                                    season.orElseThrow(), schedule.get(), dataset.get().sourceFormat(), s.publishedAt(), games)))));
        }));
        if (published.season().team(team).isEmpty()) {
            throw new ProblemException(Problem.notFound("No team '" + team + "' in season " + published.season().season()));
        }
        String folder = ExportFiles.folder(tenant, published.schedule().season(), id);
        return downloads(files.upload(folder, renderer.renderTeam(published, team)));
    }

    private VersionExports view(ExportSets.ExportSet set) {
        List<ExportFile> list;
        try {
            list = mapper.readValue(set.files(), FILES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new VersionExports(set.scheduleVersionId().toString(), set.season(),
                set.previousVersionId() == null ? null : set.previousVersionId().toString(), set.publishedAt(),
                set.manifestKey(), url(set.manifestKey()), list.stream().map(this::download).toList());
    }

    /** Written files with pre-signed download URLs. */
    public List<Download> downloads(List<ExportFile> written) {
        return written.stream().map(this::download).toList();
    }

    private Download download(ExportFile f) {
        return new Download(f.file(), f.format(), f.bytes(), f.sha256(), url(f.file()));
    }

    /** Signed once and reused while at least half its validity is left (core DownloadUrls). */
    private String url(String key) {
        return urls.get(files.bucket(), key, config.downloadUrlValidity());
    }

    /** A schedule version id from a request; not a UUID is a 400 problem. */
    public static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new ProblemException(Problem.badRequest("invalid-id", "Not a schedule version id: " + value));
        }
    }
}
