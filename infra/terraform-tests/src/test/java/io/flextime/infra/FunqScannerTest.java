package io.flextime.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunqScannerTest {

    @Test
    void kindsComeFromTheInputTypeAndNamesFromTheAnnotation() {
        String source = """
                package io.flextime.demo.trigger;
                import io.flextime.core.trigger.MskEvent;
                import io.flextime.core.trigger.ScheduledEvent;
                import io.quarkus.funqy.Funq;
                public class Triggers {
                    @Funq public String nightly(ScheduledEvent event) { return ""; }
                    @Funq("onRecords") public void recordsBatch(MskEvent event) { }
                    @Funq(value = "upload") public void onUpload(io.flextime.core.trigger.S3EventNotification n) { }
                    @Funq public Object status(StatusQuery query) { return null; }
                    @Funq public Object ping() { return null; }
                    public void helper(ScheduledEvent notAnEntryPoint) { }
                    record StatusQuery(String id) { }
                }
                """;
        List<CodeEntryPoint> found = new FunqScanner().scanSource("demo", "Triggers.java", source);
        assertEquals(List.of(
                new CodeEntryPoint("demo", "nightly", TriggerKind.SCHEDULE, "nightly", "Triggers.java"),
                new CodeEntryPoint("demo", "onRecords", TriggerKind.KAFKA, "recordsBatch", "Triggers.java"),
                new CodeEntryPoint("demo", "upload", TriggerKind.S3, "onUpload", "Triggers.java"),
                new CodeEntryPoint("demo", "status", TriggerKind.HTTP, "status", "Triggers.java"),
                new CodeEntryPoint("demo", "ping", TriggerKind.HTTP, "ping", "Triggers.java")), found);
    }
}
