package io.flextime.export.render;

/** One rendered export file; {@code name} is relative to the version's folder (e.g. calendar/kansas.ics). */
public record RenderedFile(String name, String format, String contentType, byte[] bytes) {
}
