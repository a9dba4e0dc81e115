package io.flextime.core.security;

import static io.flextime.core.security.Role.OPERATOR;
import static io.flextime.core.security.Role.PUBLISHER;
import static io.flextime.core.security.Role.SCHEDULER;
import static io.flextime.core.security.Role.VIEWER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every door of every function and who may pass it: the one authorization table (DESIGN §10). Each
 * {@code @Funq} method names its row with {@link Guard}; {@link DoorGuard} enforces it; the matrix tests
 * and the README's table are derived from it. A new door is a new row (a test fails for a {@code @Funq}
 * without one).
 *
 * <ul>
 * <li>{@link Scope#TENANT}: acts on the token's tenant only (a body naming another tenant is refused);
 * {@link Scope#PLATFORM}: acts on every tenant's data (backups, the schedules, event batches), so it
 * needs a token of the platform tenant ({@code flextime.security.platform-tenant}).</li>
 * <li>{@link Trigger#HTTP}: reached over HTTP only; {@link Trigger#EVENT}: AWS invokes it directly
 * (S3, MSK, EventBridge: no token, IAM decides who may invoke the Lambda), and over HTTP it is guarded
 * like any other door (the local stack plays the cloud's part with a token).</li>
 * <li>{@link Effect#MUTATION}: changes state; every invocation leaves an audit record.</li>
 * </ul>
 */
public enum Door {
    // ingest
    INGEST("ingest", "ingest", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, SCHEDULER),
    INGEST_UPLOAD("ingest", "ingestUpload", Scope.TENANT, Effect.MUTATION, Trigger.EVENT, SCHEDULER),
    INGEST_REQUESTED("ingest", "ingestRequested", Scope.PLATFORM, Effect.MUTATION, Trigger.EVENT, OPERATOR),
    PIPELINE_RUNS("ingest", "pipelineRuns", Scope.TENANT, Effect.READ, Trigger.HTTP, VIEWER, SCHEDULER, PUBLISHER, OPERATOR),
    PIPELINE_RUN("ingest", "pipelineRun", Scope.TENANT, Effect.READ, Trigger.HTTP, VIEWER, SCHEDULER, PUBLISHER, OPERATOR),
    AUDIT_EVENTS("ingest", "auditEvents", Scope.TENANT, Effect.READ, Trigger.HTTP, OPERATOR),
    REGISTER_TENANT("ingest", "registerTenant", Scope.PLATFORM, Effect.MUTATION, Trigger.HTTP, OPERATOR),

    // validate
    DATASET_INGESTED("validate", "datasetIngested", Scope.PLATFORM, Effect.MUTATION, Trigger.EVENT, OPERATOR),
    REVALIDATE("validate", "revalidate", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, SCHEDULER),
    VALIDATION_REPORT("validate", "validationReport", Scope.TENANT, Effect.READ, Trigger.HTTP, VIEWER, SCHEDULER, PUBLISHER, OPERATOR),
    QUARANTINED("validate", "quarantined", Scope.TENANT, Effect.READ, Trigger.HTTP, VIEWER, SCHEDULER, PUBLISHER, OPERATOR),
    CORRECT_QUARANTINED("validate", "correctQuarantined", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, SCHEDULER),
    REPLAY_QUARANTINE("validate", "replayQuarantine", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, SCHEDULER),

    // solve
    START_SOLVE("solve", "startSolve", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, SCHEDULER),
    SOLVE_STATUS("solve", "solveStatus", Scope.TENANT, Effect.READ, Trigger.HTTP, VIEWER, SCHEDULER, PUBLISHER, OPERATOR),
    CANCEL_SOLVE("solve", "cancelSolve", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, SCHEDULER),
    CONTINUE_SOLVE("solve", "continueSolve", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, SCHEDULER),
    SOLVE_FROM_KAFKA("solve", "solveFromKafka", Scope.PLATFORM, Effect.MUTATION, Trigger.EVENT, OPERATOR),

    // the scheduler's workflow (issue 21): drafts, edits, re-plans, publication
    SCHEDULE_VERSIONS("export", "scheduleVersions", Scope.TENANT, Effect.READ, Trigger.HTTP, VIEWER, SCHEDULER, PUBLISHER, OPERATOR),
    PUBLISH_SCHEDULE("export", "publishSchedule", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, PUBLISHER),
    REPLAN("solve", "replan", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, SCHEDULER),
    EDIT_DRAFT("solve", "editDraft", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, SCHEDULER),

    // export
    EXPORTS("export", "exports", Scope.TENANT, Effect.READ, Trigger.HTTP, VIEWER, SCHEDULER, PUBLISHER, OPERATOR),
    TEAM_FILES("export", "teamFiles", Scope.TENANT, Effect.READ, Trigger.HTTP, VIEWER, SCHEDULER, PUBLISHER, OPERATOR),
    SCHEDULE_REPORT("export", "scheduleReport", Scope.TENANT, Effect.READ, Trigger.HTTP, VIEWER, SCHEDULER, PUBLISHER, OPERATOR),
    COMPARE_SCHEDULES("export", "compareSchedules", Scope.TENANT, Effect.READ, Trigger.HTTP, VIEWER, SCHEDULER, PUBLISHER, OPERATOR),
    SUBSCRIBE("export", "subscribe", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, PUBLISHER),
    SUBSCRIPTIONS("export", "subscriptions", Scope.TENANT, Effect.READ, Trigger.HTTP, VIEWER, SCHEDULER, PUBLISHER, OPERATOR),
    ROTATE_SECRET("export", "rotateSecret", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, PUBLISHER),
    SET_SUBSCRIPTION_ENABLED("export", "setSubscriptionEnabled", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, PUBLISHER),
    DELIVERIES("export", "deliveries", Scope.TENANT, Effect.READ, Trigger.HTTP, VIEWER, SCHEDULER, PUBLISHER, OPERATOR),
    DELIVERY("export", "delivery", Scope.TENANT, Effect.READ, Trigger.HTTP, VIEWER, SCHEDULER, PUBLISHER, OPERATOR),
    REPLAY_DELIVERY("export", "replayDelivery", Scope.TENANT, Effect.MUTATION, Trigger.HTTP, PUBLISHER),
    DELIVER_DUE_WEBHOOKS("export", "deliverDueWebhooks", Scope.PLATFORM, Effect.MUTATION, Trigger.EVENT, OPERATOR),
    ON_SCHEDULE_SOLVED("export", "onScheduleSolved", Scope.PLATFORM, Effect.MUTATION, Trigger.EVENT, OPERATOR),

    // backup: operator tools, never on the public API (infra/terraform)
    BACKUP_NOW("backup", "backupNow", Scope.PLATFORM, Effect.MUTATION, Trigger.HTTP, OPERATOR),
    LIST_BACKUPS("backup", "listBackups", Scope.PLATFORM, Effect.READ, Trigger.HTTP, OPERATOR),
    RESTORE("backup", "restore", Scope.PLATFORM, Effect.MUTATION, Trigger.HTTP, OPERATOR),
    VERIFY_BACKUP("backup", "verifyBackup", Scope.PLATFORM, Effect.MUTATION, Trigger.HTTP, OPERATOR),
    BACKUP_RETENTION("backup", "backupRetention", Scope.PLATFORM, Effect.MUTATION, Trigger.HTTP, OPERATOR),
    BACKUP_JOB("backup", "backupJob", Scope.PLATFORM, Effect.READ, Trigger.HTTP, OPERATOR),
    NIGHTLY_FULL_BACKUP("backup", "nightlyFullBackup", Scope.PLATFORM, Effect.MUTATION, Trigger.EVENT, OPERATOR),
    HOURLY_INCREMENTAL_BACKUP("backup", "hourlyIncrementalBackup", Scope.PLATFORM, Effect.MUTATION, Trigger.EVENT, OPERATOR),
    DAILY_BACKUP_VERIFY("backup", "dailyBackupVerify", Scope.PLATFORM, Effect.MUTATION, Trigger.EVENT, OPERATOR),
    DAILY_BACKUP_RETENTION("backup", "dailyBackupRetention", Scope.PLATFORM, Effect.MUTATION, Trigger.EVENT, OPERATOR),
    SHIP_AUDIT_TRAIL("backup", "shipAuditTrail", Scope.PLATFORM, Effect.MUTATION, Trigger.EVENT, OPERATOR),
    RUN_BACKUP_JOBS("backup", "runBackupJobs", Scope.PLATFORM, Effect.MUTATION, Trigger.EVENT, OPERATOR);

    public enum Scope { TENANT, PLATFORM }

    public enum Effect { READ, MUTATION }

    public enum Trigger { HTTP, EVENT }

    private final String function;
    private final String door;
    private final Scope scope;
    private final Effect effect;
    private final Trigger trigger;
    private final Set<Role> roles;

    Door(String function, String door, Scope scope, Effect effect, Trigger trigger, Role... roles) {
        this.function = function;
        this.door = door;
        this.scope = scope;
        this.effect = effect;
        this.trigger = trigger;
        this.roles = EnumSet.copyOf(Arrays.asList(roles));
    }

    /** The function (application) serving the door. */
    public String function() {
        return function;
    }

    /** The {@code @Funq} name: the HTTP path {@code /<name>} and the Lambda export. */
    public String door() {
        return door;
    }

    public Scope scope() {
        return scope;
    }

    public Effect effect() {
        return effect;
    }

    public Trigger trigger() {
        return trigger;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean mutating() {
        return effect == Effect.MUTATION;
    }

    /** Routed by the public API (API Gateway, JWT authorizer); every other door is reached by AWS or operators only. */
    public boolean publicApi() {
        return trigger == Trigger.HTTP && scope == Scope.TENANT;
    }

    public static List<Door> of(String function) {
        return Arrays.stream(values()).filter(d -> d.function.equals(function)).toList();
    }

    public static Optional<Door> find(String function, String door) {
        return Arrays.stream(values()).filter(d -> d.function.equals(function) && d.door.equals(door)).findFirst();
    }
}
