package io.flextime.export.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.events.data.ExportCompleted.ExportFile;
import io.flextime.export.render.PublishedGame;
import io.flextime.export.render.PublishedSchedule;

import java.util.List;
import java.util.UUID;

/**
 * The body partners receive when a schedule version is published (Standard Webhooks payload shape:
 * {@code type}, {@code timestamp}, {@code data}). {@code data.changes} lists game.added,
 * game.moved and game.removed against the previously published version, so a partner can apply the
 * difference instead of reloading everything; {@code data.files} points at the exported files.
 */
public final class PublicationPayload {
    public static final String TYPE = "flextime.schedule.published.v1";

    private PublicationPayload() {
    }

    public static String json(ObjectMapper mapper, PublishedSchedule s, CalendarIdentity.Publication publication,
            UUID previousVersion, String manifestKey, List<ExportFile> files) {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", TYPE);
        root.put("timestamp", s.publishedAt().toString());
        ObjectNode data = root.putObject("data");
        data.put("tenant", s.tenant());
        data.put("season", s.season().season());
        data.put("scheduleVersionId", s.schedule().id().toString());
        data.put("previousScheduleVersionId", previousVersion == null ? null : previousVersion.toString());
        data.put("datasetVersionId", s.schedule().datasetVersionId().toString());
        data.put("status", s.schedule().status());
        data.put("games", s.confirmedGames().size());
        data.put("manifestKey", manifestKey);
        ArrayNode fileList = data.putArray("files");
        files.forEach(f -> fileList.addObject().put("file", f.file()).put("format", f.format()).put("bytes", f.bytes())
                .put("sha256", f.sha256()));
        ObjectNode counts = data.putObject("counts");
        counts.put("added", publication.count(GameChange.ADDED));
        counts.put("moved", publication.count(GameChange.MOVED));
        counts.put("removed", publication.count(GameChange.REMOVED));
        ArrayNode changes = data.putArray("changes");
        for (GameChange c : publication.changes()) {
            ObjectNode n = changes.addObject();
            n.put("type", c.type());
            game(n, s, c.game());
            if (c.before() != null && GameChange.MOVED.equals(c.type())) {
                ObjectNode was = n.putObject("previous");
                placement(was, s, c.before());
            }
        }
        return root.toString();
    }

    private static void game(ObjectNode n, PublishedSchedule s, PublishedGame g) {
        n.put("uid", g.uid());
        n.put("sequence", g.sequence());
        n.put("status", g.status().name());
        n.put("home", g.homeTeam());
        n.put("away", g.awayTeam());
        n.put("meeting", g.meeting());
        if (g.number() != null) {
            n.put("number", g.number());
        }
        placement(n, s, g);
    }

    private static void placement(ObjectNode n, PublishedSchedule s, PublishedGame g) {
        n.put("slot", g.slotIndex());
        n.put("date", g.date() == null ? null : g.date().toString());
        n.put("venue", s.venueOf(g));
    }

}
