package org.alliancepulse.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;

/**
 * {@code /q/health/group/delivery}: DOWN while the oldest event not yet on Kafka is older than
 * {@link OutboxConfig#maxUnsentAge()} — the relay cannot reach Kafka, or died. For monitoring, not for the load
 * balancer (see {@link OutboxReadiness}).
 */
@HealthGroup("delivery")
@ApplicationScoped
public class OutboxDelivery implements HealthCheck {

    @Inject
    @org.eclipse.microprofile.health.Readiness
    OutboxReadiness outbox;

    @Override
    public HealthCheckResponse call() {
        return outbox.check(true);
    }
}
