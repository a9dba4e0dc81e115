package io.flextime.export.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.model.Team;
import io.flextime.export.Fixtures;
import io.flextime.export.publish.CalendarIdentity;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every format written, then read back by an independent reader and compared game by game with the
 * schedule: Jackson CSV for CSV, POI's XSSF reader for Excel, PDFBox text extraction for PDF,
 * biweekly for iCalendar, the JDK's XSD validator and DOM for XML, networknt for the JSON Schema.
 */
class FormatsReadBackTest {
    static Season season;
    static List<Game> games;
    static PublishedSchedule published;
    static Map<String, RenderedFile> files;

    @BeforeAll
    static void render() {
        season = Fixtures.small("readback", 6);
        games = Fixtures.roundRobin(season, 10, 1);
        ScheduleVersion schedule = Fixtures.schedule("fmt", UUID.randomUUID(), season, games);
        CalendarIdentity.Publication pub = CalendarIdentity.publish("fmt", season.season(), games, List.of());
        published = new PublishedSchedule("fmt", season, schedule, "robinx-xml", Instant.parse("2025-12-01T10:15:30Z"), pub.games());
        files = new ExportRenderer().renderAll(published).stream().collect(Collectors.toMap(RenderedFile::name, f -> f));
    }

    static Map<Integer, Game> byNumber() {
        return games.stream().collect(Collectors.toMap(Game::number, g -> g));
    }

    @Test
    void csvRowsMatchTheGamesAndFormulasAreNeutralized() throws Exception {
        CsvMapper csv = new CsvMapper();
        MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(files.get("schedule.csv").bytes());
        List<Map<String, String>> all = rows.readAll();
        assertEquals(games.size(), all.size());
        Map<Integer, Game> expected = byNumber();
        for (Map<String, String> r : all) {
            Game g = expected.get(Integer.parseInt(r.get("game")));
            assertNotNull(g, "row for an unknown game " + r);
            assertEquals(g.homeTeam(), r.get("home_id"));
            assertEquals(g.awayTeam(), r.get("away_id"));
            assertEquals(g.date().toString(), r.get("date"));
            assertEquals(Integer.toString(g.slotIndex()), r.get("slot"));
            assertEquals(SpreadsheetText.safe(season.team(g.homeTeam()).orElseThrow().name()), r.get("home"));
            assertFalse(r.get("home").startsWith("=") || r.get("away").startsWith("=") || r.get("venue").startsWith("@"),
                    "no cell starts a formula: " + r);
        }
        assertTrue(all.stream().anyMatch(r -> r.get("home").equals("'=HYPERLINK(\"http://evil\",\"x\")")),
                "the formula-like team name is kept, prefixed with a quote");
        assertTrue(all.stream().anyMatch(r -> r.get("venue").equals("'@Arena SUM(A1)")));
        assertTrue(new String(files.get("schedule.csv").bytes(), StandardCharsets.UTF_8).contains("\r\n"), "RFC 4180 line breaks");
    }

