package io.flextime.validate.quarantine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.model.DatasetVersion;
import io.flextime.core.model.HistoricalGame;
import io.flextime.core.model.Season;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.validate.store.QuarantineStore;
import io.flextime.validate.version.VersionValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Quarantined records: list, correct (or drop), and replay. Versions are immutable, so a replay makes
 * a new version from the old one plus its corrections and validates that; the same corrections
 * replayed twice find the version made the first time (its checksum derives from them).
 */
@ApplicationScoped
public class QuarantineService {
    private final TenantDb db;
    private final QuarantineStore store;
    private final SeasonRepository seasons;
    private final VersionValidator validator;
    private final ObjectMapper mapper;
    private final Corrections corrections;
    private final AuditTrail audit;

    public QuarantineService(TenantDb db, QuarantineStore store, SeasonRepository seasons, VersionValidator validator,
            ObjectMapper mapper, AuditTrail audit) {
        this.audit = audit;
        this.db = db;
        this.store = store;
        this.seasons = seasons;
        this.validator = validator;
        this.mapper = mapper;
        this.corrections = new Corrections(mapper);
    }

    /** The result of a replay: the corrected version and its validation. */
    public record Replay(UUID versionId, boolean reused, VersionValidator.Outcome validation) {
    }

    public List<QuarantinedRecord> list(String tenant, UUID version, String status, int limit) {
        return db.inTenantBlocking(tenant, c -> store.list(c, version, status, Math.max(1, Math.min(limit, 10_000))));
    }

    public QuarantinedRecord correct(String tenant, UUID id, JsonNode record, boolean drop, Actor actor) {
        QuarantinedRecord q = db.inTenantBlocking(tenant, c -> store.find(c, id))
                .orElseThrow(() -> new ProblemException(Problem.notFound("quarantined record " + id)));
        if (QuarantinedRecord.REPLAYED.equals(q.status())) {
            throw new ProblemException(Problem.of(409, "already-replayed", "Conflict", "Record " + id
                    + " was replayed into version " + q.replayedVersionId() + "; correct the new version's records instead"));
        }
        if (!drop) {
            if (record == null || record.isNull()) {
                throw new ProblemException(Problem.badRequest("missing-record", "Send the corrected record, or drop: true"));
            }
            corrections.read(q, record);
        }
        return db.inTenantBlocking(tenant, c -> store.correct(c, id, drop ? null : record, drop)
                .call(() -> audit.record(c, tenant, actor, AuditTrail.OK, "quarantineId", id, "versionId", q.versionId(),
                        "entity", q.entity(), "entityId", q.entityId(), "dropped", drop))).orElseThrow();
    }

    public Replay replay(String tenant, UUID version, String correlationId, Actor actor) {
        List<QuarantinedRecord> fixes = db.inTenantBlocking(tenant, c -> store.list(c, version, null, Integer.MAX_VALUE)).stream()
                .filter(q -> QuarantinedRecord.CORRECTED.equals(q.status()) || QuarantinedRecord.DROPPED.equals(q.status()))
                .toList();
        if (fixes.isEmpty()) {
            throw new ProblemException(Problem.of(409, "nothing-to-replay", "Conflict",
                    "Version " + version + " has no corrected or dropped quarantined records"));
        }
        DatasetVersion old = db.inTenantBlocking(tenant, c -> seasons.find(c, version))
                .orElseThrow(() -> new ProblemException(Problem.notFound("dataset version " + version)));
        Season season = db.inTenantBlocking(tenant, c -> seasons.loadSeason(c, version)).orElseThrow();
        Season corrected = corrections.apply(season, fixes);
        List<HistoricalGame> games = fixes.stream()
                .filter(q -> "historical_game".equals(q.entity()) && QuarantinedRecord.CORRECTED.equals(q.status()))
                .map(q -> withRow((HistoricalGame) corrections.read(q, q.correction()), q.row())).toList();
        String checksum = checksum(old.checksum(), fixes);
        Optional<DatasetVersion> existing = db.inTenantBlocking(tenant, c -> seasons.findByChecksum(c, tenant, checksum));
        UUID next = existing.map(DatasetVersion::id).orElseGet(UUID::randomUUID);
        if (existing.isEmpty()) {
            ObjectNode delta = mapper.createObjectNode().put("correctedFrom", version.toString());
            fixes.forEach(q -> delta.withArray("corrections").addObject().put("entity", q.entity()).put("id", q.entityId())
                    .put("status", q.status()));
            SeasonRepository.NewVersion nv = new SeasonRepository.NewVersion(next, tenant, checksum, "correction",
                    "replay:" + version, old.rawObjectKey(), old.counts(), delta, correlationId);
            db.inTenantBlocking(tenant, c -> seasons.insert(c, nv, corrected)
                    .chain(() -> store.copyHistorical(c, version, next, fixes, games))
                    .chain(() -> store.markReplayed(c, version, next))
                    .call(() -> audit.record(c, tenant, actor, AuditTrail.OK, "versionId", version, "newVersionId", next,
                            "corrections", fixes.size())));
        }
        return new Replay(next, existing.isPresent(), validator.revalidate(tenant, next, correlationId, actor));
    }

    private static HistoricalGame withRow(HistoricalGame g, Long row) {
        return new HistoricalGame(row, g.season(), g.date(), g.homeTeam(), g.awayTeam(), g.homeScore(), g.awayScore(), g.venueId(),
                g.neutral());
    }

    private String checksum(String base, List<QuarantinedRecord> fixes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(base.getBytes(StandardCharsets.UTF_8));
            for (QuarantinedRecord q : fixes) {
                sha.update((q.entity() + '\u0000' + q.entityId() + '\u0000' + q.status() + '\u0000'
                        + mapper.writeValueAsString(q.correction())).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
