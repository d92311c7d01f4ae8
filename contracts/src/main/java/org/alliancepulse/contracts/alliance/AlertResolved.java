package org.alliancepulse.contracts.alliance;

import static org.alliancepulse.contracts.Require.present;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * An alert's condition is over: the rupture was repaired (or escalated to an unresolved rupture), the risk cleared,
 * the fit improved, or the dyad ended. Consumers drop it from pending digests and escalations.
 * <p>
 * Usually once per alert. An alert resolved {@code EPISODE_CLOSED} or {@code REASSIGNED} is announced resolved again,
 * under the same {@code alertId}, when sessions from before the ending arrive after it and show the condition ended
 * otherwise first (a repair at the last session whose answers came in after the discharge): the later announcement
 * stands.
 *
 * @param resolution {@code REPAIRED}, {@code ESCALATED}, {@code FIT_IMPROVED}, {@code RISK_CLEARED},
 *        {@code EPISODE_CLOSED}, {@code REASSIGNED}, or {@code WITHDRAWN} (a correction of answers or attendance took
 *        away the condition it was raised for)
 * @param sessionId the session at which it was resolved (for an ending, the dyad's last recorded session)
 * @param occurredAt when, in the dyad's own time: that session's scheduled time, or the ending's time
 * @param resolvedAt when the service resolved it (processing time)
 */
public record AlertResolved(UUID alertId, String kind, UUID dyadId, UUID clientId, String clientCode,
        UUID therapistId, String clinicId, String resolution, UUID sessionId, Integer sessionNumber,
        LocalDate sessionDate, Instant occurredAt, Instant resolvedAt) implements EventPayload {

    public AlertResolved {
        present(alertId, "alertId");
        present(kind, "kind");
        present(dyadId, "dyadId");
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(resolution, "resolution");
        present(sessionId, "sessionId");
        present(sessionDate, "sessionDate");
        present(occurredAt, "occurredAt");
        present(resolvedAt, "resolvedAt");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }

    /** Whether the resolution is the end of the dyad (an episode's end, a change of therapist), not a session's. */
    public static boolean byEnding(String resolution) {
        return "EPISODE_CLOSED".equals(resolution) || "REASSIGNED".equals(resolution);
    }

    /**
     * The day an alert was resolved, as a clinician reads it: the resolving session's date, or for an ending
     * ({@code EPISODE_CLOSED}, {@code REASSIGNED}), which no session resolved, the day it took effect - not the last
     * session's (an outside probe read "resolved at the session on 22 November" for a change of therapist on the
     * 25th). An ending's time is the end of its day in UTC, a change of therapist's the start of its day, unless a
     * session held on the end day lies later (an evening in New York): then that session's own date is the day.
     *
     * @param sessionDate the resolving session's date, where it was held
     * @param occurredAt the resolution's event time
     */
    public static LocalDate dayOf(String resolution, LocalDate sessionDate, Instant occurredAt) {
        if (occurredAt == null || !byEnding(resolution)) {
            return sessionDate;
        }
        LocalDate day = LocalDate.ofInstant(occurredAt, java.time.ZoneOffset.UTC);
        boolean endOfDay = java.time.LocalTime.ofInstant(occurredAt, java.time.ZoneOffset.UTC)
                .isAfter(java.time.LocalTime.of(23, 59, 59));
        if ("EPISODE_CLOSED".equals(resolution) && !endOfDay && sessionDate != null && sessionDate.isBefore(day)) {
            return sessionDate;
        }
        return day;
    }
}
