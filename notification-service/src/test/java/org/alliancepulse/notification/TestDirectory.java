package org.alliancepulse.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.alliancepulse.contracts.alliance.AlertRaised;
import org.alliancepulse.contracts.intake.ClinicRegistered;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.contracts.intake.TherapistUpdated;
import org.alliancepulse.notification.directory.ClinicContact;
import org.alliancepulse.notification.directory.TherapistContact;
import org.alliancepulse.testinfra.kafka.KafkaEvents;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Clinics, therapists and alerts for the notification tests, announced on Kafka as intake-service and analytics
 * announce them, each with fresh ids so that tests sharing one running service never see each other's rows.
 */
public final class TestDirectory {

    public final KafkaEvents events;
    public final String suffix = UUID.randomUUID().toString().substring(0, 8);

    public TestDirectory(String kafka) {
        this.events = new KafkaEvents(kafka);
    }

    /** A clinic of the network, with a supervisor address or none (null), in the directory. */
    public String clinic(String supervisorEmail) {
        String clinicId = "clinic-" + UUID.randomUUID().toString().substring(0, 8);
        events.publish(new ClinicRegistered(clinicId, "Clinic " + clinicId, supervisorEmail));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> ClinicContact.findById(clinicId) != null);
        return clinicId;
    }

    /** A therapist at the clinic, in the directory; username {@code dr-<8 hex>}, email {@code <username>@clinic.example}. */
    public Therapist therapist(String clinicId) {
        UUID id = UUID.randomUUID();
        String username = "dr-" + id.toString().substring(0, 8);
        Therapist therapist = new Therapist(id, clinicId, username, username + "@clinic.example");
        events.publish(new TherapistRegistered(id, clinicId, username, "Dr " + username, therapist.email()));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> TherapistContact.findById(id) != null);
        return therapist;
    }

    /** The therapist goes on leave (or leaves): no longer active. */
    public void deactivate(Therapist therapist) {
        events.publish(new TherapistUpdated(therapist.id(), therapist.clinicId(), therapist.username(),
                "Dr " + therapist.username(), therapist.email(), List.of("en"), List.of(), List.of(), 0, false));
        // each look in a transaction of its own: a session kept across looks would answer from its cache
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> !TherapistContact.<TherapistContact> findById(therapist.id()).active));
    }

    /** A recent alert of that kind about a new client of the therapist. */
    public static AlertRaised alert(String kind, Therapist therapist) {
        UUID client = UUID.randomUUID();
        Instant now = Instant.now();
        return new AlertRaised(UUID.randomUUID(), kind, "WARNING", client,
                "C-" + client.toString().substring(0, 6).toUpperCase(), therapist.id(), therapist.clinicId(),
                UUID.randomUUID(), LocalDate.of(2026, 11, 24), List.of("BOND_FELL"), now, UUID.randomUUID(), 5, now,
                kind.equals("RUPTURE") ? List.of("BOND") : null, null, null);
    }

    public record Therapist(UUID id, String clinicId, String username, String email) {
    }
}
