package io.flextime.export.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The schedule as JSON, described by {@code flextime/export/schedule.schema.json} (draft 2020-12,
 * {@link #SCHEMA_ID}). Built as a tree (no reflection), confirmed games only.
 */
public final class JsonFormat implements ScheduleFormat {
    public static final String SCHEMA_ID = "https://flextime.io/schemas/export/schedule.v1.schema.json";
    public static final String SCHEMA_RESOURCE = "flextime/export/schedule.schema.json";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public List<RenderedFile> render(PublishedSchedule s) {
        return List.of(new RenderedFile("schedule.json", "json", "application/json", write(document(s, s.confirmedGames()))));
    }

    @Override
    public List<RenderedFile> renderTeam(PublishedSchedule s, String team) {
        return List.of(new RenderedFile("teams/" + FileNames.slug(team) + "/schedule.json", "json", "application/json",
                write(document(s, s.confirmedGamesOf(team)))));
    }

    ObjectNode document(PublishedSchedule s, List<PublishedGame> games) {
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", SCHEMA_ID);
        root.put("formatVersion", 1);
        root.put("tenant", s.tenant());
        root.put("season", s.season().season());
        root.put("name", s.season().name());
        root.put("sport", s.season().sport());
        root.put("timeZone", s.season().timeZone());
        root.put("scheduleVersionId", s.schedule().id().toString());
        root.put("datasetVersionId", s.schedule().datasetVersionId().toString());
        root.put("status", s.schedule().status());
        root.put("objective", s.schedule().objective());
        root.put("travelTotalKm", s.schedule().travelTotal());
        root.put("publishedAt", s.publishedAt().toString());
        Map<String, Double> travel = s.travelKm();
        ArrayNode teams = root.putArray("teams");
        for (Team t : s.season().teams()) {
            ObjectNode n = teams.addObject().put("id", t.id()).put("name", t.name()).put("venueId", t.venueId());
            Double km = travel.get(t.id());
            if (km == null || km.isNaN()) {
                n.putNull("travelKm");
            } else {
                n.put("travelKm", Math.round(km * 10) / 10.0);
            }
        }
        ArrayNode venues = root.putArray("venues");
        for (Venue v : s.season().venues()) {
            venues.addObject().put("id", v.id()).put("name", v.name()).put("city", v.city()).put("latitude", v.latitude())
                    .put("longitude", v.longitude()).put("timeZone", v.timeZone());
        }
        ArrayNode out = root.putArray("games");
        for (PublishedGame g : games) {
            ObjectNode n = out.addObject();
            n.put("number", g.number());
            n.put("uid", g.uid());
            n.put("sequence", g.sequence());
            n.put("slot", g.slotIndex());
            n.put("date", g.date() == null ? null : g.date().toString());
            n.put("startTime", s.startTime(g) == null ? null : s.startTime(g).toString());
            n.put("timeZone", s.zoneOf(g).getId());
            n.put("home", g.homeTeam());
            n.put("away", g.awayTeam());
            n.put("venue", s.venueOf(g));
            n.put("meeting", g.meeting());
        }
        return root;
    }

    private byte[] write(ObjectNode doc) {
        try {
            return mapper.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
