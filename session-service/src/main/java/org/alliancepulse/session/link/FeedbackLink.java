package org.alliancepulse.session.link;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A one-time link for a client's own answers to chosen instruments after one session. Keyed by the token's hash. */
@Entity
@Table(name = "feedback_link")
public class FeedbackLink extends PanacheEntityBase {

    /** SHA-256 of the token (hex); the token itself is never stored. */
    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    /** Two answers arriving at once: one wins, the other fails on the version. */
    @Version
    public long version;

    @Column(name = "session_id")
    public UUID sessionId;

    /** Instrument codes, comma-separated, in the order they are asked. */
    public String instruments;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /**
     * The client exercised the right to erasure: their links, used or not, are deleted, so a link still in their
     * mailbox opens nothing (404) and nothing more is collected from them.
     */
    public static long forgetClient(UUID clientId) {
        return delete("sessionId in (select s.id from Session s where s.clientId = ?1)", clientId);
    }

    public java.util.List<String> instrumentCodes() {
        return java.util.List.of(instruments.split(","));
    }
}
