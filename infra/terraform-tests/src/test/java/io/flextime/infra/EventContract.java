package io.flextime.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The event contract as the checks need it: every topic (topics.txt) and which function consumes
 * which topic (the "consumers" column of the event type table in events/README.md).
 */
record EventContract(Set<String> topics, Map<String, Set<String>> consumersByTopic) {
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    static EventContract load(Set<String> functions) {
        try {
            Set<String> topics = new TreeSet<>();
            for (String line : Files.readAllLines(Repo.topicsFile(), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    topics.add(line.trim());
                }
            }
            return new EventContract(topics, consumers(Files.readString(Repo.eventsReadme(), StandardCharsets.UTF_8), functions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Topic -> consuming functions, from every Markdown table with a "topic" and a "consumers" column. */
    static Map<String, Set<String>> consumers(String markdown, Set<String> functions) {
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        Map<String, Set<String>> byTopic = new TreeMap<>();
        Node document = parser.parse(markdown);
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof TableBlock table) {
                readTable(table, functions, byTopic);
            }
        }
        return byTopic;
    }

    Set<String> consumedBy(String function) {
        Set<String> topics = new TreeSet<>();
        consumersByTopic.forEach((topic, consumers) -> {
            if (consumers.contains(function)) {
                topics.add(topic);
            }
        });
        return topics;
    }

    private static void readTable(TableBlock table, Set<String> functions, Map<String, Set<String>> byTopic) {
        List<List<String>> rows = new ArrayList<>();
        collectRows(table, rows);
        if (rows.isEmpty()) {
            return;
        }
        List<String> header = rows.get(0);
        int topicColumn = header.indexOf("topic");
        int consumersColumn = header.indexOf("consumers");
        if (topicColumn < 0 || consumersColumn < 0) {
            return;
        }
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() <= Math.max(topicColumn, consumersColumn)) {
                continue;
            }
            Set<String> consumers = new TreeSet<>();
            Matcher words = WORD.matcher(row.get(consumersColumn));
            while (words.find()) {
                if (functions.contains(words.group())) {
                    consumers.add(words.group());
                }
            }
            byTopic.computeIfAbsent(row.get(topicColumn).trim(), t -> new TreeSet<>()).addAll(consumers);
        }
    }

    private static void collectRows(Node node, List<List<String>> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow row) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(text(cell).trim());
                    }
                }
                rows.add(cells);
            } else {
                collectRows(child, rows);
            }
        }
    }

    private static String text(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (child instanceof Code c) {
                sb.append(c.getLiteral());
            } else {
                sb.append(text(child));
            }
        }
        return sb.toString();
    }
}
