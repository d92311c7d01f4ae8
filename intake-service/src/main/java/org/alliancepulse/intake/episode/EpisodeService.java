package org.alliancepulse.intake.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.alliancepulse.contracts.Require;
import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.ClientReassigned;
import org.alliancepulse.contracts.intake.EpisodeClosed;
import org.alliancepulse.intake.audit.PhiAccessLog;
import org.alliancepulse.intake.client.Client;
import org.alliancepulse.intake.therapist.Therapist;
import org.alliancepulse.intake.therapist.TherapistService;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.problem.ProblemException;

/**
 * The moves of a client's care: an episode opens at intake (or on a return), a first therapist is assigned, the
 * therapist may change with a reason, and the episode closes with an ending. A move that does not fit where the
 * client stands is a 409 saying why; it stores and publishes nothing.
 */
@ApplicationScoped
public class EpisodeService {

    @Inject
    Outbox outbox;

    @Inject
    TherapistService therapists;

    /** Opens the first episode of a newly registered client. */
    public Episode open(Client client) {
        Episode episode = new Episode();
        episode.id = UUID.randomUUID();
        episode.clientId = client.id;
        episode.clinicId = client.clinicId;
        episode.openedAt = Instant.now();
        episode.persist();
        client.currentEpisodeId = episode.id;
        client.status = Client.Status.WAITING;
        return episode;
    }

    /** A discharged client comes back. */
    public Episode startNew(String actor, Client client) {
        if (client.currentEpisodeId != null) {
            throw ProblemException.conflict("the client is in an open episode of care; discharge it before starting another");
        }
        if (client.erased()) {
            throw ProblemException.conflict("the client's personal data was erased; register the person again");
        }
        Episode episode = open(client);
        PhiAccessLog.record(actor, "NEW_EPISODE", client.id);
        return episode;
    }

    /** @param startDate the day care began (a course entered afterwards); null for now */
    public CareAssignment assign(String actor, Client client, UUID therapistId, LocalDate startDate) {
        Episode episode = openEpisode(client, "assign");
        if (episode.therapistId != null) {
            throw ProblemException.conflict(
                    "the client is already assigned to a therapist in this episode; a change of therapist is a reassignment");
        }
        Instant since = startOf(startDate, client);
        Therapist therapist = therapistTakingClients(client, therapistId);
        CareAssignment assignment = startDyad(client, episode, therapist, since, startDate);
        PhiAccessLog.record(actor, "ASSIGN", client.id);
        outbox.publish(new ClientAssigned(client.id, client.clientCode, client.clinicId, therapist.id, since,
                episode.id, startDate));
        return assignment;
    }

    /** @param startDate the day the new therapist took over (a course entered afterwards); null for now */
    public CareAssignment reassign(String actor, Client client, UUID therapistId, ClientReassigned.Reason reason,
            LocalDate startDate) {
        Episode episode = openEpisode(client, "reassign");
        if (episode.therapistId == null) {
            throw ProblemException.conflict("the client has no therapist in this episode yet; the first one is an assignment");
        }
        if (episode.therapistId.equals(therapistId)) {
            throw ProblemException.conflict("the client is already assigned to this therapist");
        }
        UUID previous = episode.therapistId;
        Instant since = startOf(startDate, client);
        Therapist therapist = therapistTakingClients(client, therapistId);
        CareAssignment.current(episode.id).ifPresent(ended -> {
            ended.endedAt = since;
            ended.endReason = reason;
        });
        CareAssignment assignment = startDyad(client, episode, therapist, since, startDate);
        PhiAccessLog.record(actor, "REASSIGN", client.id);
        outbox.publish(new ClientReassigned(client.id, client.clientCode, client.clinicId, episode.id, previous,
                therapist.id, reason, since, startDate));
        return assignment;
    }

    public Episode discharge(String actor, Client client, EpisodeClosed.Ending ending, LocalDate endDate) {
        if (client.currentEpisodeId == null) {
            throw ProblemException.conflict("the client is already discharged; there is no open episode to end");
        }
        if (endDate.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            // a day's grace for time zones east of UTC
            throw ProblemException.invalid("endDate", "must not be in the future");
        }
        if (client.dateOfBirth != null && endDate.isBefore(client.dateOfBirth)) {
            throw ProblemException.invalid("endDate", "must not be before the client's date of birth");
        }
        if (endDate.isBefore(Require.FIRST_SESSION_DAY)) {
            // a typo such as year 0001; it may lie before the episode was entered here (a course entered afterwards)
            throw ProblemException.invalid("endDate", "must be " + Require.FIRST_SESSION_DAY + " or later");
        }
        Episode episode = Episode.findById(client.currentEpisodeId);
        // an episode cannot end before care in it began: before the day given for its last therapist's start, or
        // before the previous episode's end (outside probe: a course of 2026-10-01 ended on 2026-09-01, and analytics
        // then held a dyad that ended before it began). A start entered without a day is the moment it was entered;
        // a history entered that way may end earlier, as before.
        for (CareAssignment dated : CareAssignment.ofClient(client.id)) {
            if (dated.episodeId.equals(episode.id) && dated.startDate != null && endDate.isBefore(dated.startDate)) {
                throw ProblemException.invalid("endDate", "must not be before " + dated.startDate
                        + ", the day the client's therapist in this episode took over");
            }
        }
        for (Episode previous : Episode.ofClient(client.id)) {
            if (previous.endDate != null && endDate.isBefore(previous.endDate)) {
                throw ProblemException.invalid("endDate", "must not be before " + previous.endDate
                        + ", the end of the client's previous episode of care");
            }
        }
        return close(actor, client, episode, ending, endDate);
    }

