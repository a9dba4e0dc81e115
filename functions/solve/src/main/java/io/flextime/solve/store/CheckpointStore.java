package io.flextime.solve.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.solve.job.Checkpoint;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The live part of a job in Redis: its checkpoint and its cancel flag (the lock key is here too, used
 * through core {@code RedisLock}). Keys carry the job id in a hash tag so a cluster keeps a job's keys
 * on one slot.
 */
@ApplicationScoped
public class CheckpointStore {
    private static final Logger LOG = Logger.getLogger(CheckpointStore.class);

    private final ValueCommands<String, String> values;
    private final RedisDataSource redis;
    private final ObjectMapper mapper;

    public CheckpointStore(RedisDataSource redis, ObjectMapper mapper) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.mapper = mapper;
    }

    public static String lockKey(UUID jobId) {
        return "flextime:solve:{" + jobId + "}:lock";
    }

    public static String checkpointKey(UUID jobId) {
        return "flextime:solve:{" + jobId + "}:checkpoint";
    }

    public static String cancelKey(UUID jobId) {
        return "flextime:solve:{" + jobId + "}:cancel";
    }

    public void save(Checkpoint checkpoint, Duration retention) {
        values.set(checkpointKey(checkpoint.jobId()), write(checkpoint), new SetArgs().px(retention));
    }

    /** The job's checkpoint; an unreadable one (e.g. written by an incompatible version) counts as none. */
    public Optional<Checkpoint> load(UUID jobId) {
        String json = values.get(checkpointKey(jobId));
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(json, Checkpoint.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("ignoring unreadable checkpoint of job %s: %s", jobId, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    public void delete(UUID jobId) {
        redis.key(String.class).del(checkpointKey(jobId), cancelKey(jobId));
    }

    /** Asks whichever process runs the job to stop; kept a day so a job queued elsewhere still sees it. */
    public void requestCancel(UUID jobId) {
        values.set(cancelKey(jobId), "1", new SetArgs().px(Duration.ofDays(1)));
    }

    public boolean cancelRequested(UUID jobId) {
        return values.get(cancelKey(jobId)) != null;
    }

    private String write(Checkpoint checkpoint) {
        try {
            return mapper.writeValueAsString(checkpoint);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
