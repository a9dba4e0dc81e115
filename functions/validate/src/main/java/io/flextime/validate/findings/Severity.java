package io.flextime.validate.findings;

/** ERROR blocks a season record (and the version, see README "Gate"); WARNING and INFO never do. */
public enum Severity {
    ERROR, WARNING, INFO
}
