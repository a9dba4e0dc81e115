package io.flextime.core.trigger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The S3 event notification as AWS delivers it to Lambda ({@code {"Records": [...]}}). A small POJO
 * because aws-lambda-java-events' S3Event does not deserialize under Funqy's Jackson. Object keys
 * arrive URL-encoded (spaces as '+'); use {@link Entry#objectKey()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public class S3EventNotification {
    @JsonProperty("Records")
    private List<Entry> records = new ArrayList<>();

    public List<Entry> getRecords() {
        return records;
    }

    public void setRecords(List<Entry> records) {
        this.records = records == null ? new ArrayList<>() : records;
    }

    /** Builds the notification S3 sends for one created object (used by the local stack and tests). */
    public static S3EventNotification objectCreated(String bucket, String key, long size, String eTag) {
        Entry e = new Entry();
        e.setEventVersion("2.1");
        e.setEventSource("aws:s3");
        e.setAwsRegion("us-east-1");
        e.setEventTime(java.time.Instant.now().toString());
        e.setEventName("ObjectCreated:Put");
        S3 s3 = new S3();
        s3.setS3SchemaVersion("1.0");
        s3.setConfigurationId("flextime-uploads");
        Bucket b = new Bucket();
        b.setName(bucket);
        b.setArn("arn:aws:s3:::" + bucket);
        s3.setBucket(b);
        S3Object o = new S3Object();
        o.setKey(java.net.URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
        o.setSize(size);
        o.setETag(eTag);
        o.setSequencer(Long.toHexString(System.nanoTime()).toUpperCase());
        s3.setObject(o);
        e.setS3(s3);
        S3EventNotification n = new S3EventNotification();
        n.getRecords().add(e);
        return n;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    public static class Entry {
        private String eventVersion;
        private String eventSource;
        private String awsRegion;
        private String eventTime;
        private String eventName;
        private S3 s3;

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isObjectCreated() {
            return eventName != null && eventName.startsWith("ObjectCreated");
        }

        public String bucketName() {
            return s3 == null || s3.getBucket() == null ? null : s3.getBucket().getName();
        }

        public String objectKey() {
            return s3 == null || s3.getObject() == null || s3.getObject().getKey() == null ? null
                    : URLDecoder.decode(s3.getObject().getKey(), StandardCharsets.UTF_8);
        }

        public String getEventVersion() {
            return eventVersion;
        }

        public void setEventVersion(String eventVersion) {
            this.eventVersion = eventVersion;
        }

        public String getEventSource() {
            return eventSource;
        }

        public void setEventSource(String eventSource) {
            this.eventSource = eventSource;
        }

        public String getAwsRegion() {
            return awsRegion;
        }

        public void setAwsRegion(String awsRegion) {
            this.awsRegion = awsRegion;
        }

        public String getEventTime() {
            return eventTime;
        }

        public void setEventTime(String eventTime) {
            this.eventTime = eventTime;
        }

        public String getEventName() {
            return eventName;
        }

        public void setEventName(String eventName) {
            this.eventName = eventName;
        }

        public S3 getS3() {
            return s3;
        }

        public void setS3(S3 s3) {
            this.s3 = s3;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    public static class S3 {
        private String s3SchemaVersion;
        private String configurationId;
        private Bucket bucket;
        private S3Object object;

        public String getS3SchemaVersion() {
            return s3SchemaVersion;
        }

        public void setS3SchemaVersion(String s3SchemaVersion) {
            this.s3SchemaVersion = s3SchemaVersion;
        }

        public String getConfigurationId() {
            return configurationId;
        }

        public void setConfigurationId(String configurationId) {
            this.configurationId = configurationId;
        }

        public Bucket getBucket() {
            return bucket;
        }

        public void setBucket(Bucket bucket) {
            this.bucket = bucket;
        }

        public S3Object getObject() {
            return object;
        }

        public void setObject(S3Object object) {
            this.object = object;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    public static class Bucket {
        private String name;
        private String arn;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getArn() {
            return arn;
        }

        public void setArn(String arn) {
            this.arn = arn;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection
    public static class S3Object {
        private String key;
        private long size;
        private String eTag;
        private String sequencer;

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public long getSize() {
            return size;
        }

        public void setSize(long size) {
            this.size = size;
        }

        @JsonProperty("eTag")
        public String getETag() {
            return eTag;
        }

        @JsonProperty("eTag")
        public void setETag(String eTag) {
            this.eTag = eTag;
        }

        public String getSequencer() {
            return sequencer;
        }

        public void setSequencer(String sequencer) {
            this.sequencer = sequencer;
        }
    }
}
