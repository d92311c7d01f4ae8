package org.alliancepulse.intake.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the API shows of a client, by who is asking. */
public final class ClientViews {

    private ClientViews() {
    }

    /** Stated preferences and what the client wants from therapy. */
    public record Preferences(List<String> specialties, List<String> modalities, String notes) {
    }

    /** The full record, PHI included: for staff of the client's clinic only. After erasure the PHI fields are null. */
    public record Full(UUID id, String clinicId, String clientCode, String ageBand, String firstName, String lastName,
            LocalDate dateOfBirth, String email, String phone, String preferredLanguage,
            boolean consentToRoutineFeedback, boolean consentToContact, Preferences preferences, String intakeGoals,
            Client.Status status, UUID currentEpisodeId, UUID therapistId, Instant registeredAt, Instant erasedAt) {

        public static Full of(Client c) {
            return new Full(c.id, c.clinicId, c.clientCode, bandOf(c), c.firstName, c.lastName, c.dateOfBirth,
                    c.email, c.phone, c.preferredLanguage, c.consentRoutineFeedback, c.consentContact,
                    new Preferences(c.preferredSpecialties, c.preferredModalities, c.preferenceNotes), c.intakeGoals,
                    c.status, c.currentEpisodeId, c.therapistId, c.registeredAt, c.erasedAt);
        }
    }

    /** What a therapist needs of their own client: no date of birth, no contact. */
    public record ForTherapist(UUID id, String clientCode, String ageBand, String firstName, String lastName,
            String preferredLanguage, boolean consentToRoutineFeedback, Preferences preferences, String intakeGoals,
            Client.Status status, UUID currentEpisodeId) {

        public static ForTherapist of(Client c) {
            return new ForTherapist(c.id, c.clientCode, bandOf(c), c.firstName, c.lastName, c.preferredLanguage,
                    c.consentRoutineFeedback,
                    new Preferences(c.preferredSpecialties, c.preferredModalities, c.preferenceNotes), c.intakeGoals,
                    c.status, c.currentEpisodeId);
        }
    }

    /** One line of a client list. */
    public record Summary(UUID id, String clientCode, String firstName, String lastName, String ageBand,
            Client.Status status, UUID therapistId, Instant registeredAt) {

        public static Summary of(Client c) {
            return new Summary(c.id, c.clientCode, c.firstName, c.lastName, bandOf(c), c.status, c.therapistId,
                    c.registeredAt);
        }
    }

    public record SummaryPage(List<Summary> items, int page, int size, long total) {
    }

    static String bandOf(Client c) {
        if (c.ageBand != null) {
            return c.ageBand;
        }
        return c.dateOfBirth == null ? null : AgeBand.of(c.dateOfBirth, ClientService.today());
    }
}
