package org.alliancepulse.session.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Answers that a correction replaced, kept as they were. Never changed. */
@Entity
@Table(name = "feedback_revision")
public class FeedbackRevision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "feedback_id")
    public UUID feedbackId;

    public String answers;

    public BigDecimal total;

    public String subscales;

    @Column(name = "alliance_index")
    public BigDecimal allianceIndex;

    @Column(name = "entered_by")
    public String enteredBy;

    @Column(name = "given_at")
    public Instant givenAt;

    @Column(name = "replaced_at")
    public Instant replacedAt;

    @Column(name = "replaced_by")
    public String replacedBy;

    public static List<FeedbackRevision> of(UUID feedbackId) {
        return list("feedbackId = ?1 order by replacedAt", feedbackId);
    }
}
