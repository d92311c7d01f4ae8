package org.alliancepulse.analytics.dyad;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A client's episode of care as intake announced it: when it began, and how and when it ended. */
@Entity
@Table(name = "episode_of_care")
public class EpisodeOfCare extends PanacheEntityBase {

    @Id
    @Column(name = "episode_id")
    public UUID episodeId;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "client_code")
    public String clientCode;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** PLANNED, DROPOUT (the client stopped coming), ADMINISTRATIVE or REFERRED; null while the episode runs. */
    public String ending;

    /** The last day of care, as the clinic recorded it (may lie before {@link #closedAt}). */
    @Column(name = "end_date")
    public LocalDate endDate;
}
