package org.alliancepulse.stack;

import java.util.List;

/** The demo users of {@code deploy/keycloak/alliance-pulse-realm.json}. */
public final class DemoUsers {

    /** Every demo user's password (demo only: the realm is for local runs and tests). */
    public static final String PASSWORD = "demo-password";

    public static final String ADMIN = "admin";
    public static final String STAFF_NORTH = "staff-north";
    public static final String STAFF_SOUTH = "staff-south";
    public static final String DR_NORTH = "dr-north";
    public static final String DR_SOUTH = "dr-south";
    public static final String STAFF_EAST = "staff-east";
    public static final String DR_EAST = "dr-east";
    /** A second therapist in each clinic (the demo data assigns them clients too): "the wrong therapist" to try. */
    public static final String DR_NORTH_2 = "dr-north-2";
    public static final String DR_SOUTH_2 = "dr-south-2";
    public static final String DR_EAST_2 = "dr-east-2";

    public static final String DR_NORTH_EMAIL = "dr-north@north.clinic.example";
    public static final String DR_SOUTH_EMAIL = "dr-south@south.clinic.example";
    public static final String DR_EAST_EMAIL = "dr-east@east.clinic.example";

    /** Username and what it stands for, in the order the launcher lists them. */
    public static final List<User> ALL = List.of(
            new User(ADMIN, "admin", null, "admin@alliance-pulse.example"),
            new User(STAFF_NORTH, "clinic-staff", "north", "staff-north@north.clinic.example"),
            new User(STAFF_SOUTH, "clinic-staff", "south", "staff-south@south.clinic.example"),
            new User(STAFF_EAST, "clinic-staff", "east", "staff-east@east.clinic.example"),
            new User(DR_NORTH, "therapist", "north", DR_NORTH_EMAIL),
            new User(DR_SOUTH, "therapist", "south", DR_SOUTH_EMAIL),
            new User(DR_EAST, "therapist", "east", DR_EAST_EMAIL),
            new User(DR_NORTH_2, "therapist", "north", "dr-north-2@north.clinic.example"),
            new User(DR_SOUTH_2, "therapist", "south", "dr-south-2@south.clinic.example"),
            new User(DR_EAST_2, "therapist", "east", "dr-east-2@east.clinic.example"));

    private DemoUsers() {
    }

    public record User(String username, String role, String clinicId, String email) {
    }
}
