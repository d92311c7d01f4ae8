package org.alliancepulse.notification.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.notification.delivery.AlertMailer;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.Inbox;
import org.alliancepulse.platform.work.AfterCommit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** Keeps the therapist directory from intake-service's events. */
@ApplicationScoped
public class IntakeEventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    AfterCommit afterCommit;

    @Inject
    AlertMailer mailer;

    @Incoming("intake-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, EventHandlers.on(EventTypes.THERAPIST_REGISTERED, therapist -> {
            register(therapist);
            // an alert that arrived before its therapist can go out now
            afterCommit.wake(mailer.worker());
        }));
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
