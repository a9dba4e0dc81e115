/**
 * The {@code data} of each event type, one record per type (see {@link io.flextime.events.EventType}).
 * Ids are opaque strings, times are {@link java.time.Instant}s (RFC 3339, UTC). Nullable components are
 * boxed and documented; null components are not written. Unknown properties are ignored on read, so
 * additive v1 changes do not break older consumers.
 */
package io.flextime.events.data;
