package org.alliancepulse.analytics.dyad;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One measure given after a session, as last corrected: an alliance measure (a point of the dyad's alliance series,
 * with its pillars) or an outcome measure (ORS).
 */
@Entity
@Table(name = "feedback_measure")
public class FeedbackMeasure extends PanacheEntityBase {

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "session_date")
    public LocalDate sessionDate;

    public String instrument;

    public BigDecimal total;

    /** 0-100, comparable across instruments; null for outcome measures. */
    @Column(name = "alliance_index")
    public BigDecimal allianceIndex;

    /** The pillars on 0-100 (null where the instrument has no such subscale or the event predates them). */
    @Column(name = "bond_index")
    public BigDecimal bondIndex;

    @Column(name = "goals_index")
    public BigDecimal goalsIndex;

    @Column(name = "tasks_index")
    public BigDecimal tasksIndex;

    /** When the answers were last corrected; null if never. */
    @Column(name = "corrected_at")
    public Instant correctedAt;

    public static List<FeedbackMeasure> ofSessions(Collection<UUID> sessionIds) {
        return sessionIds.isEmpty() ? List.of() : list("sessionId in ?1", sessionIds);
    }

    @Column(name = "submitted_at")
    public Instant submittedAt;
}
