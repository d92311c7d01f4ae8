package org.alliancepulse.contracts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * intake-service is the only holder of PHI; its events must carry none: no client name, date of birth, contact or
 * free text. Every field of every intake event type must be one reviewed here as not PHI, so a new field fails this
 * test until someone decides what it is.
 */
class IntakeEventsCarryNoPhiTest {

    /** Ids, the pseudonymous code, coded values, dates of care, and therapists' and clinics' work data. */
    private static final Set<String> REVIEWED_NOT_PHI = Set.of(
            "clientId", "clientCode", "clinicId", "therapistId", "previousTherapistId", "episodeId", "ageBand",
            "assignedAt", "reassignedAt", "closedAt", "erasedAt", "startDate", "endDate", "reason", "ending",
            // clinics and therapists are organisations and staff, not clients
            "name", "supervisorEmail", "username", "displayName", "workEmail", "languages", "specialties",
            "modalities", "caseloadCapacity", "active");

    /** Shapes of client PHI that must never be a field of an intake event, whatever the allow-list says. */
    private static final List<String> PHI_WORDS = List.of("firstname", "lastname", "fullname", "birth", "dob",
            "phone", "address", "contact", "note", "goal", "preference", "comment", "freetext");

    static Stream<EventType<?>> intakeEventTypes() {
        return EventTypes.ALL.stream().filter(t -> t.topic().equals(Topics.INTAKE_EVENTS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("intakeEventTypes")
    void everyFieldIsReviewedAsNotPhi(EventType<?> type) {
        for (RecordComponent component : type.payloadClass().getRecordComponents()) {
            String field = component.getName();
            assertTrue(REVIEWED_NOT_PHI.contains(field),
                    type.type() + " has a field no one reviewed for PHI: " + field);
            String lower = field.toLowerCase(Locale.ROOT);
            assertFalse(PHI_WORDS.stream().anyMatch(lower::contains), type.type() + " looks like PHI: " + field);
            assertFalse(component.getType() == java.time.LocalDate.class && !Set.of("startDate", "endDate").contains(field),
                    type.type() + " carries a date that could be a birth date: " + field);
        }
    }

    @Test
    void theCheckCoversEveryIntakeEventType() {
        assertTrue(intakeEventTypes().count() >= 9, "intake event types: "
                + Arrays.toString(intakeEventTypes().map(EventType::type).toArray()));
    }
}
