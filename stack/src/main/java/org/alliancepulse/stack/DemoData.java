package org.alliancepulse.stack;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Demo data for the local stack, entered like a user would: through the services' HTTP APIs with tokens from
 * Keycloak, so every event really travels through Kafka. Names and dates of birth are invented.
 */
final class DemoData {

    private final Stack stack;
    private final ApiClient api = new ApiClient();
    private final List<String> summary = new ArrayList<>();

    private DemoData(Stack stack) {
        this.stack = stack;
    }

    /** Seeds the demo data; returns lines describing what was created. */
    static List<String> seed(Stack stack) {
        DemoData demo = new DemoData(stack);
        demo.run();
        return demo.summary;
    }

    private void run() {
        String intake = stack.baseUrl(Service.INTAKE);
        String session = stack.baseUrl(Service.SESSION);
        String admin = stack.token(DemoUsers.ADMIN);

        for (var clinic : List.of(
                Map.of("id", "north", "name", "North Clinic", "supervisorEmail", "supervisor@north.clinic.example"),
                Map.of("id", "south", "name", "South Clinic", "supervisorEmail", "supervisor@south.clinic.example"),
                Map.of("id", "east", "name", "East Clinic", "supervisorEmail", "supervisor@east.clinic.example"))) {
            api.post(intake + "/api/clinics", admin, clinic).expect(201);
            summary.add("clinic " + clinic.get("id") + " (" + clinic.get("name") + ")");
        }
        String drNorth = therapist(intake, admin, "north", DemoUsers.DR_NORTH, "Dr. Nils Northcott", DemoUsers.DR_NORTH_EMAIL);
        String drSouth = therapist(intake, admin, "south", DemoUsers.DR_SOUTH, "Dr. Sofia Southey", DemoUsers.DR_SOUTH_EMAIL);
        therapist(intake, admin, "east", DemoUsers.DR_EAST, "Dr. Elin Eastwood", DemoUsers.DR_EAST_EMAIL);

        String staffNorth = stack.token(DemoUsers.STAFF_NORTH);
        String staffSouth = stack.token(DemoUsers.STAFF_SOUTH);
        String[] north1 = client(intake, staffNorth, "north", "Liv", "Amundsen", "1990-05-02", drNorth);
        String[] north2 = client(intake, staffNorth, "north", "Jonas", "Berg", "1975-11-23", drNorth);
        String[] south1 = client(intake, staffSouth, "south", "Maja", "Lund", "2001-01-30", drSouth);

        // the assignments reach session-service through Kafka: its first sessions may need a few tries
        LocalDate today = LocalDate.now();
        // three weekly sessions rated well, then the relationship item falls: a rupture of the bond
        for (int week = 4; week >= 2; week--) {
            sessionWithFeedback(session, staffNorth, north1, today.minusWeeks(week), List.of(9.5, 9.5, 9.5, 9.5));
        }
        String ruptured = sessionWithFeedback(session, staffNorth, north1, today.minusWeeks(1), List.of(4, 9.5, 9, 9.5));
        summary.add("sessions 1-3 for " + north1[1] + ": SRS 38; session 4 (" + ruptured + "): SRS 32, the "
                + "relationship item fell (a rupture of the bond: expect one alert email to " + DemoUsers.DR_NORTH_EMAIL
                + ")");
        String low = sessionWithFeedback(session, staffNorth, north2, today.minusDays(1), List.of(8, 8.5, 8, 8.5));
        summary.add("session " + low + " for " + north2[1] + ": SRS 33 (below 36: a low-alliance flag on the "
                + "session, not an email)");
        String southGood = sessionWithFeedback(session, staffSouth, south1, today, List.of(9.5, 9.5, 9, 9));
        summary.add("session " + southGood + " for " + south1[1] + ": SRS 37");
    }

    private String therapist(String intake, String admin, String clinicId, String username, String displayName,
            String email) {
        String id = api.post(intake + "/api/therapists", admin, Map.of("clinicId", clinicId, "username", username,
                "displayName", displayName, "workEmail", email)).expect(201).field("id");
        summary.add("therapist " + username + " = " + id + " at " + clinicId + " <" + email + ">");
        return id;
    }

    /** @return client id and client code */
    private String[] client(String intake, String staff, String clinicId, String firstName, String lastName,
            String dateOfBirth, String therapistId) {
        ApiClient.Response created = api.post(intake + "/api/clients", staff, Map.of("clinicId", clinicId,
                "firstName", firstName, "lastName", lastName, "dateOfBirth", dateOfBirth)).expect(201);
        String id = created.field("id");
        String code = created.field("clientCode");
        api.post(intake + "/api/clients/" + id + "/assignment", staff, Map.of("therapistId", therapistId)).expect(201);
        summary.add("client " + code + " = " + id + " at " + clinicId + ", assigned to therapist " + therapistId);
        return new String[] {id, code};
    }

    private String sessionWithFeedback(String session, String staff, String[] client, LocalDate date,
            List<Number> srsAnswers) {
        Map<String, Object> body = Map.of("clientId", client[0], "sessionDate", date.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ApiClient.Response created = api.post(session + "/api/sessions", staff, body);
        // 409 until session-service has heard of the assignment (through Kafka)
        while (created.status() == 409 && System.nanoTime() < deadline) {
            Processes.sleep(500);
            created = api.post(session + "/api/sessions", staff, body);
        }
        String sessionId = created.expect(201).field("id");
        api.post(session + "/api/sessions/" + sessionId + "/feedback", staff,
                Map.of("instrument", "SRS", "answers", srsAnswers)).expect(201);
        return sessionId;
    }
}
