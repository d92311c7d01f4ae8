package org.alliancepulse.analytics.alliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One point of a dyad's alliance series. */
@Entity
@Table(name = "alliance_measurement")
public class AllianceMeasurement extends PanacheEntityBase {

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

    /** 0-100, comparable across instruments. */
    @Column(name = "alliance_index")
    public BigDecimal allianceIndex;

    @Column(name = "submitted_at")
    public Instant submittedAt;
}
