package io.flextime.ingest.format;

import io.flextime.core.format.TtpMatrixReader;
import io.flextime.core.format.RobinXReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.rules.Ca1;
import io.flextime.core.rules.Ca3;
import io.flextime.core.rules.Ga1;
import io.flextime.core.rules.Meeting;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.Se1;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonFormat;
import io.flextime.ingest.samples.SamplePaths;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every ITC2021 instance and every TTP matrix of data/ (the repository's copy) reads into a season whose counts match
 * the source file (counted independently, with regular expressions / line splitting).
 */
class BenchmarkInstancesTest {
    static final Path DATA = SamplePaths.referenceData(SamplePaths.repoRoot());
    final ObjectMapper mapper = new ObjectMapper();

    static List<Path> files(String dir, String glob) throws Exception {
        try (Stream<Path> s = Files.list(DATA.resolve(dir))) {
            return s.filter(p -> p.getFileName().toString().matches(glob)).sorted().toList();
        }
    }

    static int count(String xml, String regex) {
        Matcher m = Pattern.compile(regex).matcher(xml);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void everyItc2021InstanceReads() throws Exception {
        List<Path> instances = files("itc2021", ".*\\.xml");
        assertEquals(39, instances.size(), "Early 1-15, Middle 1-15, Test 1-8 and the demo");
        RobinXReader reader = new RobinXReader();
        for (Path p : instances) {
            String xml = Files.readString(p);
            Season s;
            try (InputStream in = Files.newInputStream(p)) {
                s = reader.read(in, p.getFileName().toString());
            }
            String f = p.getFileName().toString();
            assertEquals(count(xml, "<team "), s.teams().size(), f);
            assertEquals(count(xml, "<slot "), s.slots().size(), f);
            assertEquals(2 * (s.teams().size() - 1), s.slots().size(), f + ": compact double round robin");
            assertEquals(count(xml, "<(CA[1-4]|GA1|BR[12]|FA2|SE1)[ /]"), s.constraints().size(), f);
            assertEquals(count(xml, "type=\"HARD\""), s.constraints().stream().filter(c -> c.hard()).count(), f);
            assertEquals(SeasonFormat.RoundRobin.DOUBLE, s.format().roundRobin(), f);
            assertTrue(s.format().compact(), f);
            assertEquals(xml.contains("<gameMode>P</gameMode>"), s.format().phased(), f);
            s.constraints().forEach(c -> assertTrue(c.type().isRobinX(), c.id()));
        }
    }

    @Test
    void robinXAttributesBecomeTheDocumentedParams() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Instance><MetaData><InstanceName>Tiny</InstanceName></MetaData>
                <Structure><Format leagueIds="0"><numberRoundRobin>2</numberRoundRobin><compactness>C</compactness>
                <gameMode>NULL</gameMode></Format></Structure>
                <Resources><Teams><team id="0" league="0" name="A"/><team id="1" league="0" name="B"/></Teams>
                <Slots><slot id="0" name="S0"/><slot id="1" name="S1"/></Slots></Resources>
                <Constraints><CapacityConstraints>
                <CA1 max="0" min="0" mode="H" penalty="1" slots="0;1" teams="0" type="HARD"/>
                <CA3 intp="2" max="1" min="0" mode1="A" mode2="SLOTS" penalty="5" teams1="0;1" teams2="1" type="SOFT"/>
                </CapacityConstraints><GameConstraints><GA1 max="0" meetings="0,1;" min="0" penalty="1" slots="1" type="HARD"/>
                </GameConstraints><SeparationConstraints><SE1 mode1="SLOTS" min="1" penalty="10" teams="0;1" type="SOFT"/>
                </SeparationConstraints></Constraints></Instance>""";
        Season s = new RobinXReader().read(new java.io.ByteArrayInputStream(xml.getBytes()), "tiny.xml");
        var ca1 = s.constraints().get(0);
        assertEquals(ConstraintType.CA1, ca1.type());
        assertEquals(new Ca1(List.of("0"), List.of(0, 1), Mode.H, 0, 0), ca1.rule());
        var ca3 = s.constraints().get(1);
        assertFalse(ca3.hard());
        assertEquals(5, ca3.penalty());
        assertEquals(new Ca3(List.of("0", "1"), List.of("1"), 2, Mode.A, 0, 1), ca3.rule());
        assertEquals(new Ga1(List.of(new Meeting("0", "1")), List.of(1), 0, 0), s.constraints().get(2).rule());
        assertEquals(new Se1(List.of("0", "1"), 1), s.constraints().get(3).rule());
        assertEquals("tiny", s.season());
    }

    @Test
    void everyTtpMatrixReadsAsACompactDoubleRoundRobinWithTtpRules() throws Exception {
        List<Path> matrices = files("ttp", ".*\\.txt");
        assertTrue(matrices.size() >= 40, "nl, circ and con instances: " + matrices.size());
        TtpMatrixReader reader = new TtpMatrixReader();
        for (Path p : matrices) {
            List<String> rows = Files.readAllLines(p).stream().filter(l -> !l.isBlank()).toList();
            int n = rows.size();
            Season s;
            try (InputStream in = Files.newInputStream(p)) {
                s = reader.read(in, p.getFileName().toString());
            }
            String f = p.getFileName().toString();
            assertEquals(n, s.teams().size(), f);
            assertEquals(2 * (n - 1), s.slots().size(), f);
            assertEquals(n * (n - 1), s.distances().size(), f);
            String[] row1 = rows.get(1).trim().split("\\s+");
            assertEquals(Double.parseDouble(row1[0]), s.distanceTable().km("v1", "v0"), 0.0, f);
            assertEquals(Double.parseDouble(row1[n - 1]), s.distanceTable().km("v1", "v" + (n - 1)), 0.0, f);
            assertEquals(List.of(ConstraintType.CA3, ConstraintType.CA3, ConstraintType.SE1),
                    s.constraints().stream().map(c -> c.type()).toList(), f);
            assertTrue(s.constraints().stream().allMatch(c -> c.hard()), f);
        }
    }

    @Test
    void aDoctypeWithEntityExpansionIsRefusedBeforeAnyExpansion() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<Instance><MetaData><InstanceName>&lol3;</InstanceName></MetaData></Instance>";
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.flextime.core.problem.ProblemException.class,
                () -> new RobinXReader().read(new java.io.ByteArrayInputStream(laughs.getBytes()), "lolz.xml"));
        assertEquals(RobinXReader.XML_FORBIDDEN, e.problem().errors().get(0).code());
    }

    @Test
    void anExternalEntityIsNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<Instance><MetaData><InstanceName>&xxe;</InstanceName></MetaData></Instance>";
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.flextime.core.problem.ProblemException.class,
                () -> new RobinXReader().read(new java.io.ByteArrayInputStream(xxe.getBytes()), "xxe.xml"));
        assertEquals(RobinXReader.XML_FORBIDDEN, e.problem().errors().get(0).code());
        assertFalse(e.problem().detail().contains("root:"), "nothing of /etc/passwd leaks");
    }
}
