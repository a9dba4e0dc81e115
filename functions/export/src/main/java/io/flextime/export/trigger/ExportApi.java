package io.flextime.export.trigger;

import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.security.TenantScoped;
import io.flextime.export.publish.ExportCatalog;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** HTTP: a version's (or a season's) exports with pre-signed download URLs; one team's files on demand. */
@ApplicationScoped
public class ExportApi {
    private final ExportCatalog catalog;
    private final CurrentCaller caller;

    public ExportApi(ExportCatalog catalog, CurrentCaller caller) {
        this.catalog = catalog;
        this.caller = caller;
    }

    @RegisterForReflection
    public record ExportsQuery(String tenant, String season, String scheduleVersionId) implements TenantScoped {
    }

    @RegisterForReflection
    public record TeamFilesRequest(String tenant, String scheduleVersionId, String team) implements TenantScoped {
    }

    @Funq
    @Guard(Door.EXPORTS)
    public List<ExportCatalog.VersionExports> exports(ExportsQuery q) {
        return catalog.list(caller.tenant(), q.season(), q.scheduleVersionId());
    }

    @Funq
    @Guard(Door.TEAM_FILES)
    public List<ExportCatalog.Download> teamFiles(TeamFilesRequest r) {
        return catalog.renderTeam(caller.tenant(), r.scheduleVersionId(), r.team());
    }
}
