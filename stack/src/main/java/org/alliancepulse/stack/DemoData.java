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

    private static final List<Number> GOOD = List.of(9.5, 9.5, 9.5, 9.5);
    /** The relationship item falls: SRS 32 after 38, a rupture of the bond. */
    private static final List<Number> BOND_FELL = List.of(4, 9.5, 9, 9.5);
    /** Low on every item from the start: SRS 26, below the fit cut-off of 30. */
    private static final List<Number> POOR_FIT = List.of(6.5, 6.5, 6.5, 6.5);
    private static final String[][] NAMES = { { "Liv", "Amundsen" }, { "Jonas", "Berg" }, { "Maja", "Lund" },
        { "Emil", "Dahl" }, { "Nora", "Holm" }, { "Aksel", "Strand" }, { "Ida", "Moen" }, { "Henrik", "Lie" },
        { "Sara", "Bakke" }, { "Olav", "Haug" }, { "Tuva", "Eide" }, { "Mats", "Solheim" } };

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
        String drEast = therapist(intake, admin, "east", DemoUsers.DR_EAST, "Dr. Elin Eastwood", DemoUsers.DR_EAST_EMAIL);
        // a second therapist per clinic (no login), so each clinic's metrics have a row per therapist
        Map<String, String> second = Map.of(
                "north", therapist(intake, admin, "north", "dr-north-2", "Dr. Nora Nygaard", "dr-north-2@north.clinic.example"),
                "south", therapist(intake, admin, "south", "dr-south-2", "Dr. Sverre Sandvik", "dr-south-2@south.clinic.example"),
                "east", therapist(intake, admin, "east", "dr-east-2", "Dr. Eva Ekrem", "dr-east-2@east.clinic.example"));
        Map<String, String> staff = Map.of("north", stack.token(DemoUsers.STAFF_NORTH),
                "south", stack.token(DemoUsers.STAFF_SOUTH), "east", stack.token(DemoUsers.STAFF_EAST));
        LocalDate today = LocalDate.now();
        // alerts about sessions more than 14 days old are recorded, not emailed: the ones meant to reach an inbox
        // are raised at sessions of the last two weeks

        // dr-north: one of each alert kind
        String[] ruptured = client(intake, staff.get("north"), "north", "Silje", "Bakke", "1983-08-19", drNorth);
        for (int day : new int[] { 23, 16, 9 }) {
            sessionWithFeedback(session, staff.get("north"), ruptured, today.minusDays(day), GOOD);
        }
        sessionWithFeedback(session, staff.get("north"), ruptured, today.minusDays(2), BOND_FELL);
        summary.add("client " + ruptured[1] + " = " + ruptured[0] + " (dr-north): the bond fell at session 4, two days ago: a RUPTURE"
                + " alert naming the bond (emailed), open until the alliance is back");

        String[] repaired = client(intake, staff.get("north"), "north", "Liv", "Amundsen", "1990-05-02", drNorth);
        for (int week = 6; week >= 4; week--) {
            sessionWithFeedback(session, staff.get("north"), repaired, today.minusWeeks(week), GOOD);
        }
        sessionWithFeedback(session, staff.get("north"), repaired, today.minusDays(13), BOND_FELL);
        sessionWithFeedback(session, staff.get("north"), repaired, today.minusDays(6), BOND_FELL);
        sessionWithFeedback(session, staff.get("north"), repaired, today.minusDays(1), List.of(9.8, 9.8, 9.8, 9.8));
        summary.add("client " + repaired[1] + " = " + repaired[0] + " (dr-north): the bond fell at sessions 4-5, back at session 6: a RUPTURE alert "
                + "resolved REPAIRED (emailed, unless the repair, entered a moment later, reaches the mailer first)");

        String[] unresolved = client(intake, staff.get("north"), "north", "Jonas", "Berg", "1975-11-23", drNorth);
        for (int day = 40; day >= 4; day -= 4) {
            sessionWithFeedback(session, staff.get("north"), unresolved, today.minusDays(day), day > 28 ? GOOD : BOND_FELL);
        }
        summary.add("client " + unresolved[1] + " = " + unresolved[0] + " (dr-north): the bond fell at session 4 and stayed down: RUPTURE, then "
                + "UNRESOLVED_RUPTURE after six scored sessions (the rupture, at a session four weeks ago, is recorded, not "
                + "emailed: alerts about sessions over 14 days old are history; the unresolved rupture is emailed)");

        String[] poorFit = client(intake, staff.get("north"), "north", "Maja", "Lund", "2001-01-30", drNorth);
        for (int day : new int[] { 20, 16, 12, 8, 3 }) {
            sessionWithFeedback(session, staff.get("north"), poorFit, today.minusDays(day), POOR_FIT);
        }
        summary.add("client " + poorFit[1] + " = " + poorFit[0] + " (dr-north): SRS 26 at every session: FIT_CONCERN from session 5 (emailed)");

        String[] leaving = client(intake, staff.get("north"), "north", "Emil", "Dahl", "1994-02-17", drNorth);
        String first = session(session, staff.get("north"), leaving, today.minusDays(6));
        api.post(session + "/api/sessions/" + first + "/attendance", staff.get("north"), Map.of("outcome", "ATTENDED"))
                .expect(200);
        api.post(session + "/api/sessions/" + first + "/feedback", staff.get("north"),
                Map.of("instrument", "SRS", "answers", List.of(6, 6.5, 6, 6))).expect(201);
        for (int day : new int[] { 4, 2 }) {
            String missed = session(session, staff.get("north"), leaving, today.minusDays(day));
            api.post(session + "/api/sessions/" + missed + "/attendance", staff.get("north"),
                    Map.of("outcome", "NO_SHOW")).expect(200);
        }
        summary.add("client " + leaving[1] + " = " + leaving[0] + " (dr-north): a low first session, then two no-shows: DROPOUT_RISK with its factors "
                + "(emailed)");

        // the rest of the network: ordinary courses, an ORS at the first and last session, some endings
        int made = 0;
        for (String clinic : List.of("north", "south", "east")) {
            String own = switch (clinic) {
                case "north" -> drNorth;
                case "south" -> drSouth;
                default -> drEast;
            };
            for (int i = 0; i < 8; i++) {
                String[] name = NAMES[(made + 4) % NAMES.length];
                String[] client = client(intake, staff.get(clinic), clinic, name[0], name[1],
                        LocalDate.of(1960 + made % 40, 1 + made % 12, 1 + made % 28).toString(),
                        i % 2 == 0 ? own : second.get(clinic));
                int weeks = 4 + i % 3;
                for (int week = weeks; week >= 1; week--) {
                    double item = 9.0 + (made % 3) * 0.2;
                    double tasks = Math.round((item + 0.3) * 10) / 10.0;
                    item = Math.round(item * 10) / 10.0;
                    String id = sessionWithFeedback(session, staff.get(clinic), client, today.minusWeeks(week)
                            .minusDays(i), List.of(item, item, tasks, item));
                    if (week == weeks || week == 1) {
                        double ors = week == weeks ? 4.5 : 6.5;
                        api.post(session + "/api/sessions/" + id + "/feedback", staff.get(clinic),
                                Map.of("instrument", "ORS", "answers", List.of(ors, ors, ors, ors))).expect(201);
                    }
                }
                if (i < 3) {
                    api.post(intake + "/api/clients/" + client[0] + "/discharge", staff.get(clinic), Map.of(
                            "ending", i == 2 ? "DROPOUT" : "PLANNED", "endDate", today.toString())).expect(200);
                }
                made++;
            }
        }
        summary.add(made + " more clients across the three clinics, 4-6 weekly sessions each with SRS and ORS, "
                + "9 of them discharged (3 as dropouts): the network's figures on /network");
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
        // care began before the first demo session (seven weeks ago at most): dyads start before their sessions,
        // as a real history entered with its start day does
        api.post(intake + "/api/clients/" + id + "/assignment", staff, Map.of("therapistId", therapistId,
                "startDate", LocalDate.now().minusDays(60).toString())).expect(201);
        return new String[] {id, code};
    }

    private String sessionWithFeedback(String session, String staff, String[] client, LocalDate date,
            List<Number> srsAnswers) {
        String sessionId = session(session, staff, client, date);
        api.post(session + "/api/sessions/" + sessionId + "/feedback", staff,
                Map.of("instrument", "SRS", "answers", srsAnswers)).expect(201);
        return sessionId;
    }

    private String session(String session, String staff, String[] client, LocalDate date) {
        Map<String, Object> body = Map.of("clientId", client[0], "sessionDate", date.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ApiClient.Response created = api.post(session + "/api/sessions", staff, body);
        // 409 until session-service has heard of the assignment (through Kafka)
        while (created.status() == 409 && System.nanoTime() < deadline) {
            Processes.sleep(500);
            created = api.post(session + "/api/sessions", staff, body);
        }
        return created.expect(201).field("id");
    }
}