    @Test
    void xlsxHasASeasonSheetAndOneSheetPerTeamWithRealDatesAndFrozenHeaders() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.get("schedule.xlsx").bytes()))) {
            assertEquals(1 + season.teams().size(), wb.getNumberOfSheets());
            Sheet s = wb.getSheet("Season");
            assertNotNull(s.getPaneInformation());
            assertTrue(s.getPaneInformation().isFreezePane());
            assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition());
            Map<Integer, Game> expected = byNumber();
            assertEquals(games.size(), s.getLastRowNum());
            for (int i = 1; i <= s.getLastRowNum(); i++) {
                Row r = s.getRow(i);
                Game g = expected.get((int) r.getCell(0).getNumericCellValue());
                Cell date = r.getCell(1);
                assertEquals(CellType.NUMERIC, date.getCellType());
                assertTrue(DateUtil.isCellDateFormatted(date), "a real date cell");
                assertEquals(g.date(), date.getLocalDateTimeCellValue().toLocalDate());
                assertEquals(g.slotIndex(), (int) r.getCell(3).getNumericCellValue());
                assertEquals(SpreadsheetText.safe(name(g.homeTeam())), r.getCell(4).getStringCellValue());
                assertEquals(SpreadsheetText.safe(name(g.awayTeam())), r.getCell(5).getStringCellValue());
                for (Cell c : r) {
                    assertFalse(c.getCellType() == CellType.FORMULA, "no formula cells");
                    if (c.getCellType() == CellType.STRING) {
                        assertFalse(c.getStringCellValue().matches("^[=+\\-@\\t\\r].*"), "neutralized: " + c.getStringCellValue());
                    }
                }
            }
            for (Team t : season.teams()) {
                List<Game> mine = games.stream().filter(g -> g.homeTeam().equals(t.id()) || g.awayTeam().equals(t.id())).toList();
                Sheet ts = wb.getSheetAt(1 + season.teams().indexOf(t));
                assertTrue(ts.getPaneInformation().isFreezePane());
                assertEquals(mine.size(), ts.getLastRowNum(), "one row per game of " + t.id());
                for (int i = 1; i <= ts.getLastRowNum(); i++) {
                    Row r = ts.getRow(i);
                    Game g = expected.get((int) r.getCell(7).getNumericCellValue());
                    boolean home = g.homeTeam().equals(t.id());
                    assertEquals(g.date(), r.getCell(0).getLocalDateTimeCellValue().toLocalDate());
                    assertEquals(home ? "H" : "A", r.getCell(3).getStringCellValue());
                    assertEquals(SpreadsheetText.safe(name(home ? g.awayTeam() : g.homeTeam())), r.getCell(4).getStringCellValue());
                }
            }
        }
    }

    @Test
    void pdfHasTheGridAndOnePagePerTeamWithItsGamesAndTravelAndEmbedsItsFonts() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(files.get("schedule.pdf").bytes())) {
            int gridPages = pdf.getNumberOfPages() - season.teams().size();
            assertTrue(gridPages >= 1, "a season grid first");
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(gridPages);
            String grid = text.getText(pdf);
            assertTrue(grid.contains("season grid"));
            for (Game g : games) {
                assertTrue(grid.contains("v " + g.awayTeam().toUpperCase()) && grid.contains("@ " + g.homeTeam().toUpperCase()));
            }
            Map<String, Double> travel = published.travelKm();
            for (int p = 0; p < season.teams().size(); p++) {
                Team t = season.teams().get(p);
                text.setStartPage(gridPages + 1 + p);
                text.setEndPage(gridPages + 1 + p);
                List<String> lines = text.getText(pdf).lines().toList();
                assertEquals(t.name(), lines.get(0).trim(), "page " + (gridPages + 1 + p) + " is " + t.name() + "'s");
                List<Game> mine = games.stream().filter(g -> g.homeTeam().equals(t.id()) || g.awayTeam().equals(t.id())).toList();
                for (Game g : mine) {
                    String day = PdfFormat.DAY.format(g.date());
                    boolean home = g.homeTeam().equals(t.id());
                    String line = lines.stream().filter(l -> l.startsWith(day)).findFirst().orElse("");
                    assertTrue(line.contains(home ? "Home" : "Away") && line.contains(name(home ? g.awayTeam() : g.homeTeam())),
                            t.id() + " game " + g.number() + " on " + day + ": '" + line + "'");
                }
                String km = String.format(java.util.Locale.ROOT, "%,.0f km", travel.get(t.id()));
                assertTrue(lines.stream().anyMatch(l -> l.contains("Travel total: " + km)), "travel total " + km);
            }
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
        }
    }

    @Test
    void icsFeedsParseWithAnotherLibraryAndCarryUidSequenceStatusAndTimeZones() {
        String master = "calendar/" + season.season() + ".ics";
        String raw = new String(files.get(master).bytes(), StandardCharsets.UTF_8);
        assertTrue(raw.lines().allMatch(l -> l.getBytes(StandardCharsets.UTF_8).length <= 75), "lines folded at 75 octets");
        ICalendar cal = Biweekly.parse(raw).first();
        assertNotNull(cal, "biweekly reads the master feed");
        assertTrue(cal.validate(biweekly.ICalVersion.V2_0).isEmpty(), () -> cal.validate(biweekly.ICalVersion.V2_0).toString());
        assertEquals(games.size(), cal.getEvents().size());
        TimezoneInfo tz = cal.getTimezoneInfo();
        Set<String> tzids = raw.lines().filter(l -> l.startsWith("TZID:")).map(l -> l.substring(5)).collect(Collectors.toSet());
        Map<String, Game> byUid = new HashMap<>();
        for (PublishedGame pg : published.games()) {
            byUid.put(pg.uid(), byNumber().get(pg.number()));
        }
        for (VEvent e : cal.getEvents()) {
            Game g = byUid.get(e.getUid().getValue());
            assertNotNull(g, "known UID " + e.getUid().getValue());
            assertEquals(0, e.getSequence().getValue());
            assertEquals("CONFIRMED", e.getStatus().getValue());
            assertEquals(name(g.awayTeam()) + " at " + name(g.homeTeam()), e.getSummary().getValue());
            ZoneId zone = ZoneId.of(season.venue(season.team(g.homeTeam()).orElseThrow().venueId()).orElseThrow().timeZone());
            assertTrue(tzids.contains(zone.getId()), "a VTIMEZONE for " + zone);
            assertEquals(LocalDateTime.of(g.date(), java.time.LocalTime.of(19, 0)).atZone(zone).toInstant(),
                    e.getDateStart().getValue().toInstant(), "start of game " + g.number());
            assertNotNull(tz.getTimezone(e.getDateStart()), "DTSTART refers to a defined VTIMEZONE");
            assertEquals(Instant.parse("2025-12-01T10:15:30Z"), e.getDateTimeStamp().getValue().toInstant(), "DTSTAMP in UTC");
        }
        assertTrue(raw.contains("DTSTAMP:20251201T101530Z"));
        for (Team t : season.teams()) {
            ICalendar mine = Biweekly.parse(new String(files.get("calendar/" + t.id() + ".ics").bytes(), StandardCharsets.UTF_8)).first();
            long expected = games.stream().filter(g -> g.homeTeam().equals(t.id()) || g.awayTeam().equals(t.id())).count();
            assertEquals(expected, mine.getEvents().size(), "team feed of " + t.id());
        }
    }

    @Test
    void xmlIsValidAgainstItsSchemaAndListsEveryGame() throws Exception {
        byte[] xml = files.get("schedule.xml").bytes();
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (InputStream xsd = getClass().getClassLoader().getResourceAsStream(XmlFormat.XSD_RESOURCE)) {
            sf.newSchema(new StreamSource(xsd)).newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        }
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        NodeList nodes = doc.getElementsByTagNameNS(XmlFormat.NAMESPACE, "game");
        assertEquals(games.size(), nodes.getLength());
        Map<Integer, Game> expected = byNumber();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            Game g = expected.get(Integer.parseInt(e.getAttribute("number")));
            assertEquals(g.homeTeam(), e.getAttribute("home"));
            assertEquals(g.awayTeam(), e.getAttribute("away"));
            assertEquals(g.date(), LocalDate.parse(e.getAttribute("date")));
            assertEquals("19:00:00", e.getAttribute("startTime"));
        }
    }

    @Test
    void xmlThatBreaksTheSchemaIsRejected() throws Exception {
        String xml = new String(files.get("schedule.xml").bytes(), StandardCharsets.UTF_8).replaceFirst(" home=\"[^\"]*\"", "");
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (InputStream xsd = getClass().getClassLoader().getResourceAsStream(XmlFormat.XSD_RESOURCE)) {
            var validator = sf.newSchema(new StreamSource(xsd)).newValidator();
            org.junit.jupiter.api.Assertions.assertThrows(org.xml.sax.SAXException.class,
                    () -> validator.validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))));
        }
    }

    @Test
    void jsonIsValidAgainstItsSchemaAndListsEveryGame() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode doc = mapper.readTree(files.get("schedule.json").bytes());
        JsonSchema schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(JsonFormat.SCHEMA_RESOURCE)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(doc);
        assertTrue(errors.isEmpty(), errors.toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("games").get(0)).remove("uid");
        assertFalse(schema.validate(doc).isEmpty(), "the schema catches a game without uid");
        Map<Integer, Game> expected = byNumber();
        JsonNode list = mapper.readTree(files.get("schedule.json").bytes()).get("games");
        assertEquals(games.size(), list.size());
        for (JsonNode n : list) {
            Game g = expected.get(n.get("number").asInt());
            assertEquals(g.homeTeam(), n.get("home").asText());
            assertEquals(g.awayTeam(), n.get("away").asText());
            assertEquals(g.date().toString(), n.get("date").asText());
            assertEquals(g.slotIndex(), n.get("slot").asInt());
        }
    }

    @Test
    void robinxSolutionListsEveryMatchByTeamIndexAndSlot() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(files.get("robinx-solution.xml").bytes()));
        NodeList matches = doc.getElementsByTagName("ScheduledMatch");
        assertEquals(games.size(), matches.getLength());
        Set<String> expected = games.stream().map(g -> index(g.homeTeam()) + "-" + index(g.awayTeam()) + "@" + g.slotIndex())
                .collect(Collectors.toSet());
        for (int i = 0; i < matches.getLength(); i++) {
            Element m = (Element) matches.item(i);
            assertTrue(expected.remove(m.getAttribute("home") + "-" + m.getAttribute("away") + "@" + m.getAttribute("slot")));
        }
        assertTrue(expected.isEmpty());
        assertEquals(1, doc.getElementsByTagName("ObjectiveValue").getLength());
    }

    @Test
    void noRobinxSolutionForOtherSourcesAndNoCalendarWithoutDates() {
        PublishedSchedule json = new PublishedSchedule("fmt", season, published.schedule(), "json", published.publishedAt(),
                published.games());
        assertTrue(new RobinxSolutionFormat().render(json).isEmpty());
        List<PublishedGame> undated = published.games().stream().map(g -> new PublishedGame(g.uid(), g.sequence(), g.status(),
                g.number(), g.slotIndex(), null, g.homeTeam(), g.awayTeam(), g.meeting(), g.venueId())).toList();
        assertTrue(new IcsFormat().render(new PublishedSchedule("fmt", season, published.schedule(), "json",
                published.publishedAt(), undated)).isEmpty());
    }

    private static int index(String team) {
        return season.teams().stream().map(Team::id).toList().indexOf(team);
    }

    private static String name(String team) {
        return season.team(team).orElseThrow().name();
    }
}
