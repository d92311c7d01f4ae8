package org.alliancepulse.session.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.session.dyad.DyadAccess;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One therapy session of a dyad. */
@Entity
public class Session extends PanacheEntityBase {

    public enum Status {
        SCHEDULED, ATTENDED, NO_SHOW, CANCELLED
    }

    @Id
    public UUID id;

    /** Optimistic lock: a concurrent change of the same row fails (409) instead of silently overwriting. */
    @Version
    public long version;

    @Column(name = "client_id")
    public UUID clientId;

    /** The therapist the client was assigned to when the session was booked. */
    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "session_date")
    public LocalDate sessionDate;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at")
    public Instant createdAt;

    /** @throws ProblemException 404 when unknown, 403 when the caller may not act for its dyad */
    public static Session findAccessible(UUID id, DyadAccess access) {
        Session session = findById(id);
        if (session == null) {
            throw ProblemException.notFound("no session with this id");
        }
        access.requireActFor(session.clinicId, session.therapistId);
        return session;
    }
}
