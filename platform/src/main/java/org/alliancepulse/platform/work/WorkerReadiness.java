package org.alliancepulse.platform.work;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN when a background worker (outbox relay, email dispatcher) that should run has no live thread: its work would
 * silently stop, so the instance must not pass for healthy.
 */
@Readiness
@ApplicationScoped
public class WorkerReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("background workers").up();
        for (BackgroundWorker worker : BackgroundWorker.running()) {
            boolean alive = worker.isAlive();
            response.withData(worker.name(), alive ? "running" : "dead");
            if (!alive) {
                response.down();
            }
        }
        return response.build();
    }
}
