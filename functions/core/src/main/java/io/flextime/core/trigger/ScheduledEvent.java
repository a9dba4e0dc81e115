package io.flextime.core.trigger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An EventBridge scheduled event ("Scheduled Event" detail type). {@code time} is the schedule's
 * firing time: handlers key their idempotency on it (the same window fired twice does one job).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public class ScheduledEvent {
    private String id;
    @JsonProperty("detail-type")
    private String detailType = "Scheduled Event";
    private String source = "aws.events";
    private String time;
    private List<String> resources = new ArrayList<>();
    private JsonNode detail;

    public static ScheduledEvent at(Instant time, String scheduleName) {
        ScheduledEvent e = new ScheduledEvent();
        e.setId(java.util.UUID.randomUUID().toString());
        e.setTime(time.toString());
        e.getResources().add("arn:aws:scheduler:us-east-1:000000000000:schedule/default/" + scheduleName);
        return e;
    }

    /** The firing time, or now when absent. */
    public Instant firedAt() {
        return time == null ? Instant.now() : Instant.parse(time);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getDetailType() {
        return detailType;
    }

    public void setDetailType(String detailType) {
        this.detailType = detailType;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public List<String> getResources() {
        return resources;
    }

    public void setResources(List<String> resources) {
        this.resources = resources == null ? new ArrayList<>() : resources;
    }

    public JsonNode getDetail() {
        return detail;
    }

    public void setDetail(JsonNode detail) {
        this.detail = detail;
    }
}
