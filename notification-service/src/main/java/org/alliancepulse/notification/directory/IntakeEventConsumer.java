package org.alliancepulse.notification.directory;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.notification.delivery.RecipientReachable;
import org.alliancepulse.notification.delivery.RecipientReachable.SupervisorReachable;
import org.alliancepulse.notification.delivery.RecipientReachable.TherapistReachable;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.Inbox;
import org.alliancepulse.platform.inbox.InboxConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the directory — therapists and clinics' supervisor addresses — from intake-service's events (each carries
 * the whole new state), and tells delivery in the same transaction that someone can be reached now.
 */
@ApplicationScoped
public class IntakeEventConsumer implements InboxConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Event<RecipientReachable> reachable;

    @Override
    public String topic() {
        return Topics.INTAKE_EVENTS;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers
                .on(EventTypes.THERAPIST_REGISTERED, t -> therapist(t.therapistId(), t.clinicId(), t.username(),
                        t.displayName(), t.workEmail(), true))
                .and(EventTypes.THERAPIST_UPDATED, t -> therapist(t.therapistId(), t.clinicId(), t.username(),
                        t.displayName(), t.workEmail(), t.active()))
                .and(EventTypes.CLINIC_REGISTERED, c -> clinic(c.clinicId(), c.name(), c.supervisorEmail()))
                .and(EventTypes.CLINIC_UPDATED, c -> clinic(c.clinicId(), c.name(), c.supervisorEmail()));
    }

    @Incoming("intake-events")
    @Blocking(InboxConsumer.WORKERS)
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, handlers());
    }

    private void therapist(UUID id, String clinicId, String username, String displayName, String workEmail,
            boolean active) {
        TherapistContact contact = TherapistContact.findById(id);
        if (contact == null) {
            contact = new TherapistContact();
            contact.therapistId = id;
        }
        contact.clinicId = clinicId;
        contact.username = username;
        contact.displayName = displayName;
        contact.workEmail = workEmail;
        contact.active = active;
        contact.persist();
        // synchronous: alerts that arrived before their therapist are released in this transaction
        reachable.fire(new TherapistReachable(id));
    }

    private void clinic(String clinicId, String name, String supervisorEmail) {
        ClinicContact contact = ClinicContact.findById(clinicId);
        if (contact == null) {
            contact = new ClinicContact();
            contact.clinicId = clinicId;
        }
        contact.name = name;
        contact.supervisorEmail = supervisorEmail == null || supervisorEmail.isBlank() ? null : supervisorEmail;
        contact.persist();
        if (contact.supervisorEmail != null) {
            reachable.fire(new SupervisorReachable(clinicId));
        }
    }
}
