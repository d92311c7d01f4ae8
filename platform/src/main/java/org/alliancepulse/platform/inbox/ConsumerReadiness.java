package org.alliancepulse.platform.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while a consumer waits out an outage (its database away, its dead-letter topic not taking records): the
 * partition is not lost, it is waiting, and an orchestrator should know this instance is not keeping up.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    private record Stall(String why, Instant since) {
    }

    private final Map<String, Stall> stalledTopics = new ConcurrentHashMap<>();

    void stalled(String topic, String why) {
        stalledTopics.putIfAbsent(topic, new Stall(why, Instant.now()));
    }

    void recovered(String topic) {
        stalledTopics.remove(topic);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers").status(stalledTopics.isEmpty());
        stalledTopics.forEach((topic, stall) -> response.withData(topic, "waiting since " + stall.since() + ": " + stall.why()));
        return response.build();
    }
}