    /**
     * The client's erasure ends their open episode, as an ADMINISTRATIVE ending on the day of the erasure (or the
     * day given for their therapist's start, if that is later): nothing more can be recorded for them (session-service
     * refuses), and an open episode kept a place in the therapist's caseload and its alerts open, to be escalated
     * (outside probe). Nothing when no episode is open.
     */
    public void closeOnErasure(String actor, Client client) {
        if (client.currentEpisodeId == null) {
            return;
        }
        Episode episode = Episode.findById(client.currentEpisodeId);
        LocalDate endDate = LocalDate.now(ZoneOffset.UTC);
        for (CareAssignment dated : CareAssignment.ofClient(client.id)) {
            if (dated.episodeId.equals(episode.id) && dated.startDate != null && dated.startDate.isAfter(endDate)) {
                endDate = dated.startDate;
            }
        }
        close(actor, client, episode, EpisodeClosed.Ending.ADMINISTRATIVE, endDate);
    }

    private Episode close(String actor, Client client, Episode episode, EpisodeClosed.Ending ending,
            LocalDate endDate) {
        Instant now = Instant.now();
        CareAssignment.current(episode.id).ifPresent(ended -> ended.endedAt = now);
        episode.closedAt = now;
        episode.ending = ending;
        episode.endDate = endDate;
        client.currentEpisodeId = null;
        client.therapistId = null;
        client.assignedAt = null;
        client.status = Client.Status.DISCHARGED;
        PhiAccessLog.record(actor, "DISCHARGE", client.id);
        outbox.publish(new EpisodeClosed(client.id, client.clientCode, client.clinicId, episode.id,
                episode.therapistId, ending, endDate, now));
        return episode;
    }

    /**
     * When a therapist took over, in event time: the start of the day given (UTC) for a course entered afterwards,
     * so that the events date the dyad, and the alerts its change resolves, then; the moment of the request for a
     * change made today (or none given).
     */
    private static Instant startOf(LocalDate startDate, Client client) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (startDate == null || !startDate.isBefore(today)) {
            if (startDate != null && startDate.isAfter(today.plusDays(1))) {
                // a day's grace for time zones east of UTC, as for a discharge's end date
                throw ProblemException.invalid("startDate", "must not be in the future");
            }
            return Instant.now();
        }
        if (startDate.isBefore(Require.FIRST_SESSION_DAY)) {
            throw ProblemException.invalid("startDate", "must be " + Require.FIRST_SESSION_DAY + " or later");
        }
        if (client.dateOfBirth != null && startDate.isBefore(client.dateOfBirth)) {
            throw ProblemException.invalid("startDate", "must not be before the client's date of birth");
        }
        Instant since = startDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        // consumers take a change of therapist only after the one before it, in the events' own times: a day out of
        // order would be ignored there, so it is refused here
        List<CareAssignment> earlier = CareAssignment.ofClient(client.id);
        if (!earlier.isEmpty() && !since.isAfter(earlier.get(earlier.size() - 1).startedAt)) {
            throw ProblemException.invalid("startDate", "must be after "
                    + LocalDate.ofInstant(earlier.get(earlier.size() - 1).startedAt, ZoneOffset.UTC)
                    + ", the day the client's last therapist took over");
        }
        for (Episode previous : Episode.ofClient(client.id)) {
            if (previous.endDate != null && startDate.isBefore(previous.endDate)) {
                throw ProblemException.invalid("startDate", "must not be before " + previous.endDate
                        + ", the end of the client's previous episode of care");
            }
        }
        return since;
    }

    private Episode openEpisode(Client client, String move) {
        if (client.erased()) {
            // session-service refuses every booking for an erased client: a therapist assigned here would have
            // a client nobody can book
            throw ProblemException.conflict("the client's personal data was erased; register the person again");
        }
        if (client.currentEpisodeId == null) {
            throw ProblemException.conflict("the client is discharged; start a new episode (POST /api/clients/"
                    + client.id + "/episodes) before you " + move);
        }
        return Episode.findById(client.currentEpisodeId);
    }

    /**
     * The therapist, locked until commit so that two concurrent assignments cannot both take the last free place of
     * a caseload.
     */
    private Therapist therapistTakingClients(Client client, UUID therapistId) {
        Therapist therapist = Therapist.findById(therapistId, LockModeType.PESSIMISTIC_WRITE);
        if (therapist == null || !therapist.clinicId.equals(client.clinicId)) {
            throw ProblemException.invalid("therapistId", "no therapist with this id works at the client's clinic");
        }
        therapists.requireTakesNewClients(therapist);
        return therapist;
    }

    private static CareAssignment startDyad(Client client, Episode episode, Therapist therapist, Instant now,
            LocalDate startDate) {
        episode.therapistId = therapist.id;
        client.therapistId = therapist.id;
        client.assignedAt = now;
        client.status = Client.Status.IN_CARE;
        CareAssignment assignment = new CareAssignment();
        assignment.episodeId = episode.id;
        assignment.clientId = client.id;
        assignment.therapistId = therapist.id;
        assignment.startedAt = now;
        assignment.startDate = startDate;
        assignment.persist();
        return assignment;
    }
}
