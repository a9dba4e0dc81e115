package io.flextime.export.trigger;

import io.flextime.core.store.Tenants;
import io.flextime.export.publish.ExportCatalog;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** HTTP: a version's (or a season's) exports with pre-signed download URLs; one team's files on demand. */
@ApplicationScoped
public class ExportApi {
    private final ExportCatalog catalog;

    public ExportApi(ExportCatalog catalog) {
        this.catalog = catalog;
    }

    @RegisterForReflection
    public record ExportsQuery(String tenant, String season, String scheduleVersionId) {
    }

    @RegisterForReflection
    public record TeamFilesRequest(String tenant, String scheduleVersionId, String team) {
    }

    @Funq
    public List<ExportCatalog.VersionExports> exports(ExportsQuery q) {
        return catalog.list(Tenants.require(q.tenant()), q.season(), q.scheduleVersionId());
    }

    @Funq
    public List<ExportCatalog.Download> teamFiles(TeamFilesRequest r) {
        return catalog.renderTeam(Tenants.require(r.tenant()), r.scheduleVersionId(), r.team());
    }
}
