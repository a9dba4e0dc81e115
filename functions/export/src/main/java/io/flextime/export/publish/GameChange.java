package io.flextime.export.publish;

import io.flextime.export.render.PublishedGame;

/**
 * What happened to one game since the previously published version, for partners that update
 * incrementally. {@code before} is the previous placement of a moved game.
 */
public record GameChange(String type, PublishedGame game, PublishedGame before) {
    public static final String ADDED = "game.added";
    public static final String MOVED = "game.moved";
    public static final String REMOVED = "game.removed";
}
