package io.flextime.core.format;

import io.flextime.core.model.ConstraintType;
import io.flextime.core.rules.Malformed;
import io.flextime.core.rules.ParamProblem;
import io.flextime.core.rules.Rule;
import io.flextime.core.rules.RuleCatalogue;
import io.flextime.core.model.Distance;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.core.problem.ProblemLocation;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * RobinX XML (the ITC2021 format, OrganizationITC2021_V7.pdf) → canonical season. Constraint
 * elements are the catalogue's RobinX types, their attributes mapped to typed rules by the catalogue
 * ({@link RuleCatalogue#fromRobinX}); team ids stay the RobinX ids as strings, slots their indexes;
 * {@code type} HARD/SOFT and {@code penalty} are kept.
 *
 * <p>Hardened StAX: DTDs are not supported and any DOCTYPE is rejected, external entities are off and
 * entity references are not expanded, so XXE and entity-expansion ("billion laughs") inputs fail with
 * a problem before any expansion can happen.
 */
@ApplicationScoped
public class RobinXReader {
    public static final String XML_FORBIDDEN = "XML_DTD_FORBIDDEN";

    private final XMLInputFactory factory;

    public RobinXReader() {
        this.factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
    }


    public Season read(InputStream in, String file) throws IOException {
        Problems problems = new Problems();
        Doc doc = new Doc();
        XMLStreamReader x = null;
        try (Reader reader = Utf8Text.reader(in, file)) {
            x = factory.createXMLStreamReader(reader);
            Deque<String> path = new ArrayDeque<>();
            StringBuilder text = new StringBuilder();
            while (x.hasNext()) {
                int event = x.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw Problems.fatal(new ProblemLocation(XML_FORBIDDEN, file, null,
                            (long) x.getLocation().getLineNumber(), null,
                            "a DOCTYPE / DTD is not allowed (entity expansion and external entities are refused)"));
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw Problems.fatal(new ProblemLocation(XML_FORBIDDEN, file,
                            null, (long) x.getLocation().getLineNumber(), null, "entity reference &" + x.getLocalName()
                            + "; is not allowed"));
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = x.getLocalName();
                        path.push(name);
                        text.setLength(0);
                        element(doc, name, x, problems, file);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(x.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = path.pop();
                        String value = text.toString().trim();
                        switch (name) {
                            case "InstanceName" -> doc.name = value;
                            case "numberRoundRobin" -> doc.rounds = value;
                            case "compactness" -> doc.compactness = value;
                            case "gameMode" -> doc.gameMode = value;
                            default -> {
                            }
                        }
                        text.setLength(0);
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            if (Utf8Text.isDecodingFailure(e)) {
                throw Problems.fatal(Utf8Text.NOT_UTF8, file, Utf8Text.notUtf8Reason());
            }
            String msg = String.valueOf(e.getMessage());
            boolean entity = msg.contains("ntity") || msg.contains("DOCTYPE") || msg.contains("DTD");
            throw Problems.fatal(new ProblemLocation(entity ? XML_FORBIDDEN : "MALFORMED_XML", file, null,
                    e.getLocation() == null ? null : (long) e.getLocation().getLineNumber(), null,
                    msg.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "")));
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // closing a failed reader
                }
            }
        }
        if (doc.teams.size() < 2) {
            problems.add("MISSING_VALUE", file, null, null, "Resources/Teams", "a RobinX instance needs at least 2 teams");
        }
        if (doc.slots.isEmpty()) {
            problems.add("MISSING_VALUE", file, null, null, "Resources/Slots", "a RobinX instance needs slots");
        }
        problems.throwIfAny(file + " is not a usable RobinX instance");
        boolean withDistances = !doc.distances.isEmpty();
        List<Team> teams = new ArrayList<>();
        List<Venue> venues = new ArrayList<>();
        for (Team t : doc.teams) {
            String venue = withDistances ? "venue-" + t.id() : null;
            teams.add(new Team(t.id(), t.name(), venue, null, t.attributes()));
            if (withDistances) {
                venues.add(new Venue(venue, t.name() + " home", null, null, null, null, null));
            }
        }
        List<Distance> distances = doc.distances.stream()
                .map(d -> new Distance("venue-" + d.fromVenue(), "venue-" + d.toVenue(), d.km())).toList();
        SeasonFormat format = new SeasonFormat("1".equals(doc.rounds) ? SeasonFormat.RoundRobin.SINGLE : SeasonFormat.RoundRobin.DOUBLE,
                !"R".equalsIgnoreCase(doc.compactness), false, "P".equalsIgnoreCase(doc.gameMode), null, null, null,
                SeasonFormat.TravelMode.VENUE_TO_VENUE);
        String base = file.replaceAll("\\.[^.]*$", "");
        String key = slug(base);
        return new Season(key, doc.name == null ? base : doc.name, null, null, null, null, format,
                new ObjectiveWeights(withDistances ? 1.0 : 0.0, 1.0), false, teams, venues, doc.slots, doc.constraints, List.of(),
                distances);
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private void element(Doc doc, String name, XMLStreamReader x, Problems problems, String file) {
        long line = x.getLocation().getLineNumber();
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < x.getAttributeCount(); i++) {
            a.put(x.getAttributeLocalName(i), x.getAttributeValue(i));
        }
        switch (name) {
            case "team" -> {
                Map<String, String> attrs = new LinkedHashMap<>();
                if (a.get("league") != null) {
                    attrs.put("league", a.get("league"));
                }
                String id = a.get("id");
                if (id == null) {
                    problems.add("MISSING_VALUE", file, null, line, "team@id", "a team needs an id");
                } else {
                    doc.teams.add(new Team(id, a.getOrDefault("name", "Team " + id), null, null, attrs));
                }
            }
            case "slot" -> {
                Integer id = integer(a.get("id"), problems, file, line, "slot@id");
                if (id != null) {
                    doc.slots.add(new Slot(id, null, null, null, a.getOrDefault("name", "Slot " + id)));
                }
            }
            case "distance" -> {
                Double d = null;
                try {
                    d = a.get("dist") == null ? null : Double.valueOf(a.get("dist"));
                } catch (NumberFormatException e) {
                    problems.add("WRONG_TYPE", file, null, line, "distance@dist", "'" + a.get("dist") + "' is not a number");
                }
                if (a.get("team1") != null && a.get("team2") != null && d != null) {
                    doc.distances.add(new Distance(a.get("team1"), a.get("team2"), d));
                }
            }
            default -> {
                RuleCatalogue.robinX(name).ifPresent(type -> {
                    SeasonConstraint c = constraint(type, a, doc, problems, file, line);
                    if (c != null) {
                        doc.constraints.add(c);
                    }
                });
            }
        }
    }

    /**
     * A RobinX constraint element: its attributes become the type's parameters as the catalogue maps
     * them ({@link RuleCatalogue#fromRobinX}), read like any other upload; what the catalogue rejects is
     * a problem at the element's line, column {@code TAG@attribute}.
     */
    private SeasonConstraint constraint(ConstraintType type, Map<String, String> a, Doc doc, Problems problems, String file,
            long line) {
        String tag = type.name();
        int before = problems.count();
        Rule rule = RuleCatalogue.read(type, RuleCatalogue.fromRobinX(type, a));
        if (rule instanceof Malformed m) {
            for (ParamProblem p : m.problems()) {
                problems.add(p.kind() == ParamProblem.Kind.MISSING ? "MISSING_VALUE" : "WRONG_TYPE", file, null, line,
                        tag + "@" + attribute(type, p.key()), p.message());
            }
        }
        String kind = a.getOrDefault("type", "HARD").trim().toUpperCase(Locale.ROOT);
        if (!kind.equals("HARD") && !kind.equals("SOFT")) {
            problems.add("WRONG_TYPE", file, null, line, tag + "@type", "'" + kind + "' is not HARD or SOFT");
        }
        Integer penalty = a.get("penalty") == null ? 0 : integer(a.get("penalty"), problems, file, line, tag + "@penalty");
        if (problems.count() > before) {
            return null;
        }
        int n = doc.perType.merge(tag, 1, Integer::sum);
        return new SeasonConstraint(tag + "-" + n, kind.equals("HARD"), penalty == null ? 0 : penalty, rule);
    }

    /** The RobinX attribute of a parameter (its key when it has none, e.g. "min|max"). */
    private static String attribute(ConstraintType type, String key) {
        return RuleCatalogue.definition(type).params().stream().filter(p -> p.key().equals(key) && p.robinXAttribute() != null)
                .map(io.flextime.core.rules.Param::robinXAttribute).findFirst().orElse(key);
    }

    private static Integer integer(String v, Problems problems, String file, long line, String column) {
        if (v == null) {
            problems.add("MISSING_VALUE", file, null, line, column, "a value is required");
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            problems.add("WRONG_TYPE", file, null, line, column, "'" + v + "' is not a whole number");
            return null;
        }
    }

    private static final class Doc {
        String name;
        String rounds;
        String compactness;
        String gameMode;
        final List<Team> teams = new ArrayList<>();
        final List<Slot> slots = new ArrayList<>();
        final List<SeasonConstraint> constraints = new ArrayList<>();
        final List<Distance> distances = new ArrayList<>();
        final Map<String, Integer> perType = new HashMap<>();
    }
}
