package org.alliancepulse.analytics.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.alliancepulse.contracts.alliance.AlertResolved;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An alert as staff and therapists see it: ids, the pseudonymous client code, the session it arose at and how it
 * ended: {@code resolvedOn} is the day it was resolved as a clinician reads it (the resolving session's, or the day
 * a change of therapist or an ending took effect, which no session resolved). The acknowledgement note is shown to those who may read the alert; it never leaves this service otherwise.
 */
@Schema(example = """
        {
          "id": "5b0c7c3e-1f2a-3b4c-8d9e-0f1a2b3c4d5e",
          "kind": "RUPTURE",
          "severity": "WARNING",
          "status": "RESOLVED",
          "dyadId": "293e01a5-f384-3bad-aa56-4e38dd7bd0ca",
          "clientId": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
          "clientCode": "C-7KQ3MZ",
          "therapistId": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
          "clinicId": "north",
          "sessionId": "475a06e3-4acd-4cf1-81fe-c866aa40c620",
          "sessionNumber": 4,
          "sessionDate": "2026-11-19",
          "occurredAt": "2026-11-19T14:00:00Z",
          "pillars": [
            "BOND"
          ],
          "reasons": [
            "BOND_FELL"
          ],
          "riskScore": null,
          "raisedAt": "2026-11-19T15:02:11Z",
          "resolution": "REPAIRED",
          "resolvedSessionNumber": 6,
          "resolvedSessionDate": "2026-12-03",
          "resolvedOccurredAt": "2026-12-03T14:00:00Z",
          "resolvedOn": "2026-12-03",
          "acknowledgedBy": "dr-north",
          "acknowledgedAt": "2026-11-20T08:30:00Z",
          "acknowledgementNote": "Talked it through at the start of session five"
        }""")
public record AlertView(UUID id,
        @Schema(enumeration = { "RUPTURE", "UNRESOLVED_RUPTURE", "FIT_CONCERN", "DROPOUT_RISK" }) String kind,
        @Schema(enumeration = { "WARNING", "URGENT" }) String severity,
        @Schema(enumeration = { "OPEN", "ACKNOWLEDGED", "RESOLVED" }) String status, UUID dyadId, UUID clientId,
        String clientCode, UUID therapistId, String clinicId, UUID sessionId, Integer sessionNumber,
        LocalDate sessionDate, Instant occurredAt,
        @Schema(description = "the pillars that fell (RUPTURE): BOND, GOALS, TASKS") List<String> pillars,
        List<String> reasons, Double riskScore, Instant raisedAt,
        @Schema(enumeration = { "REPAIRED", "ESCALATED", "FIT_IMPROVED", "RISK_CLEARED", "EPISODE_CLOSED",
                "REASSIGNED", "WITHDRAWN" }) String resolution,
        Integer resolvedSessionNumber, LocalDate resolvedSessionDate,
        Instant resolvedOccurredAt, LocalDate resolvedOn,
        String acknowledgedBy, Instant acknowledgedAt, String acknowledgementNote) {

    public static AlertView of(Alert alert) {
        return new AlertView(alert.id, alert.kind, alert.severity, alert.status.name(), alert.dyadId, alert.clientId,
                alert.clientCode, alert.therapistId, alert.clinicId, alert.sessionId, alert.sessionNumber,
                alert.sessionDate, alert.occurredAt, split(alert.pillars), split(alert.reasons), alert.riskScore,
                alert.raisedAt, alert.resolution, alert.resolvedSessionNumber, alert.resolvedSessionDate,
                alert.resolvedOccurredAt,
                AlertResolved.dayOf(alert.resolution, alert.resolvedSessionDate, alert.resolvedOccurredAt),
                alert.acknowledgedBy, alert.acknowledgedAt, alert.acknowledgementNote);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
