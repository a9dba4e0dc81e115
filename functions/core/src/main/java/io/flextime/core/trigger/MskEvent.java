package io.flextime.core.trigger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event AWS Lambda receives from an Amazon MSK (or self-managed Kafka) event source mapping:
 * records grouped by "topic-partition", key and value base64-encoded, headers as byte arrays.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public class MskEvent {
    private String eventSource;
    private String eventSourceArn;
    private String bootstrapServers;
    private Map<String, List<Record>> records = new LinkedHashMap<>();

    public String getEventSource() {
        return eventSource;
    }

    public void setEventSource(String eventSource) {
        this.eventSource = eventSource;
    }

    public String getEventSourceArn() {
        return eventSourceArn;
    }

    public void setEventSourceArn(String eventSourceArn) {
        this.eventSourceArn = eventSourceArn;
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public Map<String, List<Record>> getRecords() {
        return records;
    }

    public void setRecords(Map<String, List<Record>> records) {
        this.records = records == null ? new LinkedHashMap<>() : records;
    }

    /** All records in delivery order (partition groups in map order, offsets ascending within each). */
    public List<Record> allRecords() {
        List<Record> all = new ArrayList<>();
        records.values().forEach(all::addAll);
        return all;
    }

    /** Builds an event as MSK would deliver it (used by the local stack and tests). */
    public static MskEvent of(String topic, int partition, long offset, String key, String value) {
        Record r = new Record();
        r.setTopic(topic);
        r.setPartition(partition);
        r.setOffset(offset);
        r.setTimestamp(System.currentTimeMillis());
        r.setTimestampType("CREATE_TIME");
        r.setKey(key == null ? null : Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
        r.setValue(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        MskEvent e = new MskEvent();
        e.setEventSource("aws:kafka");
        e.getRecords().put(topic + "-" + partition, new ArrayList<>(List.of(r)));
        return e;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    public static class Record {
        private String topic;
        private int partition;
        private long offset;
        private long timestamp;
        private String timestampType;
        private String key;
        private String value;
        private List<Map<String, byte[]>> headers = new ArrayList<>();

        public String decodedValue() {
            return value == null ? null : new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        }

        public String decodedKey() {
            return key == null ? null : new String(Base64.getDecoder().decode(key), StandardCharsets.UTF_8);
        }

        /** The record's headers as Kafka headers (MSK gives a list of one-entry maps, in record order). */
        public List<org.apache.kafka.common.header.Header> kafkaHeaders() {
            List<org.apache.kafka.common.header.Header> out = new ArrayList<>();
            for (Map<String, byte[]> h : headers) {
                h.forEach((k, v) -> out.add(new org.apache.kafka.common.header.internals.RecordHeader(k, v)));
            }
            return out;
        }

        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }

        public int getPartition() {
            return partition;
        }

        public void setPartition(int partition) {
            this.partition = partition;
        }

        public long getOffset() {
            return offset;
        }

        public void setOffset(long offset) {
            this.offset = offset;
        }

        public long getTimestamp() {
            return timestamp;
        }

        public void setTimestamp(long timestamp) {
            this.timestamp = timestamp;
        }

        public String getTimestampType() {
            return timestampType;
        }

        public void setTimestampType(String timestampType) {
            this.timestampType = timestampType;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        @JsonProperty("headers")
        public List<Map<String, byte[]>> getHeaders() {
            return headers;
        }

        public void setHeaders(List<Map<String, byte[]>> headers) {
            this.headers = headers == null ? new ArrayList<>() : headers;
        }
    }
}
