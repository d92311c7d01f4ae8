package org.alliancepulse.intake.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.alliancepulse.intake.client.Client;
import org.alliancepulse.platform.idempotency.IdempotentReplayed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A retried request answered from its stored response hands the client's data out once more (a registration's
 * answer holds the name): that is a read of PHI, so it is audited like one.
 */
@ApplicationScoped
public class ReplayedAnswersAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    void audit(@Observes IdempotentReplayed replayed) {
        if (replayed.body() == null || !replayed.path().startsWith("/api/clients")) {
            return;
        }
        clientIdIn(replayed.body()).filter(id -> Client.findById(id) != null)
                .ifPresent(id -> PhiAccessLog.record(replayed.caller(), "REPLAY", id));
    }

    private static java.util.Optional<UUID> clientIdIn(String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            JsonNode id = answer.hasNonNull("clientId") ? answer.get("clientId") : answer.get("id");
            return id == null ? java.util.Optional.empty() : java.util.Optional.of(UUID.fromString(id.asText()));
        } catch (Exception e) {
            return java.util.Optional.empty(); // not an answer about one client
        }
    }
}
