package io.flextime.solve.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small real seasons (Big 12 arenas, compact double round robin) stored as dataset versions of a fresh tenant. */
public final class TestSeasons {
    /** Big 12 arenas: id, city, latitude, longitude. */
    private static final Object[][] ARENAS = {
            { "ku", "Lawrence", 38.954, -95.252 }, { "isu", "Ames", 42.021, -93.636 }, { "bay", "Waco", 31.558, -97.115 },
            { "tcu", "Fort Worth", 32.710, -97.363 }, { "ttu", "Lubbock", 33.591, -101.873 },
            { "osu", "Stillwater", 36.126, -97.069 }, { "ksu", "Manhattan", 39.202, -96.594 },
            { "wvu", "Morgantown", 39.649, -79.981 }, { "cin", "Cincinnati", 39.131, -84.516 },
            { "ucf", "Orlando", 28.607, -81.197 }, { "hou", "Houston", 29.722, -95.349 }, { "byu", "Provo", 40.251, -111.649 },
            { "ari", "Tucson", 32.229, -110.949 }, { "asu", "Tempe", 33.424, -111.926 },
            { "col", "Boulder", 40.006, -105.269 }, { "uta", "Salt Lake City", 40.762, -111.839 } };

    private TestSeasons() {
    }

    public static String tenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code teams} teams, every one plays every slot; two slots a week from 3 January 2026. */
    static Season compactDouble(String key, int teams, boolean autoSolve) {
        List<Team> ts = new ArrayList<>();
        List<Venue> vs = new ArrayList<>();
        for (int i = 0; i < teams; i++) {
            Object[] a = ARENAS[i];
            String id = (String) a[0];
            ts.add(new Team(id, id.toUpperCase(java.util.Locale.ROOT), id + "-arena", "America/Chicago", Map.of()));
            vs.add(new Venue(id + "-arena", a[1] + " arena", (String) a[1], (Double) a[2], (Double) a[3], 15000,
                    "America/Chicago"));
        }
        List<Slot> slots = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 1, 3);
        for (int s = 0; s < 2 * (teams - 1); s++) {
            slots.add(new Slot(s, day, null, null, "R" + (s + 1)));
            day = day.plusDays(s % 2 == 0 ? 3 : 4);
        }
        return new Season(key, "Test season " + key, "basketball", slots.get(0).date(), day, "America/Chicago",
                SeasonFormat.compactDouble(), ObjectiveWeights.DEFAULT, autoSolve, ts, vs, slots, List.of(), List.of(),
                List.of());
    }

    /** Stores the season as a new dataset version of {@code tenant}; returns the version id. */
    static UUID store(TenantDb db, SeasonRepository seasons, ObjectMapper mapper, String tenant, Season season) {
        UUID versionId = UUID.randomUUID();
        db.inTenantBlocking(tenant, c -> seasons.insert(c, new SeasonRepository.NewVersion(versionId, tenant,
                "sha-" + versionId, "json", "uploads/" + tenant + "/season.json", null,
                mapper.createObjectNode().put("teams", season.teams().size()), null, "corr-" + versionId), season));
        return versionId;
    }
}
