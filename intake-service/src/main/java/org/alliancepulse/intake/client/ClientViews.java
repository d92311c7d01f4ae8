package org.alliancepulse.intake.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the API shows of a client, by who is asking. */
public final class ClientViews {

    private ClientViews() {
    }

    /** Stated preferences and what the client wants from therapy. */
    public record Preferences(List<String> specialties, List<String> modalities, String notes) {
    }

    /** The full record, PHI included: for staff of the client's clinic only. After erasure the PHI fields are null. */
    @Schema(example = Full.EXAMPLE)
    public record Full(UUID id, String clinicId, String clientCode, String ageBand, String firstName, String lastName,
            LocalDate dateOfBirth, String email, String phone, String preferredLanguage,
            boolean consentToRoutineFeedback, boolean consentToContact, Preferences preferences, String intakeGoals,
            Client.Status status, UUID currentEpisodeId, UUID therapistId, Instant registeredAt, Instant erasedAt) {

        /** The example the OpenAPI document shows, here and inside an export. */
        public static final String EXAMPLE = """
                {
                  "id": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                  "clinicId": "north",
                  "clientCode": "C-7KQ3MZ",
                  "ageBand": "36-45",
                  "firstName": "Ingrid",
                  "lastName": "Halvorsen",
                  "dateOfBirth": "1987-03-14",
                  "email": "ingrid@example.org",
                  "phone": "+47 912 34 567",
                  "preferredLanguage": "no",
                  "consentToRoutineFeedback": true,
                  "consentToContact": true,
                  "preferences": {
                    "specialties": [
                      "anxiety"
                    ],
                    "modalities": [
                      "CBT"
                    ],
                    "notes": "prefers mornings"
                  },
                  "intakeGoals": "sleep better, return to work",
                  "status": "IN_CARE",
                  "currentEpisodeId": "0bed0347-665e-48f1-b083-d45d49eda391",
                  "therapistId": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                  "registeredAt": "2026-09-28T10:15:30.123456Z",
                  "erasedAt": null
                }""";

        public static Full of(Client c) {
            return new Full(c.id, c.clinicId, c.clientCode, bandOf(c), c.firstName, c.lastName, c.dateOfBirth,
                    c.email, c.phone, c.preferredLanguage, c.consentRoutineFeedback, c.consentContact,
                    new Preferences(c.preferredSpecialties, c.preferredModalities, c.preferenceNotes), c.intakeGoals,
                    c.status, c.currentEpisodeId, c.therapistId, c.registeredAt, c.erasedAt);
        }
    }

    /** What a therapist needs of their own client: no date of birth, no contact. */
    @Schema(example = """
            {
              "id": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
              "clientCode": "C-7KQ3MZ",
              "ageBand": "36-45",
              "firstName": "Ingrid",
              "lastName": "Halvorsen",
              "preferredLanguage": "no",
              "consentToRoutineFeedback": true,
              "preferences": {
                "specialties": [
                  "anxiety"
                ],
                "modalities": [
                  "CBT"
                ],
                "notes": "prefers mornings"
              },
              "intakeGoals": "sleep better, return to work",
              "status": "IN_CARE",
              "currentEpisodeId": "0bed0347-665e-48f1-b083-d45d49eda391"
            }""")
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
    @Schema(example = """
            {
              "id": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
              "clientCode": "C-7KQ3MZ",
              "firstName": "Ingrid",
              "lastName": "Halvorsen",
              "ageBand": "36-45",
              "status": "IN_CARE",
              "therapistId": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
              "registeredAt": "2026-09-28T10:15:30.123456Z"
            }""")
    public record Summary(UUID id, String clientCode, String firstName, String lastName, String ageBand,
            Client.Status status, UUID therapistId, Instant registeredAt) {

        public static Summary of(Client c) {
            return new Summary(c.id, c.clientCode, c.firstName, c.lastName, bandOf(c), c.status, c.therapistId,
                    c.registeredAt);
        }
    }

    @Schema(example = """
            {
              "items": [
                {
                  "id": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                  "clientCode": "C-7KQ3MZ",
                  "firstName": "Ingrid",
                  "lastName": "Halvorsen",
                  "ageBand": "36-45",
                  "status": "IN_CARE",
                  "therapistId": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                  "registeredAt": "2026-09-28T10:15:30.123456Z"
                }
              ],
              "page": 0,
              "size": 20,
              "total": 1
            }""")
    public record SummaryPage(List<Summary> items, int page, int size, long total) {
    }

    static String bandOf(Client c) {
        if (c.ageBand != null) {
            return c.ageBand;
        }
        return c.dateOfBirth == null ? null : AgeBand.of(c.dateOfBirth, ClientService.today());
    }
}
