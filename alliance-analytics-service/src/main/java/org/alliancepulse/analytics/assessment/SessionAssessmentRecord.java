package org.alliancepulse.analytics.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What the rules said after one session of a dyad: the series a therapist sees beside the scores. */
@Entity
@Table(name = "session_assessment")
public class SessionAssessmentRecord extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "dyad_id")
    public UUID dyadId;

    @Column(name = "session_number")
    public int sessionNumber;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    public String attendance;

    @Column(name = "alliance_index")
    public Double allianceIndex;

    /** The LOW_ALLIANCE flag: shown on the session, never emailed. */
    @Column(name = "low_alliance")
    public boolean lowAlliance;

    @Column(name = "rupture_state")
    public String ruptureState;

    /** Pillars that fell, comma-separated (BOND, GOALS, TASKS). */
    public String pillars;

    @Column(name = "fit_concern")
    public boolean fitConcern;

    @Column(name = "risk_score")
    public double riskScore;

    /** Every factor of the risk model with its value, weight and contribution, as JSON. */
    @Column(name = "risk_factors")
    public String riskFactors;

    public static List<SessionAssessmentRecord> ofDyad(UUID dyadId) {
        return list("dyadId = ?1 order by sessionNumber, scheduledAt", dyadId);
    }
}
