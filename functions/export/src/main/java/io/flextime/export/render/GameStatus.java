package io.flextime.export.render;

/** A published game is on (CONFIRMED) or was removed from the schedule after being published (CANCELLED). */
public enum GameStatus { CONFIRMED, CANCELLED }
