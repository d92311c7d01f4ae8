package org.alliancepulse.analytics.alliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.alliancepulse.analytics.alert.AlertView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A client's alliance as the therapist and the clinic see it: per dyad (client and therapist within an episode), the
 * series per session, the ruptures with their pillars and how they ended, the dropout risk now with its factors, and
 * the open alerts. Ids, numbers and the pseudonymous client code only: no PHI lives in this service.
 */
public final class DyadAlliance {

    private DyadAlliance() {
    }

    @Schema(example = "{\"clientId\":\"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f\",\"clientCode\":\"C-7KQ3MZ\",\"dyads\":[{"
            + "\"dyadId\":\"0b5e1c9a-2d3f-3a4b-9c8d-7e6f5a4b3c2d\",\"therapistId\":\"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d\","
            + "\"clinicId\":\"north\",\"episodeId\":\"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f\","
            + "\"startedAt\":\"2026-09-01T09:00:00Z\",\"endedAt\":null,\"endReason\":null,\"reassignedFor\":null,"
            + "\"current\":true,"
            + "\"state\":{\"scoredSessions\":4,"
            + "\"runningMean\":84.38,\"withinDyadSd\":8.26,\"rollingMean\":84.38,\"networkSd\":5.8,"
            + "\"recordedSessions\":4,\"attended\":4,\"noShows\":0,\"lateCancellations\":0,\"otherCancellations\":0,"
            + "\"usualIntervalDays\":7.0,\"daysSinceLastAttended\":0.0,\"orsFirst\":18.5,\"orsLatest\":21.0,"
            + "\"orsChange\":2.5},\"sessions\":[{\"sessionId\":"
            + "\"7d6c5b4a-3f2e-4d1c-8b9a-0f1e2d3c4b5a\",\"number\":4,\"date\":\"2026-09-22\",\"scheduledAt\":"
            + "\"2026-09-22T09:00:00Z\",\"attendance\":\"ATTENDED\",\"allianceIndex\":72.5,\"rollingMean\":84.38,"
            + "\"measures\":[{\"instrument\":"
            + "\"SRS\",\"total\":29.0,\"index\":72.5,\"bond\":50.0,\"goals\":80.0,\"tasks\":80.0,\"corrected\":false}],"
            + "\"lowAlliance\":true,\"ruptureState\":\"RUPTURE\",\"pillars\":[\"BOND\"],\"fitConcern\":false,"
            + "\"riskScore\":0.41}],\"ruptures\":[{\"detectedAtSession\":4,\"detectedOn\":\"2026-09-22\",\"pillars\":"
            + "[\"BOND\"],\"status\":\"OPEN\",\"repairedAtSession\":null,\"repairedOn\":null}],\"risk\":{\"score\":0.41,\"afterSession\":4,\"on\":\"2026-09-22\","
            + "\"factors\":[{\"factor\":\"FALLING_ALLIANCE\",\"value\":2.4,\"weight\":0.4,\"contribution\":0.96}]},"
            + "\"openAlerts\":[]}]}")
    public record ClientAlliance(UUID clientId, String clientCode, List<Dyad> dyads) {
    }

    /** One dyad; {@code current} while it has not ended. */
    public record Dyad(UUID dyadId, UUID therapistId, String clinicId, UUID episodeId, Instant startedAt,
            Instant endedAt, String endReason,
            @Schema(description = "why the client moved on (FIT, AVAILABILITY, ...), as intake was told; null unless "
                    + "the dyad ended by a change of therapist") String reassignedFor,
            boolean current, State state, List<SessionPoint> sessions,
            List<RuptureEpisode> ruptures, Risk risk, List<AlertView> openAlerts) {
    }

    /**
     * The dyad's state at its latest recorded session (event time): the alliance series' running mean, within-dyad
     * SD (around its mean) and rolling mean of the last 4 scores, the network SD of the index its course is judged
     * with (the rupture rule measures a fall against its own baseline, which leaves out sessions inside a rupture,
     * in max(that baseline's SD, this network SD)), attendance with the usual interval between attended sessions,
     * and the ORS trajectory's ends. Indices on 0-100; null where there is nothing to compute yet.
     */
    @Schema(example = "{\"scoredSessions\":4,\"runningMean\":86.25,\"withinDyadSd\":9.46,\"rollingMean\":86.25,"
            + "\"networkSd\":5.8,\"recordedSessions\":5,\"attended\":4,\"noShows\":1,\"lateCancellations\":0,"
            + "\"otherCancellations\":0,\"usualIntervalDays\":7.0,\"daysSinceLastAttended\":7.0,"
            + "\"orsFirst\":18.5,\"orsLatest\":24.0,\"orsChange\":5.5}")
    public record State(int scoredSessions, Double runningMean, Double withinDyadSd, Double rollingMean,
            double networkSd, int recordedSessions, int attended, int noShows, int lateCancellations,
            int otherCancellations, Double usualIntervalDays, Double daysSinceLastAttended, Double orsFirst,
            Double orsLatest, Double orsChange) {
    }

    /**
     * One scheduled session: attendance, the alliance index the rules used (null when unscored) and the rolling mean
     * of the last 4 scores up to it (null when unscored), every measure given (alliance instruments on 0-100 with
     * their pillars, the ORS as its total), what the rules said after it.
     */
    public record SessionPoint(UUID sessionId, int number, LocalDate date, Instant scheduledAt, String attendance,
            Double allianceIndex, Double rollingMean, List<Measure> measures, boolean lowAlliance,
            String ruptureState, List<String> pillars, boolean fitConcern, double riskScore) {
    }

    /** One instrument's answers at a session; {@code index} and the pillars on 0-100, null where not applicable. */
    public record Measure(String instrument, Double total, Double index, Double bond, Double goals, Double tasks,
            boolean corrected) {
    }

    /**
     * A rupture: the session it was detected at (a confirmed one began one scored session earlier), the pillars
     * that fell, and {@code status} OPEN, UNRESOLVED (not back after the repair window) or REPAIRED (with the
     * session it was repaired at).
     */
    public record RuptureEpisode(int detectedAtSession, LocalDate detectedOn, List<String> pillars, String status,
            Integer repairedAtSession, LocalDate repairedOn) {
    }

    /** The dropout-risk score after the latest recorded session, with every factor, largest contribution first. */
    public record Risk(double score, int afterSession, LocalDate on, List<Factor> factors) {
    }

    public record Factor(String factor, double value, double weight, double contribution) {
    }
}
