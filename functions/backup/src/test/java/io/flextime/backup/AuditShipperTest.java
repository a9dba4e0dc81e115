package io.flextime.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.backup.audit.AuditShipper;
import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every audit row reaches the audit bucket exactly once, in shipments chained by SHA-256, including a row
 * whose transaction was still open when an earlier shipment ran (it is shipped once it is final).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class AuditShipperTest {
    @Inject
    AuditShipper shipper;
    @Inject
    AuditTrail audit;
    @Inject
    ObjectStore objects;
    @Inject
    ObjectMapper mapper;

    @Test
    void everyRowIsShippedOnceEvenOneOfALateTransaction() throws Exception {
        Actor actor = Actor.function("backup", "test", "ship-" + UUID.randomUUID());
        shipper.ship(actor); // whatever other tests left
        String tenant = "shiptest-" + UUID.randomUUID().toString().substring(0, 8);
        audit.operation(tenant, actor, AuditTrail.OK, "n", 1).await().indefinitely();
        List<String> shipped = new ArrayList<>();
        try (Connection open = TestDatabase.owner()) {
            // a transaction that writes its audit row and stays open across a shipment
            open.setAutoCommit(false);
            open.createStatement().execute("SELECT set_config('flextime.tenant', '" + tenant + "', true)");
            open.createStatement().execute("INSERT INTO audit_event (tenant, subject, via, action, outcome, correlation_id) "
                    + "VALUES ('" + tenant + "', 'late', 'internal', 'test', 'ok', '" + actor.correlationId() + "')");
            AuditShipper.Shipment first = shipper.ship(actor);
            shipped.addAll(lines(first, tenant));
            open.commit();
        }
        audit.operation(tenant, actor, AuditTrail.OK, "n", 3).await().indefinitely();
        AuditShipper.Shipment second = shipper.ship(actor);
        shipped.addAll(lines(second, tenant));
        shipped.addAll(lines(shipper.ship(actor), tenant));

        assertEquals(List.of("function:backup", "function:backup", "late"), shipped.stream().sorted().toList(),
                "each of the tenant's rows once: " + shipped);
        try (Connection c = TestDatabase.owner(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM backup_audit_shipment s JOIN backup_audit_shipment p ON p.id = (SELECT max(id) FROM "
                        + "backup_audit_shipment WHERE id < s.id) WHERE s.previous_sha256 IS DISTINCT FROM p.sha256")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "each shipment names the one before it");
        }
        byte[] body = objects.getBytes("flextime-audit", second.objectKey());
        assertEquals(second.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
    }

    /** The subjects of the tenant's rows in a shipment's object. */
    private List<String> lines(AuditShipper.Shipment s, String tenant) throws Exception {
        List<String> out = new ArrayList<>();
        if (s.objectKey() == null) {
            return out;
        }
        for (String line : new String(objects.getBytes("flextime-audit", s.objectKey()), StandardCharsets.UTF_8).split("\n")) {
            JsonNode row = mapper.readTree(line);
            assertTrue(row.has("id") && row.has("txid"), line);
            if (tenant.equals(row.get("tenant").asText())) {
                out.add(row.get("subject").asText());
            }
        }
        return out;
    }
}
