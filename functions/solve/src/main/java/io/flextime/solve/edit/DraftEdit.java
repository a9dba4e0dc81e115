package io.flextime.solve.edit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One edit of a draft (the {@code editDraft} door). {@code move}: {@code game} to {@code slot} (or the slot on
 * {@code date}); {@code swap}: {@code game}'s home and away; {@code pin} / {@code unpin}: {@code games};
 * {@code teamUnavailable}: {@code team} plays on none of {@code dates}; {@code venueUnavailable}: no home game
 * at {@code venue} on {@code dates} (rules the edited version and its descendants are checked against).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DraftEdit(String type, Integer game, Integer slot, String date, List<Integer> games, String team, String venue,
        List<String> dates) {
    public static final String MOVE = "move";
    public static final String SWAP = "swap";
    public static final String PIN = "pin";
    public static final String UNPIN = "unpin";
    public static final String TEAM_UNAVAILABLE = "teamUnavailable";
    public static final String VENUE_UNAVAILABLE = "venueUnavailable";
    static final List<String> TYPES = List.of(MOVE, SWAP, PIN, UNPIN, TEAM_UNAVAILABLE, VENUE_UNAVAILABLE);

    String canonical() {
        return type + ":" + game + ":" + slot + ":" + date + ":" + (games == null ? "" : games.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(","))) + ":" + team + ":" + venue + ":" + (dates == null ? "" : String.join(",", dates));
    }
}
