package org.alliancepulse.notification.delivery;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;

import org.alliancepulse.platform.metrics.TableGauges;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code alliance_pulse_notification_deliveries{status, purpose}}: the delivery log by state, from the table every
 * instance shares: emails PENDING or WAITING_FOR_THERAPIST piling up, or any FAILED, are what an operator alerts on.
 */
@ApplicationScoped
public class DeliveryGauges {

    void register(@Observes StartupEvent start, DataSource dataSource, MeterRegistry registry) {
        new TableGauges(dataSource,
                "SELECT status, purpose, count(*) FROM alert_notification GROUP BY status, purpose",
                Duration.ofSeconds(10))
                .register(registry, "alliance_pulse.notification.deliveries", "Emails in the delivery log by state",
                        List.of("status", "purpose"),
                        TableGauges.everyPair(AlertNotification.Status.values(), AlertNotification.Purpose.values()));
    }
}
