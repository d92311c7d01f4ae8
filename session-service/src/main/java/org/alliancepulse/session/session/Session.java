package org.alliancepulse.session.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.session.attendance.Outcome;
import org.alliancepulse.session.dyad.Dyad;
import org.alliancepulse.session.dyad.DyadAccess;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One therapy session of a dyad, and (once recorded) its one outcome. */
@Entity
public class Session extends PanacheEntityBase {

    /** SCHEDULED until an outcome is recorded; then the outcome. */
    public enum Status {
        SCHEDULED, ATTENDED, NO_SHOW, CANCELLED_BY_CLIENT, CANCELLED_BY_CLINIC;

        public static Status of(Outcome outcome) {
            return valueOf(outcome.name());
        }

        /** @return the recorded outcome, empty while SCHEDULED */
        public java.util.Optional<Outcome> outcome() {
            return this == SCHEDULED ? java.util.Optional.empty() : java.util.Optional.of(Outcome.valueOf(name()));
        }
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

    /**
     * The day of {@link #scheduledAt} where the session is held: the date at the offset it was booked with (until
     * this version the date in UTC, which put an evening session in the Americas on the next day).
     */
    @Column(name = "session_date")
    public LocalDate sessionDate;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    /** The episode of care the session was booked in: its numbers count within it. */
    @Column(name = "episode_id")
    public UUID episodeId;

    /** 1, 2, ... in the episode of care; unique per client and episode. */
    @Column(name = "session_number")
    public int sessionNumber;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** For a client's cancellation: whether it came late. Null otherwise. */
    @Column(name = "cancelled_late")
    public Boolean cancelledLate;

    @Column(name = "outcome_recorded_at")
    public Instant outcomeRecordedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public void schedule(OffsetDateTime at) {
        scheduledAt = at.toInstant();
        sessionDate = at.toLocalDate();
    }

    /** @return the highest session number of this client's episode so far, 0 for none */
    public static int lastNumberOf(UUID clientId, UUID episodeId) {
        Integer last = getEntityManager()
                .createQuery("select max(s.sessionNumber) from Session s where s.clientId = ?1 and s.episodeId = ?2",
                        Integer.class)
                .setParameter(1, clientId).setParameter(2, episodeId).getSingleResult();
        return last == null ? 0 : last;
    }

    /** The client's session that is to take (or took) place at that very moment, if any; cancelled ones do not count. */
    public static Optional<Session> heldAt(UUID clientId, Instant at) {
        return find("clientId = ?1 and scheduledAt = ?2 and status not in ?3", clientId, at,
                List.of(Status.CANCELLED_BY_CLIENT, Status.CANCELLED_BY_CLINIC)).firstResultOptional();
    }

    public static boolean numberTaken(UUID clientId, UUID episodeId, int number) {
        return count("clientId = ?1 and episodeId = ?2 and sessionNumber = ?3", clientId, episodeId, number) > 0;
    }

    /**
     * @throws ProblemException 404 when unknown or when the caller may not change it; 409 when the client was
     *         erased (nothing more is recorded about them)
     */
    public static Session findAccessible(UUID id, DyadAccess access) {
        Session session = find(id);
        access.requireActFor(session.clientId, session.clinicId, session.therapistId);
        session.requireClientNotErased();
        return session;
    }

    /**
     * Locks this session's row until the transaction ends, and reads it again as it now is. Whether a session took
     * place is its outcome and its answers together: recording a no-show and recording answers each take this lock
     * before they look at the other, so two requests at once cannot leave a no-show with the client's answers (the
     * answers do not change the row, so its version alone would not tell). Call before changing the entity.
     */
    public void lockForOutcomeOrAnswers() {
        var entityManager = getEntityManager();
        // once locked in this transaction the row is ours: reading it again would drop what this transaction changed
        // (outside probe: a link's second instrument read the session back as unrecorded and announced its
        // attendance a second time)
        if (entityManager.getLockMode(this) != jakarta.persistence.LockModeType.PESSIMISTIC_WRITE) {
            entityManager.refresh(this, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /** @throws ProblemException 409 once intake erased the client (right to erasure): nothing more is recorded */
    public void requireClientNotErased() {
        Dyad dyad = Dyad.findById(clientId);
        if (dyad != null) {
            dyad.requireNotErased();
        }
    }

    /** @throws ProblemException 404 when unknown or when the caller may not read it */
    public static Session findReadable(UUID id, DyadAccess access) {
        Session session = find(id);
        access.requireRead(session.clientId, session.clinicId);
        return session;
    }

    /**
     * A client's sessions, in the order they were held: for admins and the clinic's staff, and for the therapist
     * the client is assigned to now (the whole course, earlier therapists' sessions too).
     *
     * @throws ProblemException 404 for a client unknown here, or one the caller may not read (another clinic's,
     *         another therapist's, a former therapist's: answered alike)
     */
    public static java.util.List<Session> ofClientReadable(UUID clientId, DyadAccess access) {
        java.util.List<Session> all = Session.<Session>list("clientId = ?1 order by scheduledAt, sessionNumber",
                clientId);
        Dyad dyad = Dyad.findById(clientId);
        String clinicId = dyad != null ? dyad.clinicId : all.isEmpty() ? null : all.get(0).clinicId;
        if (clinicId == null) {
            throw ProblemException.notFound("no such client for you");
        }
        if (!access.mayRead(clientId, clinicId)) {
            throw ProblemException.outOfScope("no such client for you");
        }
        return all;
    }

    private static Session find(UUID id) {
        Session session = findById(id);
        if (session == null) {
            throw ProblemException.notFound("no such session or client for you");
        }
        return session;
    }
}
