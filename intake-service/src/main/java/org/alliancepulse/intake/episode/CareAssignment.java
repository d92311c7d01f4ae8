package org.alliancepulse.intake.episode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.alliancepulse.contracts.intake.ClientReassigned;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One dyad within an episode: a therapist treating the client from a start until a reassignment or discharge. */
@Entity
@Table(name = "care_assignment")
public class CareAssignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "episode_id")
    public UUID episodeId;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(name = "started_at")
    public Instant startedAt;

    /** The day staff gave for the start (a course entered afterwards); null when it began when entered. */
    @Column(name = "start_date")
    public java.time.LocalDate startDate;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** Set when a reassignment ended this dyad; {@code null} while current or when the episode closed. */
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public ClientReassigned.Reason endReason;

    public static List<CareAssignment> ofClient(UUID clientId) {
        return list("clientId = ?1 order by startedAt, id", clientId);
    }

    public static Optional<CareAssignment> current(UUID episodeId) {
        return find("episodeId = ?1 and endedAt is null", episodeId).firstResultOptional();
    }

    /** The therapist the client last left for poor fit, if any: matching ranks them last. */
    public static Optional<UUID> lastLeftForFit(UUID clientId) {
        return find("clientId = ?1 and endReason = ?2 order by endedAt desc", clientId, ClientReassigned.Reason.FIT)
                .<CareAssignment>firstResultOptional().map(a -> a.therapistId);
    }
}
