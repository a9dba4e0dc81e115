package io.flextime.export.render;

import java.util.List;

/** One export format: the whole season's files, and the files of one team where the format has them. */
public interface ScheduleFormat {

    List<RenderedFile> render(PublishedSchedule schedule);

    /** One team's files; empty when the format has no per-team form. */
    default List<RenderedFile> renderTeam(PublishedSchedule schedule, String team) {
        return List.of();
    }
}
