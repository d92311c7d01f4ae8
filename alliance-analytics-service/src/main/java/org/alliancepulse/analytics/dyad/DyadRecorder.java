package org.alliancepulse.analytics.dyad;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.analytics.access.TherapistLogin;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.ClientReassigned;
import org.alliancepulse.contracts.intake.EpisodeClosed;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.contracts.session.FeedbackCorrected;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.contracts.session.SessionAttended;
import org.alliancepulse.contracts.session.SessionCancelled;
import org.alliancepulse.contracts.session.SessionNoShow;
import org.alliancepulse.contracts.session.SessionOutcomeCorrected;
import org.alliancepulse.contracts.session.SessionScheduled;
import org.alliancepulse.platform.inbox.EventHandlers;

/**
 * Writes what intake and session-service announced into the dyad state, one event at a time, in the rows it is given
 * (the database inside the inbox's transaction, or a rebuild's memory). Every method is an upsert that tolerates
 * order: a session's feedback may arrive before the assignment (another topic), an attendance before its scheduling
 * was seen, a correction after later sessions.
 */
public final class DyadRecorder {

    private final DyadRows rows;

    public DyadRecorder(DyadRows rows) {
        this.rows = rows;
    }

    /**
     * Recording only, for every type this state follows: what a rebuild folds before it assesses each dyad once
     * (the live consumers record and then assess the dyads each batch touched).
     */
    public EventHandlers recording() {
        return EventHandlers.on(EventTypes.CLIENT_ASSIGNED, this::assigned)
                .and(EventTypes.CLIENT_REASSIGNED, this::reassigned)
                .and(EventTypes.EPISODE_CLOSED, this::closed)
                .and(EventTypes.THERAPIST_REGISTERED, this::therapistRegistered)
                .and(EventTypes.CLINIC_REGISTERED, registered -> rows.clinicNamed(registered.clinicId(),
                        registered.name()))
                .and(EventTypes.CLINIC_UPDATED, updated -> rows.clinicNamed(updated.clinicId(), updated.name()))
                .and(EventTypes.SESSION_SCHEDULED, this::scheduled)
                .and(EventTypes.SESSION_ATTENDED, this::attended)
                .and(EventTypes.SESSION_NO_SHOW, this::noShow)
                .and(EventTypes.SESSION_CANCELLED, this::cancelled)
                .and(EventTypes.SESSION_OUTCOME_CORRECTED, this::outcomeCorrected)
                .and(EventTypes.FEEDBACK_SUBMITTED, feedback -> feedback(feedback, AllianceIndex.indexOf(feedback)))
                .and(EventTypes.FEEDBACK_CORRECTED, corrected -> feedbackCorrected(corrected,
                        AllianceIndex.indexOf(corrected)));
    }

    /** Which login is which therapist. */
    public void therapistRegistered(TherapistRegistered registered) {
        TherapistLogin login = rows.login(registered.therapistId());
        if (login == null) {
            login = new TherapistLogin();
            login.therapistId = registered.therapistId();
        }
        login.username = registered.username();
        login.clinicId = registered.clinicId();
        rows.add(login);
    }

    /** A new episode of care with its first therapist. */
    public void assigned(ClientAssigned assigned) {
        UUID episodeId = assigned.episodeOrDerived();
        EpisodeOfCare episode = rows.episode(episodeId);
        if (episode == null) {
            episode = new EpisodeOfCare();
            episode.episodeId = episodeId;
            episode.startedAt = assigned.assignedAt();
        } else if (assigned.assignedAt().isBefore(episode.startedAt)) {
            episode.startedAt = assigned.assignedAt();
        }
        episode.clientId = assigned.clientId();
        episode.clinicId = assigned.clinicId();
        episode.clientCode = assigned.clientCode();
        rows.add(episode);
        begin(assigned.clientId(), episodeId, assigned.therapistId(), assigned.clinicId(), assigned.clientCode(),
                assigned.assignedAt());
    }

