package org.alliancepulse.notification.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.notification.delivery.TherapistReachable;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.Inbox;
import org.alliancepulse.platform.inbox.InboxConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps the therapist directory from intake-service's events, and tells whoever listens (delivery) in the same
 * transaction that a therapist can be reached now.
 */
@ApplicationScoped
public class IntakeEventConsumer implements InboxConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Event<TherapistReachable> reachable;

    @Override
    public String topic() {
        return Topics.INTAKE_EVENTS;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.on(EventTypes.THERAPIST_REGISTERED, therapist -> {
            register(therapist);
            // synchronous: alerts that arrived before their therapist are released in this transaction
            reachable.fire(new TherapistReachable(therapist.therapistId()));
        });
    }

    @Incoming("intake-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, handlers());
    }

    private static void register(TherapistRegistered registered) {
        TherapistContact contact = TherapistContact.findById(registered.therapistId());
        if (contact == null) {
            contact = new TherapistContact();
            contact.therapistId = registered.therapistId();
        }
        contact.clinicId = registered.clinicId();
        contact.displayName = registered.displayName();
        contact.workEmail = registered.workEmail();
        contact.persist();
    }
}
