package org.alliancepulse.analytics.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.alliancepulse.analytics.course.AllianceMeasure;
import org.alliancepulse.analytics.course.Attendance;
import org.alliancepulse.analytics.course.DyadCourse;
import org.alliancepulse.analytics.course.SessionObservation;

/**
 * Writes a weekly course as one line for table tests. Tokens, one per session from session 1:
 * {@code 90} an attended session with index 90 (every pillar 90, SRS total 36);
 * {@code 90:60:88:90} index 90 with bond 60, goals 88, tasks 90;
 * {@code -} attended without an alliance measure; {@code x} no-show; {@code l} late cancellation by the client;
 * {@code c} cancelled by the clinic; {@code ?} not recorded yet. A trailing {@code n} on an attended session: no
 * feedback given. ORS totals, when given, are a second line of the same length ({@code -} for none).
 */
final class Courses {

    static final Instant START = Instant.parse("2025-01-06T09:00:00Z");

    private Courses() {
    }

    static DyadCourse weekly(String line) {
        return weekly(line, null);
    }

    static DyadCourse weekly(String line, String orsLine) {
        List<SessionObservation> sessions = new ArrayList<>();
        String[] tokens = line.trim().split("\\s+");
        String[] ors = orsLine == null ? null : orsLine.trim().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            Double orsTotal = ors == null || ors[i].equals("-") ? null : Double.valueOf(ors[i]);
            sessions.add(session(i + 1, START.plus(Duration.ofDays(7L * i)), tokens[i], orsTotal));
        }
        return new DyadCourse(sessions);
    }

    static SessionObservation session(int number, Instant at, String token) {
        return session(number, at, token, null);
    }

    static SessionObservation session(int number, Instant at, String token, Double ors) {
        UUID id = UUID.nameUUIDFromBytes(("session-" + number).getBytes());
        boolean feedback = !token.endsWith("n");
        String value = feedback ? token : token.substring(0, token.length() - 1);
        return switch (value) {
            case "-" -> SessionObservation.attended(id, number, at, null, ors, feedback);
            case "x" -> SessionObservation.missed(id, number, at, Attendance.NO_SHOW, false);
            case "l" -> SessionObservation.missed(id, number, at, Attendance.CANCELLED_BY_CLIENT, true);
            case "c" -> SessionObservation.missed(id, number, at, Attendance.CANCELLED_BY_CLINIC, false);
            case "?" -> SessionObservation.missed(id, number, at, Attendance.NOT_RECORDED, false);
            default -> SessionObservation.attended(id, number, at, measure(value), ors, feedback);
        };
    }

    static AllianceMeasure measure(String token) {
        String[] parts = token.split(":");
        double index = Double.parseDouble(parts[0]);
        if (parts.length == 1) {
            return new AllianceMeasure(index, index, index, index, index / 2.5);
        }
        return new AllianceMeasure(index, Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                Double.parseDouble(parts[3]), index / 2.5);
    }

    /** Thresholds with one setting changed, for boundary tables. */
    static ClinicalThresholds withCooldownDays(int days) {
        ClinicalThresholds d = ClinicalThresholds.defaults();
        return new ClinicalThresholds(d.lowSrsTotal(), d.warmUpScoredSessions(), d.kWatch(), d.kRupture(),
                d.earlyDropIndex(), d.repairWindowScoredSessions(), d.fitIndex(), d.fitRunScoredSessions(),
                d.fitFromSession(), d.networkSdPrior(), d.networkSdMinDyads(), d.orsReliableChange(), d.orsCutoff(),
                d.orsImprovementBySession(), d.riskRaise(), d.riskClear(), days, d.risk());
    }
}
