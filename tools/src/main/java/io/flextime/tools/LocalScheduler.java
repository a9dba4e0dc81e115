package io.flextime.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Plays EventBridge Scheduler locally: fires each schedule of a table at the aligned instants of its
 * period (e.g. every minute on the minute) by POSTing the "Scheduled Event" JSON AWS would deliver to
 * the function's HTTP entry point. The event's {@code time} is the scheduled instant, so a function
 * that keys idempotency on it sees the same window as in AWS.
 *
 * Each request carries a fresh token of a platform operator (tenant {@code flextime}, role operator) from
 * the local identity provider: over HTTP the schedule doors are guarded like any other (in AWS,
 * EventBridge invokes the Lambdas directly and IAM decides).
 *
 * Table lines: {@code <period-seconds> <schedule-name> <url>}; '#' starts a comment.
 * Usage: LocalScheduler TABLE_FILE IDENTITY_DIR
 */
public class LocalScheduler {
    record Schedule(long periodSeconds, String name, URI url) {
    }

    static final String PLATFORM_TENANT = "flextime";

    public static void main(String[] args) throws Exception {
        List<Schedule> schedules = read(Path.of(args[0]));
        LocalIdentity identity = LocalIdentity.open(Path.of(args[1]));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long last = Instant.now().getEpochSecond();
        System.out.println("local scheduler: " + schedules.size() + " schedule(s)");
        while (true) {
            Thread.sleep(1000);
            long now = Instant.now().getEpochSecond();
            for (Schedule s : schedules) {
                for (long t : due(s.periodSeconds(), last, now)) {
                    fire(http, s, Instant.ofEpochSecond(t), identity.token("local-scheduler", PLATFORM_TENANT,
                            List.of("operator")).ttl(Duration.ofMinutes(5)).sign());
                }
            }
            last = now;
        }
    }

    /** The aligned instants in (from, to] for a period. */
    static List<Long> due(long period, long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long t = (from / period + 1) * period; t <= to; t += period) {
            out.add(t);
        }
        return out;
    }

    static String event(String name, Instant time) {
        return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"account\":\"000000000000\",\"time\":\"" + time + "\","
                + "\"region\":\"us-east-1\",\"resources\":[\"arn:aws:scheduler:us-east-1:000000000000:schedule/default/"
                + name + "\"],\"detail\":{}}";
    }

    static void fire(HttpClient http, Schedule s, Instant time, String token) {
        HttpRequest request = HttpRequest.newBuilder(s.url()).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(event(s.name(), time))).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> System.out.println(
                time + " " + s.name() + " → " + (e != null ? "failed: " + e.getMessage() : "HTTP " + r.statusCode())));
    }

    static List<Schedule> read(Path table) throws IOException {
        List<Schedule> out = new ArrayList<>();
        for (String line : Files.readAllLines(table)) {
            String l = line.replaceFirst("#.*", "").trim();
            if (!l.isEmpty()) {
                String[] f = l.split("\\s+");
                out.add(new Schedule(Long.parseLong(f[0]), f[1], URI.create(f[2])));
            }
        }
        return out;
    }
}
