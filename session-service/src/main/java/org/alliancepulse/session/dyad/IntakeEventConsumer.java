package org.alliancepulse.session.dyad;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.Inbox;
import org.alliancepulse.platform.inbox.InboxConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** Keeps this service's view of assignments and therapist logins from intake-service's events. */
@ApplicationScoped
public class IntakeEventConsumer implements InboxConsumer {

    // other intake events carry nothing this service needs
    private static final EventHandlers HANDLERS = EventHandlers.on(EventTypes.CLIENT_ASSIGNED, IntakeEventConsumer::assign)
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
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, HANDLERS);
    }

    private static void assign(ClientAssigned assigned) {
        Dyad dyad = Dyad.findById(assigned.clientId());
        if (dyad == null) {
            dyad = new Dyad();
            dyad.clientId = assigned.clientId();
        } else if (dyad.assignedAt.isAfter(assigned.assignedAt())) {
            return; // an older assignment arriving late changes nothing
        }
        dyad.clientCode = assigned.clientCode();
        dyad.clinicId = assigned.clinicId();
        dyad.therapistId = assigned.therapistId();
        dyad.assignedAt = assigned.assignedAt();
        dyad.persist();
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
