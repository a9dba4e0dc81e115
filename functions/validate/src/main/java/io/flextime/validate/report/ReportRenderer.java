package io.flextime.validate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

/** The report as JSON (the record, Jackson) and as a readable HTML page (Qute template validation.html). */
@ApplicationScoped
public class ReportRenderer {
    private final ObjectMapper mapper;
    private final Template page;

    public ReportRenderer(ObjectMapper mapper, @Location("validation.html") Template page) {
        this.mapper = mapper;
        this.page = page;
    }

    public byte[] json(ValidationReport report) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize report", e);
        }
    }

    public String html(ValidationReport report) {
        return page.data("report", report).render();
    }
}
