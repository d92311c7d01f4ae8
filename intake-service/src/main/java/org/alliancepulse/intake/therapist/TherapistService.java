package org.alliancepulse.intake.therapist;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.contracts.intake.TherapistUpdated;
import org.alliancepulse.intake.client.Client;
import org.alliancepulse.intake.clinic.Clinic;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.problem.ProblemException;

/** Registering and changing therapists, and the one rule about who can take a new client. */
@ApplicationScoped
public class TherapistService {

    @Inject
    Outbox outbox;

    @Inject
    TherapistConfig config;

    public Therapist register(String clinicId, String login, String displayName, String workEmail,
            TherapistProfile profile) {
        // the identity provider keeps logins in lower case (Keycloak lower-cases every username) and the services
        // know a therapist by the token's login: "Dr-Okafor" would never match a token, and stand beside "dr-okafor"
        String username = login.toLowerCase(java.util.Locale.ROOT);
        if (Clinic.findById(clinicId) == null) {
            throw ProblemException.invalid("clinicId", "no clinic with this id is registered");
        }
        if (Therapist.usernameTaken(username)) {
            throw ProblemException.conflict("a therapist with username " + username + " is already registered");
        }
        Therapist therapist = new Therapist();
        therapist.id = UUID.randomUUID();
        therapist.clinicId = clinicId;
        therapist.username = username;
        therapist.displayName = displayName.strip();
        therapist.workEmail = workEmail.strip();
        therapist.registeredAt = Instant.now();
        apply(therapist, profile == null ? TherapistProfile.defaults(config.defaultCaseloadCapacity()) : profile);
        therapist.persist();
        outbox.publish(new TherapistRegistered(therapist.id, therapist.clinicId, therapist.username,
                therapist.displayName, therapist.workEmail));
        if (profile != null) {
            // what matching knows of a therapist travels in TherapistUpdated; registration stays as it was
            outbox.publish(updated(therapist));
        }
        return therapist;
    }

    public Therapist update(Therapist therapist, String displayName, String workEmail, TherapistProfile profile) {
        therapist.displayName = displayName.strip();
        therapist.workEmail = workEmail.strip();
        apply(therapist, profile);
        outbox.publish(updated(therapist));
        return therapist;
    }

    /** @throws ProblemException 409 naming why, unless the therapist can take one more client */
    public void requireTakesNewClients(Therapist therapist) {
        if (!therapist.active) {
            throw ProblemException.conflict("the therapist is inactive and takes no new clients");
        }
        long caseload = caseload(therapist.id);
        if (caseload >= therapist.caseloadCapacity) {
            throw ProblemException.conflict("the therapist's caseload is full (" + caseload + " of "
                    + therapist.caseloadCapacity + " clients)");
        }
    }

    /** How many clients the therapist treats now. */
    public static long caseload(UUID therapistId) {
        return Client.count("therapistId", therapistId);
    }

    public static List<Therapist> list(String clinicId, Boolean active, String language, String specialty,
            String modality) {
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (clinicId != null) {
            query.append(" and clinicId = :clinic");
            params.put("clinic", clinicId);
        }
        if (active != null) {
            query.append(" and active = :active");
            params.put("active", active);
        }
        List<Therapist> found = Therapist.<Therapist>list(query + " order by displayName, id", params);
        return found.stream()
                .filter(t -> language == null || t.languages.contains(normalise(language)))
                .filter(t -> specialty == null || t.specialties.contains(normalise(specialty)))
                .filter(t -> modality == null || t.modalities.stream().anyMatch(modality.strip()::equalsIgnoreCase))
                .toList();
    }

    private static void apply(Therapist therapist, TherapistProfile profile) {
        therapist.languages = profile.languages().stream().map(TherapistService::normalise).distinct().toList();
        therapist.specialties = profile.specialties().stream().map(TherapistService::normalise).distinct().toList();
        therapist.modalities = profile.modalities().stream().map(String::strip).distinct().toList();
        therapist.caseloadCapacity = profile.caseloadCapacity();
        therapist.active = profile.active();
    }

    static String normalise(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static TherapistUpdated updated(Therapist t) {
        return new TherapistUpdated(t.id, t.clinicId, t.username, t.displayName, t.workEmail, t.languages,
                t.specialties, t.modalities, t.caseloadCapacity, t.active);
    }
}
