package org.alliancepulse.session.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A client's answers to one instrument after one session, kept raw next to the scores computed from them. */
@Entity
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    public String instrument;

    /** The item answers as a JSON array, in item order. */
    public String answers;

    public BigDecimal total;

    /** Subscale scores as a JSON object. */
    public String subscales;

    /** The login of whoever entered the answers (staff, therapist, or the client's feedback link). */
    @Column(name = "entered_by")
    public String enteredBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    public static boolean exists(UUID sessionId, String instrument) {
        return count("sessionId = ?1 and instrument = ?2", sessionId, instrument) > 0;
    }
}
