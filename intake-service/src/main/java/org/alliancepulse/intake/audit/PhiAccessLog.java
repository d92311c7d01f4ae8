package org.alliancepulse.intake.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** One read or write of a client's PHI: who, what, when. Written in the same transaction as the access. */
@Entity
@Table(name = "phi_access_log")
public class PhiAccessLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "accessed_at")
    public Instant accessedAt;

    /** The login of the person who accessed. */
    public String actor;

    /**
     * What was done: {@code REGISTER}, {@code READ}, {@code LIST}, {@code ASSIGN}, {@code REASSIGN},
     * {@code DISCHARGE}, {@code NEW_EPISODE}, {@code MATCH}, {@code EXPORT}, {@code ERASE}.
     */
    public String action;

    @Column(name = "client_id")
    public UUID clientId;

    public static void record(String actor, String action, UUID clientId) {
        PhiAccessLog entry = new PhiAccessLog();
        // to the microsecond, as the database keeps it: the export that records itself shows the time the audit does
        entry.accessedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        entry.actor = actor;
        entry.action = action;
        entry.clientId = clientId;
        entry.persist();
    }

    public static List<PhiAccessLog> ofClient(UUID clientId) {
        return list("clientId", Sort.by("accessedAt").and("id"), clientId);
    }

    /** Newest first; every filter is optional. */
    public static PanacheQuery<PhiAccessLog> search(UUID clientId, String actor, Instant from, Instant to) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (clientId != null) {
            query.append(" and clientId = :client");
            params.put("client", clientId);
        }
        if (actor != null) {
            query.append(" and actor = :actor");
            params.put("actor", actor);
        }
        if (from != null) {
            query.append(" and accessedAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            query.append(" and accessedAt < :to");
            params.put("to", to);
        }
        return find(query.toString(), Sort.descending("accessedAt").and("id", Sort.Direction.Descending), params);
    }
}
