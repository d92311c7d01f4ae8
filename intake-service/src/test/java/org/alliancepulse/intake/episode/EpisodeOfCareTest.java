package org.alliancepulse.intake.episode;

import static org.alliancepulse.intake.IntakeApi.assign;
import static org.alliancepulse.intake.IntakeApi.discharge;
import static org.alliancepulse.intake.IntakeApi.newEpisode;
import static org.alliancepulse.intake.IntakeApi.reassign;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.intake.ClientReassigned;
import org.alliancepulse.contracts.intake.EpisodeClosed;
import org.alliancepulse.intake.IntakeApi;
import org.alliancepulse.intake.client.Client;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A client's story: assigned, reassigned for fit, discharged as a dropout, back for a new episode. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class EpisodeOfCareTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void assignmentReassignmentForFitDischargeAsDropoutAndANewEpisodeAreEachAnnounced() {
        String clinic = IntakeApi.newClinic();
        String first = IntakeApi.newTherapist(clinic);
        String second = IntakeApi.newTherapist(clinic);
        String client = IntakeApi.newClient(clinic);
        String lastSession = LocalDate.now(ZoneOffset.UTC).minusDays(20).toString();

        String episode = assign(clinic, client, first).then().statusCode(201).extract().path("episodeId");
        reassign(clinic, client, second, "FIT").then().statusCode(201)
                .body("therapistId", equalTo(second)).body("episodeId", equalTo(episode));
        discharge(clinic, client, "DROPOUT", lastSession).then().statusCode(200)
                .body("id", equalTo(episode)).body("ending", equalTo("DROPOUT")).body("endDate", equalTo(lastSession))
                .body("therapistId", equalTo(second));
        String next = newEpisode(clinic, client).then().statusCode(201).extract().path("id");
        assertNotEquals(episode, next);
        assign(clinic, client, first).then().statusCode(201).body("episodeId", equalTo(next));

        KafkaEvents events = new KafkaEvents(kafka);
        List<String> types = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> events.readAll(Topics.INTAKE_EVENTS).stream().filter(r -> client.equals(r.key()))
                        .map(r -> KafkaEvents.header(r, "ce_type")).toList(),
                found -> found.size() >= 5);
        assertEquals(List.of(EventTypes.CLIENT_REGISTERED.type(), EventTypes.CLIENT_ASSIGNED.type(),
                EventTypes.CLIENT_REASSIGNED.type(), EventTypes.EPISODE_CLOSED.type(),
                EventTypes.CLIENT_ASSIGNED.type()), types, "one event per move, in order, keyed by client");

        var assigned = events.published(EventTypes.CLIENT_ASSIGNED, e -> e.clientId().toString().equals(client));
        assertEquals(UUID.fromString(episode), assigned.get(0).payload().episodeId());
        assertEquals(UUID.fromString(next), assigned.get(1).payload().episodeId());
        ClientReassigned reassigned = events.published(EventTypes.CLIENT_REASSIGNED,
                e -> e.clientId().toString().equals(client)).get(0).payload();
        assertEquals(UUID.fromString(first), reassigned.previousTherapistId());
        assertEquals(UUID.fromString(second), reassigned.therapistId());
        assertEquals(ClientReassigned.Reason.FIT, reassigned.reason());
        assertEquals(UUID.fromString(episode), reassigned.episodeId());
        EpisodeClosed closed = events.published(EventTypes.EPISODE_CLOSED,
                e -> e.clientId().toString().equals(client)).get(0).payload();
        assertEquals(EpisodeClosed.Ending.DROPOUT, closed.ending());
        assertEquals(LocalDate.parse(lastSession), closed.endDate());
        assertEquals(UUID.fromString(second), closed.therapistId(), "the dyad that ended");
        assertEquals(UUID.fromString(episode), closed.episodeId());
    }

    /**
     * A history entered afterwards: the assignment and the change of therapist carry the days they happened, so the
     * events date the dyads, and what the change resolves downstream, in event time (an outside probe found a 2025
     * change of therapist dated the day it was typed in). A day out of order, in the future or before 1900 is a 400
     * naming {@code startDate}; none is the moment of the request.
     */
    @Test
    void aCourseEnteredAfterwardsIsDatedByTheDaysGiven() {
        String clinic = IntakeApi.newClinic();
        String first = IntakeApi.newTherapist(clinic);
        String second = IntakeApi.newTherapist(clinic);
        String third = IntakeApi.newTherapist(clinic);
        String client = IntakeApi.newClient(clinic);
        String tomorrowButOne = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

        assign(clinic, client, first, tomorrowButOne).then().statusCode(400)
                .body("violations[0].field", equalTo("startDate"));
        assign(clinic, client, first, "1899-12-31").then().statusCode(400)
                .body("violations[0].field", equalTo("startDate"));
        assign(clinic, client, first, "2025-03-03").then().statusCode(201)
                .body("assignedAt", equalTo("2025-03-03T00:00:00Z"));
        reassign(clinic, client, second, "FIT", "2025-03-03").then().statusCode(400)
                .body("violations[0].field", equalTo("startDate"))
                .body("violations[0].message", containsString("2025-03-03"));
        reassign(clinic, client, second, "FIT", "2025-05-02").then().statusCode(201);
        // an episode does not end before its therapist took over (outside probe: it ended a month before it began)
        discharge(clinic, client, "DROPOUT", "2025-05-01").then().statusCode(400)
                .body("violations[0].field", equalTo("endDate"))
                .body("violations[0].message", containsString("2025-05-02"));
        discharge(clinic, client, "PLANNED", "2025-06-30").then().statusCode(200);
        newEpisode(clinic, client).then().statusCode(201);
        assign(clinic, client, third, "2025-06-29").then().statusCode(400)
                .body("violations[0].field", equalTo("startDate"))
                .body("violations[0].message", containsString("previous episode"));
        assign(clinic, client, third, "2025-07-07").then().statusCode(201);
        Instant beforeTheChange = Instant.now();
        reassign(clinic, client, first, "AVAILABILITY").then().statusCode(201);
        discharge(clinic, client, "PLANNED", "2025-07-06").then().statusCode(400)
                .body("violations[0].message", containsString("2025-07-07"));

        KafkaEvents events = new KafkaEvents(kafka);
        var reassigned = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> events.published(EventTypes.CLIENT_REASSIGNED, e -> e.clientId().toString().equals(client)),
                found -> found.size() == 2);
        var assigned = events.published(EventTypes.CLIENT_ASSIGNED, e -> e.clientId().toString().equals(client));
        assertEquals(Instant.parse("2025-03-03T00:00:00Z"), assigned.get(0).payload().assignedAt());
        assertEquals(Instant.parse("2025-05-02T00:00:00Z"), reassigned.get(0).payload().reassignedAt());
        assertEquals(Instant.parse("2025-07-07T00:00:00Z"), assigned.get(1).payload().assignedAt());
        assertTrue(!reassigned.get(1).payload().reassignedAt().isBefore(beforeTheChange), "none given: now");
        assertEquals(LocalDate.parse("2025-03-03"), assigned.get(0).payload().startDate(), "the day given");
        assertEquals(LocalDate.parse("2025-05-02"), reassigned.get(0).payload().startDate());
        assertEquals(null, reassigned.get(1).payload().startDate(), "none given");
        assertEquals(1, events.published(EventTypes.EPISODE_CLOSED, e -> e.clientId().toString().equals(client))
                .size(), "the refused discharges published nothing");
        assertEquals(Client.Status.IN_CARE, Client.<Client>findById(UUID.fromString(client)).status);
    }

    /** A history entered without days: its episodes still end in order (the second not before the first). */
    @Test
    void anEpisodeDoesNotEndBeforeThePreviousOneEvenWithoutDaysGiven() {
        String clinic = IntakeApi.newClinic();
        String therapist = IntakeApi.newTherapist(clinic);
        String client = IntakeApi.newClient(clinic);
        assign(clinic, client, therapist).then().statusCode(201);
        discharge(clinic, client, "PLANNED", "2025-06-30").then().statusCode(200);
        newEpisode(clinic, client).then().statusCode(201);
        assign(clinic, client, therapist).then().statusCode(201);
        discharge(clinic, client, "DROPOUT", "2025-06-29").then().statusCode(400)
                .body("violations[0].field", equalTo("endDate"))
                .body("violations[0].message", containsString("2025-06-30, the end of the client's previous episode"));
        discharge(clinic, client, "DROPOUT", "2025-06-30").then().statusCode(200);
    }

    @Test
    void illegalMovesAreConflictsThatSayWhyAndChangeNothing() {
        String clinic = IntakeApi.newClinic();
        String therapist = IntakeApi.newTherapist(clinic);
        String other = IntakeApi.newTherapist(clinic);
        String client = IntakeApi.newClient(clinic);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        reassign(clinic, client, therapist, "FIT").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("assignment"));
        assign(clinic, client, therapist).then().statusCode(201);
        assign(clinic, client, other).then().statusCode(409).body("detail", containsString("reassignment"));
        reassign(clinic, client, therapist, "AVAILABILITY").then().statusCode(409)
                .body("detail", containsString("already assigned to this therapist"));
        discharge(clinic, client, "PLANNED", today).then().statusCode(200);
        discharge(clinic, client, "PLANNED", today).then().statusCode(409)
                .body("detail", containsString("already discharged"));
        assign(clinic, client, therapist).then().statusCode(409)
                .body("detail", containsString("start a new episode"));
        reassign(clinic, client, other, "OTHER").then().statusCode(409);
        newEpisode(clinic, client).then().statusCode(201);
        newEpisode(clinic, client).then().statusCode(409).body("detail", containsString("open episode"));

        Client stored = Client.findById(UUID.fromString(client));
        assertEquals(Client.Status.WAITING, stored.status);
        assertNull(stored.therapistId);
        // the refused moves published nothing: registration, one assignment, one discharge
        String marker = IntakeApi.newClient(clinic);
        KafkaEvents events = new KafkaEvents(kafka);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> !events
                .published(EventTypes.CLIENT_REGISTERED, e -> e.clientId().toString().equals(marker)).isEmpty());
        assertEquals(3, events.readAll(Topics.INTAKE_EVENTS).stream().filter(r -> client.equals(r.key())).count());
    }

    @Test
    void aClientWhoNeverSawATherapistCanBeDischargedAndTheEventSaysNoTherapist() {
        String clinic = IntakeApi.newClinic();
        String client = IntakeApi.newClient(clinic);

        discharge(clinic, client, "ADMINISTRATIVE", LocalDate.now(ZoneOffset.UTC).toString()).then().statusCode(200)
                .body("therapistId", org.hamcrest.Matchers.nullValue());

        var closed = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.EPISODE_CLOSED,
                        e -> e.clientId().toString().equals(client)),
                found -> !found.isEmpty());
        assertNull(closed.get(0).payload().therapistId());
        assertEquals(EpisodeClosed.Ending.ADMINISTRATIVE, closed.get(0).payload().ending());
        assertEquals(Client.Status.DISCHARGED, Client.<Client>findById(UUID.fromString(client)).status);
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "{\"ending\":\"VANISHED\",\"endDate\":\"2026-01-01\"}|ending",
            "{\"endDate\":\"2026-01-01\"}|ending",
            "{\"ending\":\"PLANNED\"}|endDate",
            "{\"ending\":\"PLANNED\",\"endDate\":\"01.01.2026\"}|endDate",
            "{\"ending\":\"PLANNED\",\"endDate\":\"2999-01-01\"}|endDate",
            // a typo, and a number read as a day count (20000 was stored as 2024-10-04)
            "{\"ending\":\"PLANNED\",\"endDate\":\"0001-01-01\"}|endDate",
            "{\"ending\":\"PLANNED\",\"endDate\":20000}|endDate",
            // before the client was born (every test client is born 1950 or later)
            "{\"ending\":\"PLANNED\",\"endDate\":\"1949-12-31\"}|endDate" })
    void aBadDischargeNamesTheFieldAndChangesNothing(String caseSpec) {
        String[] parts = caseSpec.split("\\|");
        String clinic = IntakeApi.newClinic();
        String therapist = IntakeApi.newTherapist(clinic);
        String client = IntakeApi.newClient(clinic);
        assign(clinic, client, therapist).then().statusCode(201);

        io.restassured.RestAssured.given().auth().oauth2(org.alliancepulse.testinfra.security.Tokens.clinicStaff(clinic))
                .contentType(io.restassured.http.ContentType.JSON).body(parts[0])
                .post("/api/clients/" + client + "/discharge")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(parts[1]));

        Client stored = Client.findById(UUID.fromString(client));
        assertEquals(Client.Status.IN_CARE, stored.status);
        assertEquals(0, Episode.count("clientId = ?1 and closedAt is not null", UUID.fromString(client)));
    }

    @Test
    void aBadReassignmentNamesTheFieldAndPublishesNothing() {
        String clinic = IntakeApi.newClinic();
        String therapist = IntakeApi.newTherapist(clinic);
        String other = IntakeApi.newTherapist(clinic);
        String client = IntakeApi.newClient(clinic);
        assign(clinic, client, therapist).then().statusCode(201);

        reassign(clinic, client, other, "BORED").then().statusCode(400).body("violations[0].field", equalTo("reason"));
        reassign(clinic, client, UUID.randomUUID().toString(), "FIT").then().statusCode(400)
                .body("violations[0].field", equalTo("therapistId"));

        String marker = IntakeApi.newClient(clinic);
        KafkaEvents events = new KafkaEvents(kafka);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> !events
                .published(EventTypes.CLIENT_REGISTERED, e -> e.clientId().toString().equals(marker)).isEmpty());
        assertEquals(0, events.published(EventTypes.CLIENT_REASSIGNED, e -> e.clientId().toString().equals(client))
                .size());
        assertEquals(UUID.fromString(therapist), Client.<Client>findById(UUID.fromString(client)).therapistId);
    }
}
