package org.alliancepulse.intake.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    public CareAssignment assign(String actor, Client client, UUID therapistId) {
        Episode episode = openEpisode(client, "assign");
        if (episode.therapistId != null) {
            throw ProblemException.conflict(
                    "the client is already assigned to a therapist in this episode; a change of therapist is a reassignment");
        }
        Therapist therapist = therapistTakingClients(client, therapistId);
        Instant now = Instant.now();
        CareAssignment assignment = startDyad(client, episode, therapist, now);
        PhiAccessLog.record(actor, "ASSIGN", client.id);
        outbox.publish(new ClientAssigned(client.id, client.clientCode, client.clinicId, therapist.id, now,
                episode.id));
        return assignment;
    }

    public CareAssignment reassign(String actor, Client client, UUID therapistId, ClientReassigned.Reason reason) {
        Episode episode = openEpisode(client, "reassign");
        if (episode.therapistId == null) {
            throw ProblemException.conflict("the client has no therapist in this episode yet; the first one is an assignment");
        }
        if (episode.therapistId.equals(therapistId)) {
            throw ProblemException.conflict("the client is already assigned to this therapist");
        }
        UUID previous = episode.therapistId;
        Therapist therapist = therapistTakingClients(client, therapistId);
        Instant now = Instant.now();
        CareAssignment.current(episode.id).ifPresent(ended -> {
            ended.endedAt = now;
            ended.endReason = reason;
        });
        CareAssignment assignment = startDyad(client, episode, therapist, now);
        PhiAccessLog.record(actor, "REASSIGN", client.id);
        outbox.publish(new ClientReassigned(client.id, client.clientCode, client.clinicId, episode.id, previous,
                therapist.id, reason, now));
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

    private static CareAssignment startDyad(Client client, Episode episode, Therapist therapist, Instant now) {
        episode.therapistId = therapist.id;
        client.therapistId = therapist.id;
        client.assignedAt = now;
        client.status = Client.Status.IN_CARE;
        CareAssignment assignment = new CareAssignment();
        assignment.episodeId = episode.id;
        assignment.clientId = client.id;
        assignment.therapistId = therapist.id;
        assignment.startedAt = now;
        assignment.persist();
        return assignment;
    }
}
