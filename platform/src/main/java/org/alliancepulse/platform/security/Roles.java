package org.alliancepulse.platform.security;

/** Realm roles of the identity provider, as the services check them. */
public final class Roles {

    /** Network administrators: register clinics and therapists, see network metrics. */
    public static final String ADMIN = "admin";
    /** Front-desk and clinical staff of one clinic (their token's {@code clinic_id}). */
    public static final String CLINIC_STAFF = "clinic-staff";
    /** Therapists: see and act on their own assigned clients only. */
    public static final String THERAPIST = "therapist";

    /** Token claim naming the clinic a staff member or therapist belongs to. */
    public static final String CLINIC_CLAIM = "clinic_id";

    private Roles() {
    }
}
