package org.alliancepulse.intake.client;

import java.time.LocalDate;
import java.time.Period;

/**
 * The coarse age group shared outside intake instead of the date of birth: enough for clinicians and metrics
 * (adult and child outcome norms differ), too coarse to identify anyone.
 */
public final class AgeBand {

    private AgeBand() {
    }

    public static String of(LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth.isAfter(today)) {
            throw new IllegalArgumentException("date of birth is in the future");
        }
        int age = Period.between(dateOfBirth, today).getYears();
        if (age < 18) {
            return "under-18";
        }
        if (age <= 25) {
            return "18-25";
        }
        if (age <= 35) {
            return "26-35";
        }
        if (age <= 45) {
            return "36-45";
        }
        if (age <= 55) {
            return "46-55";
        }
        if (age <= 65) {
            return "56-65";
        }
        return "over-65";
    }
}
