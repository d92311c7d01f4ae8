package org.alliancepulse.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.ClientRegistered;
import org.alliancepulse.contracts.intake.ClinicRegistered;
import org.alliancepulse.contracts.intake.EpisodeClosed;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventContractsTest {

    /**
     * Fields a consumer must accept as absent or null: added to a v1 type after it was first published, or meaningful
     * only sometimes. Everything else is required.
     */
    static final Map<EventType<?>, Set<String>> OPTIONAL = Map.ofEntries(
            Map.entry(EventTypes.CLIENT_ASSIGNED, Set.of("episodeId", "startDate")),
            Map.entry(EventTypes.CLIENT_REASSIGNED, Set.of("startDate")),
            Map.entry(EventTypes.CLINIC_REGISTERED, Set.of("supervisorEmail")),
            Map.entry(EventTypes.CLINIC_UPDATED, Set.of("supervisorEmail")),
            Map.entry(EventTypes.EPISODE_CLOSED, Set.of("therapistId")),
            Map.entry(EventTypes.SESSION_SCHEDULED, Set.of("sessionNumber", "scheduledAt", "episodeId", "clientCode")),
            Map.entry(EventTypes.FEEDBACK_SUBMITTED, Set.of("sessionNumber", "scheduledAt", "allianceIndex", "subscaleIndices",
                    "enteredBy")),
            Map.entry(EventTypes.FEEDBACK_CORRECTED, Set.of("subscaleIndices", "correctedBy")),
            Map.entry(EventTypes.ALERT_RAISED, Set.of("dyadId", "sessionNumber", "occurredAt", "pillars", "riskScore", "riskFactors")),
            Map.entry(EventTypes.ALERT_RESOLVED, Set.of("sessionNumber")),
            Map.entry(EventTypes.ALERT_ACKNOWLEDGED, Set.of("clientCode", "dyadId")),
            Map.entry(EventTypes.NOTIFICATION_SENT, Set.of("purpose", "recipient", "alertRaisedAt", "millisFromAlertRaised",
                    "alertKind")),
            Map.entry(EventTypes.NOTIFICATION_FAILED, Set.of("purpose", "alertRaisedAt", "millisFromAlertRaised", "alertKind")));

    static Stream<EventType<?>> eventTypes() {
        return EventTypes.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEventTypeHasASchemaMatchingItsRecord(EventType<?> type) throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertNotNull(in, "no schema at " + type.schemaResource());
            schema = new ObjectMapper().readTree(in);
        }
        Set<String> components = new HashSet<>(Arrays.stream(type.payloadClass().getRecordComponents())
                .map(c -> c.getName()).toList());
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(n -> required.add(n.asText()));
        Set<String> properties = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);

        Set<String> expectedRequired = new HashSet<>(components);
        expectedRequired.removeAll(OPTIONAL.getOrDefault(type, Set.of()));
        assertEquals(expectedRequired, required, "required properties of " + type.type());
        assertEquals(components, properties, "properties of " + type.type());
        assertTrue(components.containsAll(required), "required properties of " + type.type() + ": " + required);
        // a field added to a v1 type later is optional: old payloads lack it, so it must be a nullable type
        for (var component : type.payloadClass().getRecordComponents()) {
            if (!required.contains(component.getName())) {
                assertTrue(!component.getType().isPrimitive(), type.type() + "." + component.getName()
                        + " is optional in the schema, so it cannot be a primitive");
                assertTrue(schema.get("properties").get(component.getName()).get("type").toString().contains("null"),
                        type.type() + "." + component.getName() + " is optional, so its schema type allows null");
            }
        }
        assertTrue(schema.get("$id").asText().endsWith(type.type() + ".schema.json"));
    }

    @Test
    void typeNamesAreVersionedAndUniqueAndTopicsHaveOneProducer() {
        for (EventType<?> type : EventTypes.ALL) {
            assertTrue(type.type().matches("org\\.alliancepulse\\.[a-z]+\\.[a-z-]+\\.v\\d+"), type.type());
            assertEquals(type, EventTypes.byType(type.type()).orElseThrow());
            String service = type.type().split("\\.")[2];
            String expectedTopic = switch (service) {
                case "intake" -> Topics.INTAKE_EVENTS;
                case "session" -> Topics.SESSION_EVENTS;
                case "alliance" -> Topics.ALLIANCE_ALERTS;
                case "notification" -> Topics.NOTIFICATION_EVENTS;
                default -> throw new AssertionError(service);
            };
            assertEquals(expectedTopic, type.topic(), type.type());
        }
    }

    @Test
    void payloadsSurviveTheWireAndUnknownFieldsAreTolerated() {
        FeedbackSubmitted feedback = new FeedbackSubmitted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "C-7KQ3MZ", UUID.randomUUID(), "north", LocalDate.of(2026, 11, 26), "SRS",
                List.of(new BigDecimal("7"), new BigDecimal("8.5"), BigDecimal.TEN, BigDecimal.ZERO),
                new BigDecimal("25.5"), Map.of("bond", new BigDecimal("7")), Instant.parse("2026-11-26T10:15:30Z"));

        String json = EventJson.write(feedback);
        assertTrue(json.contains("\"sessionDate\":\"2026-11-26\""), json);
        assertTrue(json.contains("\"submittedAt\":\"2026-11-26T10:15:30Z\""), json);
        assertEquals(feedback, EventJson.read(json, FeedbackSubmitted.class));

        String newer = json.replaceFirst("\\{", "{\"addedInAFutureVersion\":true,");
        assertEquals(feedback, EventJson.read(newer, FeedbackSubmitted.class));
    }

    @Test
    void instantsTravelInWholeMicrosecondsAsTheDatabasesKeepThem() {
        // PostgreSQL rounds 10:15:30.123456789 up to .123457: a consumer comparing the nanosecond instant with its
        // own stored copy would find the copy later than the event, and drop a second event at that instant as stale
        Instant nanos = Instant.parse("2026-11-26T10:15:30.123456789Z");
        ClientAssigned assigned = new ClientAssigned(UUID.randomUUID(), "C-7KQ3MZ", "north", UUID.randomUUID(), nanos);

        String json = EventJson.write(assigned);
        assertTrue(json.contains("\"assignedAt\":\"2026-11-26T10:15:30.123456Z\""), json);
        assertEquals(Instant.parse("2026-11-26T10:15:30.123456Z"),
                EventJson.read(json.replace(".123456Z", ".123456789Z"), ClientAssigned.class).assignedAt(),
                "a producer outside this code base may send nanoseconds: read as whole microseconds");
    }

    @Test
    void aFeedbackSubmittedOfTheWalkingSkeletonStillReadsWithoutTheFieldsAddedLater() {
        String old = "{\"feedbackId\":\"" + UUID.randomUUID() + "\",\"sessionId\":\"" + UUID.randomUUID()
                + "\",\"clientId\":\"" + UUID.randomUUID() + "\",\"clientCode\":\"C-7KQ3MZ\",\"therapistId\":\""
                + UUID.randomUUID() + "\",\"clinicId\":\"north\",\"sessionDate\":\"2026-11-26\",\"instrument\":\"SRS\","
                + "\"answers\":[7,8,9,10],\"total\":34,\"subscales\":{\"bond\":7},\"submittedAt\":\"2026-11-26T10:15:30Z\"}";

        FeedbackSubmitted read = EventJson.read(old, FeedbackSubmitted.class);

        assertEquals("SRS", read.instrument());
        assertEquals(null, read.sessionNumber());
        assertEquals(null, read.scheduledAt());
        assertEquals(null, read.allianceIndex());
    }

    @Test
    void theNewFieldsOfFeedbackSubmittedSurviveTheWire() {
        FeedbackSubmitted feedback = new FeedbackSubmitted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "C-7KQ3MZ", UUID.randomUUID(), "north", LocalDate.of(2026, 11, 26), "SRS",
                List.of(new BigDecimal("9"), new BigDecimal("9"), BigDecimal.TEN, BigDecimal.TEN),
                new BigDecimal("38"), Map.of("bond", new BigDecimal("9")), Instant.parse("2026-11-26T10:15:30Z"),
                3, Instant.parse("2026-11-26T09:00:00Z"), new BigDecimal("95.0"));

        assertEquals(feedback, EventJson.read(EventJson.write(feedback), FeedbackSubmitted.class));
    }

    @Test
    void aPayloadMissingARequiredFieldIsMalformed() {
        String missingCode = "{\"clientId\":\"" + UUID.randomUUID() + "\",\"clinicId\":\"north\",\"ageBand\":\"18-25\"}";
        assertThrows(MalformedEventException.class, () -> EventJson.read(missingCode, ClientRegistered.class));
        assertThrows(MalformedEventException.class, () -> EventJson.read("not json", ClientRegistered.class));
        assertThrows(MalformedEventException.class, () -> EventJson.read("null", ClientRegistered.class));
    }

    /** A session time a typo made (year 0001, 99999) is poison: no consumer stores it in its state. */
    @Test
    void aSessionOutsideTheYears1900To2999IsMalformed() {
        String template = "{\"sessionId\":\"%1$s\",\"clientId\":\"%1$s\",\"therapistId\":\"%1$s\","
                + "\"clinicId\":\"north\",\"sessionDate\":\"%2$s\",\"sessionNumber\":1,\"scheduledAt\":\"%3$s\"}";
        UUID id = UUID.randomUUID();
        for (String[] ok : new String[][] { { "1900-01-01", "1900-01-01T00:00:00Z" },
                { "2999-12-31", "2999-12-31T23:59:59Z" } }) {
            assertEquals(LocalDate.parse(ok[0]), EventJson.read(template.formatted(id, ok[0], ok[1]),
                    org.alliancepulse.contracts.session.SessionScheduled.class).sessionDate());
        }
        for (String[] bad : new String[][] { { "1899-12-31", "1900-01-01T00:00:00Z" },
                { "2026-11-23", "1899-12-31T23:59:59Z" }, { "2026-11-23", "3000-01-01T00:00:00Z" },
                { "2026-11-23", "+99999-11-23T10:00:00Z" }, { "3000-01-01", "2026-11-23T10:00:00Z" } }) {
            assertThrows(MalformedEventException.class, () -> EventJson.read(template.formatted(id, bad[0], bad[1]),
                    org.alliancepulse.contracts.session.SessionScheduled.class), bad[0] + " " + bad[1]);
        }
    }

    @Test
    void payloadsPublishedBeforeAnOptionalFieldExistedStillDeserialise() {
        UUID client = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        String oldAssignment = "{\"clientId\":\"" + client + "\",\"clientCode\":\"C-7KQ3MZ\",\"clinicId\":\"north\","
                + "\"therapistId\":\"" + therapist + "\",\"assignedAt\":\"2026-11-26T10:15:30Z\"}";
        assertEquals(new ClientAssigned(client, "C-7KQ3MZ", "north", therapist, Instant.parse("2026-11-26T10:15:30Z")),
                EventJson.read(oldAssignment, ClientAssigned.class));
        assertEquals(new ClinicRegistered("north", "North"),
                EventJson.read("{\"clinicId\":\"north\",\"name\":\"North\"}", ClinicRegistered.class));

        UUID episode = UUID.randomUUID();
        ClientAssigned current = new ClientAssigned(client, "C-7KQ3MZ", "north", therapist,
                Instant.parse("2026-11-26T10:15:30Z"), episode);
        assertEquals(current, EventJson.read(EventJson.write(current), ClientAssigned.class));
        ClinicRegistered withSupervisor = new ClinicRegistered("north", "North", "supervisor@north.example");
        assertEquals(withSupervisor, EventJson.read(EventJson.write(withSupervisor), ClinicRegistered.class));
    }

    @Test
    void endingsAndReasonsTravelByName() {
        EpisodeClosed closed = new EpisodeClosed(UUID.randomUUID(), "C-7KQ3MZ", "north", UUID.randomUUID(),
                UUID.randomUUID(), EpisodeClosed.Ending.DROPOUT, LocalDate.of(2026, 10, 1),
                Instant.parse("2026-11-26T10:15:30Z"));
        String json = EventJson.write(closed);
        assertTrue(json.contains("\"ending\":\"DROPOUT\""), json);
        assertTrue(json.contains("\"endDate\":\"2026-10-01\""), json);
        assertEquals(closed, EventJson.read(json, EpisodeClosed.class));
        assertThrows(MalformedEventException.class,
                () -> EventJson.read(json.replace("DROPOUT", "VANISHED"), EpisodeClosed.class));
    }

    @Test
    void deadLetterTopicsBelongToOneConsumer() {
        assertEquals("session-service.intake-events.dlq", Topics.deadLetterTopic("session-service", "intake-events"));
    }
}
