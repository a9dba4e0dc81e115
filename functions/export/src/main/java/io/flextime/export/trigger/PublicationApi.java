package io.flextime.export.trigger;

import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.security.TenantScoped;
import io.flextime.export.publish.SchedulePublisher;
import io.flextime.export.publish.ScheduleVersions;
import io.flextime.export.webhook.FollowUpSweeps;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/** HTTP: a season's versions (drafts and publications), and publishing a draft. */
@ApplicationScoped
public class PublicationApi {
    private final SchedulePublisher publisher;
    private final ScheduleVersions versions;
    private final CurrentCaller caller;
    private final FollowUpSweeps followUps;

    public PublicationApi(SchedulePublisher publisher, ScheduleVersions versions, CurrentCaller caller, FollowUpSweeps followUps) {
        this.publisher = publisher;
        this.versions = versions;
        this.caller = caller;
        this.followUps = followUps;
    }

    /** {@code supersede}: publish even if a version created after this one is published. */
    @RegisterForReflection
    public record PublishRequest(String tenant, String scheduleVersionId, Boolean supersede) implements TenantScoped {
    }

    @RegisterForReflection
    public record VersionsQuery(String tenant, String season, Integer limit) implements TenantScoped {
    }

    @Funq
    @Guard(Door.PUBLISH_SCHEDULE)
    public SchedulePublisher.Publication publishSchedule(PublishRequest r) {
        SchedulePublisher.Publication p = publisher.publish(caller.get(), r.scheduleVersionId(), Boolean.TRUE.equals(r.supersede()));
        followUps.kick(); // the first webhook attempts now, not at the next scheduled sweep
        return p;
    }

    @Funq
    @Guard(Door.SCHEDULE_VERSIONS)
    public ScheduleVersions.SeasonVersions scheduleVersions(VersionsQuery q) {
        return versions.of(caller.tenant(), q.season(), q.limit());
    }
}
