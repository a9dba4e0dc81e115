package io.flextime.core.security;

import io.flextime.core.audit.Actor;

/**
 * The verified caller of one door invocation: the tenant the door acts for (the token's; null for an
 * event delivered by AWS, whose tenant is in the event) and who acts (for the audit trail).
 */
public record Caller(String tenant, Actor actor) {
}
