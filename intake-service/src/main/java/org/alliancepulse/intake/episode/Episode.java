package org.alliancepulse.intake.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.alliancepulse.contracts.intake.EpisodeClosed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One episode of care: from intake (or a client's return) to discharge. At most one is open per client. */
@Entity
public class Episode extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Optimistic lock: a concurrent change of the same row fails (409) instead of silently overwriting. */
    @Version
    public long version;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "opened_at")
    public Instant openedAt;

    /** The current (or, once closed, the last) therapist; {@code null} until the first assignment. */
    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Enumerated(EnumType.STRING)
    public EpisodeClosed.Ending ending;

    /** The clinical end, e.g. the last session attended; may lie before {@link #closedAt}. */
    @Column(name = "end_date")
    public LocalDate endDate;

    public boolean open() {
        return closedAt == null;
    }

    public static List<Episode> ofClient(UUID clientId) {
        return list("clientId = ?1 order by openedAt", clientId);
    }
}
