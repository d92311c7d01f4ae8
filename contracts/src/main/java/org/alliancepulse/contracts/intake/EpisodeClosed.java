package org.alliancepulse.contracts.intake;

import static org.alliancepulse.contracts.Require.present;
import static org.alliancepulse.contracts.Require.sessionDay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * A client's episode of care ended: the client is discharged and the dyad with {@link #therapistId} ends. How it
 * ended is the ground truth the analytics learns from.
 *
 * @param therapistId the therapist at the end; {@code null} when the episode ended before any assignment
 * @param ending how the episode ended
 * @param endDate the clinical end (e.g. the last session attended); may be before {@link #closedAt}
 * @param closedAt when staff recorded the discharge
 */
public record EpisodeClosed(UUID clientId, String clientCode, String clinicId, UUID episodeId, UUID therapistId,
        Ending ending, LocalDate endDate, Instant closedAt) implements EventPayload {

    /** How an episode of care ended. */
    public enum Ending {
        /** planned or mutual: the work was done */
        PLANNED,
        /** unilateral: the client stopped coming */
        DROPOUT,
        /** the clinic ended it (moved away, funding, rules) */
        ADMINISTRATIVE,
        /** referred to another service */
        REFERRED
    }

    public EpisodeClosed {
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(clinicId, "clinicId");
        present(episodeId, "episodeId");
        present(ending, "ending");
        present(endDate, "endDate");
        sessionDay(endDate, "endDate");
        present(closedAt, "closedAt");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
