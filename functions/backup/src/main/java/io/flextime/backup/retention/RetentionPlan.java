package io.flextime.backup.retention;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * Which backups retention keeps (with why) and which it deletes. {@code dryRun} plans are only
 * listed; otherwise {@code deleted} holds what was removed.
 */
@RegisterForReflection
public record RetentionPlan(boolean dryRun, Map<String, List<String>> keep, List<String> delete, List<String> deleted) {
}
