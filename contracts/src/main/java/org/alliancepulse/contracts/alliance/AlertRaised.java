package org.alliancepulse.contracts.alliance;

import static org.alliancepulse.contracts.Require.present;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * The analytics service wants a therapist to look at a dyad. Ids, codes and numbers only: never a score of the
 * client's answers, never free text.
 *
 * @param kind what was seen: {@code RUPTURE}, {@code UNRESOLVED_RUPTURE}, {@code FIT_CONCERN}, {@code DROPOUT_RISK}
 *        ({@code LOW_ALLIANCE} in events of the walking skeleton)
 * @param severity {@code INFO}, {@code WARNING} or {@code URGENT}
 * @param reasons machine-readable reason codes, e.g. {@code BOND_FELL} or a risk factor such as
 *        {@code EARLY_NO_SHOW}; never free text
 * @param raisedAt when the service raised it (processing time)
 * @param dyadId the client-therapist pair within the episode of care; optional (absent in older events)
 * @param sessionNumber the triggering session's number in its episode; optional
 * @param occurredAt when, in the dyad's own time, the alert arose: the triggering session's scheduled time. A replay
 *        of last year's events dates its alerts then; optional (absent in older events)
 * @param pillars for ruptures, the pillars that fell: {@code BOND}, {@code GOALS}, {@code TASKS}; optional
 * @param riskScore for dropout risk, the model's probability in [0, 1]; optional
 * @param riskFactors for dropout risk, the top factors with their contributions to the score's log-odds; optional
 */
public record AlertRaised(UUID alertId, String kind, String severity, UUID clientId, String clientCode,
        UUID therapistId, String clinicId, UUID sessionId, LocalDate sessionDate, List<String> reasons,
        Instant raisedAt, UUID dyadId, Integer sessionNumber, Instant occurredAt, List<String> pillars,
        BigDecimal riskScore, List<RiskFactorContribution> riskFactors) implements EventPayload {

    /** One factor of a dropout-risk score and how much it added to the log-odds. */
    public record RiskFactorContribution(String factor, BigDecimal contribution) {
    }

    /** The walking skeleton's shape. */
    public AlertRaised(UUID alertId, String kind, String severity, UUID clientId, String clientCode,
            UUID therapistId, String clinicId, UUID sessionId, LocalDate sessionDate, List<String> reasons,
            Instant raisedAt) {
        this(alertId, kind, severity, clientId, clientCode, therapistId, clinicId, sessionId, sessionDate, reasons,
                raisedAt, null, null, null, null, null, null);
    }

    public AlertRaised {
        present(alertId, "alertId");
        present(kind, "kind");
        present(severity, "severity");
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(sessionId, "sessionId");
        present(sessionDate, "sessionDate");
        reasons = List.copyOf(present(reasons, "reasons"));
        present(raisedAt, "raisedAt");
        pillars = pillars == null ? null : List.copyOf(pillars);
        riskFactors = riskFactors == null ? null : List.copyOf(riskFactors);
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