    /** The dyad with the previous therapist ends (saying why); one with the new therapist begins. */
    public void reassigned(ClientReassigned reassigned) {
        UUID episodeId = reassigned.episodeId();
        Dyad previous = rows.dyad(Dyad.idOf(reassigned.clientId(), episodeId, reassigned.previousTherapistId()));
        if (previous == null) {
            // an assignment announced before episodes existed: its episode id was derived, so find it by time
            previous = rows.dyadAt(reassigned.clientId(), reassigned.previousTherapistId(), reassigned.reassignedAt());
        }
        if (previous != null) {
            episodeId = previous.episodeId; // the episode goes on with the new therapist
            if (!previous.ended() || previous.endedAt.isAfter(reassigned.reassignedAt())) {
                previous.endedAt = reassigned.reassignedAt();
                previous.endReason = Dyad.EndReason.REASSIGNED;
                previous.reassignmentReason = reassigned.reason().name();
            }
        }
        begin(reassigned.clientId(), episodeId, reassigned.therapistId(), reassigned.clinicId(),
                reassigned.clientCode(), reassigned.reassignedAt());
    }

    /** The episode ended (planned, dropout, ...): so did its open dyad. */
    public void closed(EpisodeClosed closed) {
        EpisodeOfCare episode = rows.episode(closed.episodeId());
        if (episode == null) {
            episode = rows.latestEpisodeOf(closed.clientId(), closed.closedAt());
        }
        if (episode == null) {
            episode = new EpisodeOfCare();
            episode.episodeId = closed.episodeId();
            episode.clientId = closed.clientId();
            episode.clinicId = closed.clinicId();
            episode.clientCode = closed.clientCode();
            episode.startedAt = closed.closedAt();
        }
        episode.closedAt = closed.closedAt();
        episode.ending = closed.ending().name();
        episode.endDate = closed.endDate();
        rows.add(episode);
        // event time: the care ended on the clinic's end date (its sessions that day still count), not when the
        // discharge was entered, which may be days later; its alerts are resolved then, and a replay says the same
        Instant ended = lastMomentOf(closed.endDate());
        rows.openDyadsOf(episode.episodeId).forEach(dyad -> {
            dyad.endedAt = ended;
            dyad.endReason = Dyad.EndReason.EPISODE_CLOSED;
        });
    }

