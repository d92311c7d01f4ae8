package org.alliancepulse.session.dyad;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.ClientErased;
import org.alliancepulse.contracts.intake.ClientReassigned;
import org.alliancepulse.contracts.intake.EpisodeClosed;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.Inbox;
import org.alliancepulse.platform.inbox.InboxConsumer;
import org.alliancepulse.session.link.FeedbackLink;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Keeps this service's view of assignments and therapist logins from intake-service's events. */
@ApplicationScoped
public class IntakeEventConsumer implements InboxConsumer {

    // other intake events carry nothing this service needs
    private static final EventHandlers HANDLERS = EventHandlers.on(EventTypes.CLIENT_ASSIGNED, IntakeEventConsumer::assign)
            .and(EventTypes.CLIENT_REASSIGNED, IntakeEventConsumer::reassign)
            .and(EventTypes.EPISODE_CLOSED, IntakeEventConsumer::closeEpisode)
            .and(EventTypes.CLIENT_ERASED, IntakeEventConsumer::erase)
            .and(EventTypes.THERAPIST_REGISTERED, IntakeEventConsumer::registerLogin);

    @Inject
    Inbox inbox;

    @Override
    public String topic() {
        return Topics.INTAKE_EVENTS;
    }

    @Override
    public EventHandlers handlers() {
        return HANDLERS;
    }

    @Incoming("intake-events")
    @Blocking(InboxConsumer.WORKERS)
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, HANDLERS);
    }

    /**
     * The first therapist of an episode. A new episode (another episode id, or, for assignments announced without
     * one, any assignment after the last episode ended) reopens the dyad and starts its session numbers again at 1.
     */
    private static void assign(ClientAssigned assigned) {
        Dyad dyad = Dyad.findById(assigned.clientId());
        if (dyad == null) {
            dyad = new Dyad();
            dyad.clientId = assigned.clientId();
        } else if (dyad.assignedAt.isAfter(assigned.assignedAt())) {
            return; // an older assignment arriving late changes nothing
        }
        boolean newEpisode = dyad.episodeId == null
                || (assigned.episodeId() != null ? !assigned.episodeId().equals(dyad.episodeId) : dyad.episodeClosed());
        if (newEpisode) {
            dyad.episodeId = assigned.episodeOrDerived();
            dyad.episodeClosedAt = null;
            dyad.episodeEndDate = null;
        } else if (dyad.episodeClosed() && !dyad.episodeClosedAt.isAfter(assigned.assignedAt())) {
            dyad.episodeClosedAt = null; // assignments without episode ids: a new one began after the last ended
            dyad.episodeEndDate = null;
        }
        dyad.clientCode = assigned.clientCode();
        dyad.clinicId = assigned.clinicId();
        dyad.therapistId = assigned.therapistId();
        dyad.assignedAt = assigned.assignedAt();
        dyad.startDate = assigned.startDate();
        dyad.persist();
    }

    /** New sessions belong to the new therapist; the old one keeps their own past sessions (they name them). */
    private static void reassign(ClientReassigned reassigned) {
        Dyad dyad = Dyad.findById(reassigned.clientId());
        if (dyad == null) {
            dyad = new Dyad();
            dyad.clientId = reassigned.clientId();
        } else if (dyad.assignedAt.isAfter(reassigned.reassignedAt())) {
            return;
        }
        dyad.clientCode = reassigned.clientCode();
        dyad.clinicId = reassigned.clinicId();
        dyad.therapistId = reassigned.therapistId();
        dyad.assignedAt = reassigned.reassignedAt();
        dyad.startDate = reassigned.startDate();
        if (dyad.episodeId == null) {
            dyad.episodeId = reassigned.episodeId();
        } // else the same episode goes on (a reassignment happens within one): its session numbers continue
        dyad.persist();
    }

    /** No new sessions after the episode's last day, until a new episode's assignment. */
    private static void closeEpisode(EpisodeClosed closed) {
        Dyad dyad = Dyad.findById(closed.clientId());
        if (dyad == null || dyad.assignedAt.isAfter(closed.closedAt())) {
            return; // unknown client, or a newer episode has begun since
        }
        dyad.episodeClosedAt = closed.closedAt();
        dyad.episodeEndDate = closed.endDate();
        dyad.persist();
    }

    /**
     * The right to erasure: the client's feedback links end, and nothing more is recorded about them (the dyad is
     * marked; booking, attendance, feedback and new links are refused). Their intake events share one partition, so
     * the assignment came before.
     */
    private static void erase(ClientErased erased) {
        FeedbackLink.forgetClient(erased.clientId());
        Dyad dyad = Dyad.findById(erased.clientId());
        if (dyad != null && !dyad.erased()) {
            dyad.erasedAt = erased.erasedAt();
            dyad.persist();
        }
    }

    private static void registerLogin(TherapistRegistered registered) {
        TherapistLogin login = TherapistLogin.findById(registered.therapistId());
        if (login == null) {
            login = new TherapistLogin();
            login.therapistId = registered.therapistId();
        }
        login.username = registered.username();
        login.clinicId = registered.clinicId();
        login.persist();
    }
}
