package org.alliancepulse.session.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A client's answers to one instrument after one session, kept raw next to the scores computed from them. One per
 * session and instrument; a correction replaces the answers and keeps the replaced ones as a {@link FeedbackRevision}.
 */
@Entity
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Optimistic lock: two concurrent corrections cannot both win. */
    @Version
    public long version;

    @Column(name = "session_id")
    public UUID sessionId;

    public String instrument;

    /** The item answers as a JSON array, in item order. */
    public String answers;

    public BigDecimal total;

    /** Subscale scores as a JSON object. */
    public String subscales;

    /** The total on 0-100, for alliance instruments. */
    @Column(name = "alliance_index")
    public BigDecimal allianceIndex;

    /** The login of whoever entered the answers (staff, therapist), or {@code client-link}. */
    @Column(name = "entered_by")
    public String enteredBy;

    /** When the client gave the answers (a past time for answers entered later from paper). */
    @Column(name = "given_at")
    public Instant givenAt;

    /** When this service received them. */
    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "corrected_at")
    public Instant correctedAt;

    public static boolean exists(UUID sessionId, String instrument) {
        return count("sessionId = ?1 and instrument = ?2", sessionId, instrument) > 0;
    }

    public static Optional<Feedback> of(UUID sessionId, String instrument) {
        return find("sessionId = ?1 and instrument = ?2", sessionId, instrument).firstResultOptional();
    }
}
