package org.alliancepulse.session.dyad;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.alliancepulse.platform.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A client and the therapist they are assigned to, as last announced by intake-service: assigned, reassigned,
 * and whether their episode of care has ended. Events are applied by their own times, so one arriving late
 * changes nothing it should not.
 */
@Entity
public class Dyad extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    /** Optimistic lock: a concurrent change of the same row fails (409) instead of silently overwriting. */
    @Version
    public long version;

    @Column(name = "client_code")
    public String clientCode;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "therapist_id")
    public UUID therapistId;

    /** When the therapist last changed (first assignment or reassignment), as intake-service dated it. */
    @Column(name = "assigned_at")
    public Instant assignedAt;

    /**
     * The client's current (or last) episode of care, as intake announced it; for assignments announced without one
     * (before episodes existed), an id derived from the client and the assignment
     * ({@link org.alliancepulse.contracts.intake.ClientAssigned#episodeOrDerived}).
     */
    @Column(name = "episode_id")
    public UUID episodeId;

    /** When the episode of care was closed; null while it runs. */
    @Column(name = "episode_closed_at")
    public Instant episodeClosedAt;

    /**
     * The clinical end of the closed episode, as intake dated it (its last day of care); null while it runs, and for
     * episodes closed before this was kept.
     */
    /** The day the current therapist took over, as staff gave it in intake; null when none was given. */
    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "episode_end_date")
    public LocalDate episodeEndDate;

    /** When intake erased the client (right to erasure); null otherwise. Nothing more is recorded after it. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    public boolean episodeClosed() {
        return episodeClosedAt != null;
    }

    public boolean erased() {
        return erasedAt != null;
    }

    /**
     * @throws ProblemException 409 once the client was erased: nothing more is
     *         collected from or recorded about them
     */
    public void requireNotErased() {
        if (erased()) {
            throw ProblemException.conflict("the client's record was erased at "
                    + "their request: nothing more is recorded about them");
        }
    }
}
