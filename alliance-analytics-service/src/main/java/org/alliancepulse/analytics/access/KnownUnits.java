package org.alliancepulse.analytics.access;

import java.util.UUID;

import org.alliancepulse.analytics.dyad.Dyad;
import org.alliancepulse.platform.problem.ProblemException;

/**
 * Whether an event ever named a clinic or therapist here (a therapist registered, a client assigned): an id nobody
 * named is a 404, not a unit with nothing in it (an outside probe's typo looked like an empty clinic).
 */
public final class KnownUnits {

    private KnownUnits() {
    }

    public static void requireClinic(String clinicId) {
        if (TherapistLogin.count("clinicId", clinicId) == 0 && Dyad.count("clinicId", clinicId) == 0) {
            throw ProblemException.notFound("no therapist or client of clinic '" + clinicId + "' is known here");
        }
    }

    public static void requireTherapist(UUID therapistId) {
        if (TherapistLogin.findById(therapistId) == null && Dyad.count("therapistId", therapistId) == 0) {
            throw ProblemException.notFound("no therapist with this id is known here");
        }
    }
}
