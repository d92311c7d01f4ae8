package org.alliancepulse.session.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.alliancepulse.contracts.session.SessionScheduled;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.session.dyad.Dyad;
import org.alliancepulse.session.dyad.DyadAccess;

/** Booking sessions: who may, which number, what is published. Runs inside the caller's transaction. */
@RequestScoped
public class SessionCommands {

    @Inject
    Outbox outbox;

    @Inject
    DyadAccess access;

    /**
     * @param scheduledAt when it is (or was) to start, at the offset it was booked with (which dates it): past
     *        sessions are recorded after the fact too
     * @param number its number in the client's episode of care, or null for the next one
     */
    public Session schedule(UUID clientId, OffsetDateTime scheduledAt, Integer number) {
        Dyad dyad = access.requireActFor(clientId);
        dyad.requireNotErased();
        if (dyad.episodeClosed() && (dyad.episodeEndDate == null
                || scheduledAt.toLocalDate().isAfter(dyad.episodeEndDate))) {
            // a session held up to the episode's last day is part of its care, entered afterwards (a history, or a
            // discharge entered before the last sessions): taken, as their attendance and answers are
            throw ProblemException.conflict("the client's episode of care has ended"
                    + (dyad.episodeEndDate == null ? "" : " (its last day was " + dyad.episodeEndDate
                            + "; sessions up to that day may still be entered)")
                    + "; a new episode must begin (a new assignment in intake) before later sessions are booked");
        }
        if (dyad.startDate != null && scheduledAt.toLocalDate().isBefore(dyad.startDate)) {
            // the day staff gave for the therapist's start bounds the course as its end does (outside probe: a
            // session of 1999 entered the series of a course begun in 2026); without a day given, none is known
            throw ProblemException.conflict("the client's care with their current therapist began on "
                    + dyad.startDate + " (the day given in intake); a session before it is not part of this course: "
                    + "check the date, or enter the earlier therapist's sessions before the change of therapist");
        }
        // bookings for one client are numbered one at a time: without the dyad's row lock two concurrent bookings
        // read the same last number and the second failed on the unique number (a 500, found by the load benchmark)
        Dyad.getEntityManager().lock(dyad, LockModeType.PESSIMISTIC_WRITE);
        int sessionNumber = number != null ? number : Session.lastNumberOf(dyad.clientId, dyad.episodeId) + 1;
        if (number != null && Session.numberTaken(dyad.clientId, dyad.episodeId, number)) {
            throw ProblemException.conflict("this client's episode of care already has a session number " + number);
        }
        // the same booking sent twice (without an Idempotency-Key) must not make two sessions of one hour: a client is
        // in one session at a time (outside probe: three 201s for one moment). A cancelled one frees its time.
        Session.heldAt(dyad.clientId, scheduledAt.toInstant()).ifPresent(same -> {
            throw ProblemException.conflict("this client already has session " + same.sessionNumber + " at "
                    + scheduledAt + " (" + same.id + "); book another time, or cancel that one first");
        });
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.clientId = dyad.clientId;
        session.therapistId = dyad.therapistId;
        session.clinicId = dyad.clinicId;
        session.schedule(scheduledAt);
        session.episodeId = dyad.episodeId;
        session.sessionNumber = sessionNumber;
        session.status = Session.Status.SCHEDULED;
        session.createdAt = Instant.now();
        session.persist();
        outbox.publish(new SessionScheduled(session.id, session.clientId, session.therapistId, session.clinicId,
                session.sessionDate, session.sessionNumber, session.scheduledAt, session.episodeId, dyad.clientCode));
        return session;
    }

    /** A day without a time, as the walking skeleton booked: the session starts at midnight UTC of that day. */
    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
