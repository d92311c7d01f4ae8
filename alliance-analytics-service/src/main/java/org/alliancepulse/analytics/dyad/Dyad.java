package org.alliancepulse.analytics.dyad;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A client and a therapist within one episode of care: the unit every rule and alert belongs to. A reassignment
 * ends one dyad and begins the next; the client's earlier dyads stay readable.
 */
@Entity
public class Dyad extends PanacheEntityBase {

    /** Why a dyad ended. */
    public enum EndReason {
        /** the client moved to another therapist within the episode ({@link #reassignmentReason} says why) */
        REASSIGNED,
        /** the episode of care ended */
        EPISODE_CLOSED
    }

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "episode_id")
    public UUID episodeId;

    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "client_code")
    public String clientCode;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public EndReason endReason;

    /** FIT, AVAILABILITY, CLIENT_REQUEST or OTHER, for a dyad that ended in a reassignment. */
    @Column(name = "reassignment_reason")
    public String reassignmentReason;

    /** The same id in every consumer and every rebuild: derived from client, episode and therapist. */
    public static UUID idOf(UUID clientId, UUID episodeId, UUID therapistId) {
        return UUID.nameUUIDFromBytes(("dyad " + clientId + " " + episodeId + " " + therapistId)
                .getBytes(StandardCharsets.UTF_8));
    }

    public boolean ended() {
        return endedAt != null;
    }

    /** The dyads of this client with this therapist, earliest first. */
    public static List<Dyad> ofPair(UUID clientId, UUID therapistId) {
        return list("clientId = ?1 and therapistId = ?2 order by startedAt", clientId, therapistId);
    }

    /** The client's dyads, earliest first. */
    public static List<Dyad> ofClient(UUID clientId) {
        return list("clientId = ?1 order by startedAt", clientId);
    }

    /** The dyad of this client with this therapist that had begun by {@code at}: the latest such. */
    public static Dyad at(UUID clientId, UUID therapistId, Instant at) {
        return Dyad.<Dyad>find("clientId = ?1 and therapistId = ?2 and startedAt <= ?3 order by startedAt desc",
                clientId, therapistId, at).firstResult();
    }
}