    /** The last microsecond of a day (UTC): events carry whole microseconds. */
    static Instant lastMomentOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MICROS);
    }

    public void scheduled(SessionScheduled scheduled) {
        SessionRecord session = session(scheduled.sessionId(), scheduled.clientId(), scheduled.therapistId(),
                scheduled.clinicId(), scheduled.sessionDate());
        session.episodeId = scheduled.episodeId() != null ? scheduled.episodeId() : session.episodeId;
        session.sessionNumber = scheduled.sessionNumber() != null ? scheduled.sessionNumber() : session.sessionNumber;
        session.scheduledAt = scheduled.scheduledAt() != null ? scheduled.scheduledAt()
                : orStartOf(session.scheduledAt, scheduled.sessionDate());
        rows.add(session);
    }

    public void attended(SessionAttended attended) {
        outcome(attended.sessionId(), attended.clientId(), attended.clientCode(), attended.therapistId(),
                attended.clinicId(), attended.sessionNumber(), attended.scheduledAt(), attended.sessionDate(),
                "ATTENDED", null);
    }

    public void noShow(SessionNoShow noShow) {
        outcome(noShow.sessionId(), noShow.clientId(), noShow.clientCode(), noShow.therapistId(), noShow.clinicId(),
                noShow.sessionNumber(), noShow.scheduledAt(), noShow.sessionDate(), "NO_SHOW", null);
    }

    public void cancelled(SessionCancelled cancelled) {
        String outcome = "CLINIC".equals(cancelled.cancelledBy()) ? "CANCELLED_BY_CLINIC" : "CANCELLED_BY_CLIENT";
        outcome(cancelled.sessionId(), cancelled.clientId(), cancelled.clientCode(), cancelled.therapistId(),
                cancelled.clinicId(), cancelled.sessionNumber(), cancelled.scheduledAt(), cancelled.sessionDate(),
                outcome, outcome.equals("CANCELLED_BY_CLIENT") ? cancelled.late() : null);
    }

    public void outcomeCorrected(SessionOutcomeCorrected corrected) {
        outcome(corrected.sessionId(), corrected.clientId(), corrected.clientCode(), corrected.therapistId(),
                corrected.clinicId(), corrected.sessionNumber(), corrected.scheduledAt(), corrected.sessionDate(),
                corrected.outcome(), "CANCELLED_BY_CLIENT".equals(corrected.outcome()) ? corrected.late() : null);
    }

    /** @return the stored measure, or null when this feedback was recorded before (a republished event) */
    public FeedbackMeasure feedback(FeedbackSubmitted feedback, BigDecimal allianceIndex) {
        SessionRecord session = session(feedback.sessionId(), feedback.clientId(), feedback.therapistId(),
                feedback.clinicId(), feedback.sessionDate());
        session.clientCode = feedback.clientCode();
        if (session.sessionNumber == null) {
            session.sessionNumber = feedback.sessionNumber();
        }
        if (session.scheduledAt == null) {
            session.scheduledAt = feedback.scheduledAt() != null ? feedback.scheduledAt()
                    : orStartOf(null, feedback.sessionDate());
        }
        rows.add(session);
        if (rows.measure(feedback.feedbackId()) != null) {
            return null;
        }
        FeedbackMeasure measure = new FeedbackMeasure();
        measure.feedbackId = feedback.feedbackId();
        score(measure, session, feedback.instrument(), feedback.total(), allianceIndex, feedback.subscaleIndices());
        measure.submittedAt = feedback.submittedAt();
        rows.add(measure);
        return measure;
    }

    /** The corrected answers replace the measure's scores; the original stays in session-service. */
    public void feedbackCorrected(FeedbackCorrected corrected, BigDecimal allianceIndex) {
        FeedbackMeasure measure = rows.measure(corrected.feedbackId());
        if (measure == null) {
            measure = new FeedbackMeasure();
            measure.feedbackId = corrected.feedbackId();
        }
        SessionRecord session = session(corrected.sessionId(), corrected.clientId(), corrected.therapistId(),
                corrected.clinicId(), corrected.sessionDate());
        if (session.scheduledAt == null) {
            session.scheduledAt = corrected.scheduledAt();
        }
        if (session.sessionNumber == null) {
            session.sessionNumber = corrected.sessionNumber();
        }
        rows.add(session);
        score(measure, session, corrected.instrument(), corrected.total(), allianceIndex, corrected.subscaleIndices());
        measure.submittedAt = corrected.submittedAt();
        measure.correctedAt = corrected.correctedAt();
        rows.add(measure);
    }

    /** The measure's session and scores: the index, and each pillar where the instrument has it. */
    private static void score(FeedbackMeasure measure, SessionRecord session, String instrument, BigDecimal total,
            BigDecimal allianceIndex, Map<String, BigDecimal> subscaleIndices) {
        measure.sessionId = session.sessionId;
        measure.clientId = session.clientId;
        measure.therapistId = session.therapistId;
        measure.clinicId = session.clinicId;
        measure.sessionDate = session.sessionDate;
        measure.instrument = instrument;
        measure.total = total;
        measure.allianceIndex = allianceIndex;
        if (subscaleIndices != null) {
            measure.bondIndex = subscaleIndices.get("bond");
            measure.goalsIndex = subscaleIndices.get("goals");
            measure.tasksIndex = subscaleIndices.get("tasks");
        }
    }

    private void begin(UUID clientId, UUID episodeId, UUID therapistId, String clinicId, String clientCode,
            Instant at) {
        UUID id = Dyad.idOf(clientId, episodeId, therapistId);
        Dyad dyad = rows.dyad(id);
        if (dyad == null) {
            dyad = new Dyad();
            dyad.id = id;
            dyad.clientId = clientId;
            dyad.episodeId = episodeId;
            dyad.therapistId = therapistId;
            dyad.startedAt = at;
        } else if (at.isBefore(dyad.startedAt)) {
            dyad.startedAt = at;
        }
        dyad.clinicId = clinicId;
        dyad.clientCode = clientCode;
        rows.add(dyad);
    }

    private void outcome(UUID sessionId, UUID clientId, String clientCode, UUID therapistId, String clinicId,
            int number, Instant scheduledAt, LocalDate date, String attendance, Boolean late) {
        SessionRecord session = session(sessionId, clientId, therapistId, clinicId, date);
        session.clientCode = clientCode;
        session.sessionNumber = number;
        session.scheduledAt = scheduledAt;
        session.attendance = attendance;
        session.cancelledLate = late;
        rows.add(session);
    }

    private SessionRecord session(UUID sessionId, UUID clientId, UUID therapistId, String clinicId,
            LocalDate date) {
        SessionRecord session = rows.session(sessionId);
        if (session == null) {
            session = new SessionRecord();
            session.sessionId = sessionId;
            session.clientId = clientId;
            session.therapistId = therapistId;
            session.clinicId = clinicId;
            session.sessionDate = date;
        }
        return session;
    }

    private static Instant orStartOf(Instant known, LocalDate day) {
        return known != null ? known : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
