package org.alliancepulse.analytics.alert;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;

import org.alliancepulse.analytics.rules.AlertKind;
import org.alliancepulse.platform.metrics.TableGauges;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code alliance_pulse_alerts{kind, status}}: the network's alerts by kind and state, from the table every instance
 * shares (a counter in one instance would count only its own, and also what a rolled-back transaction raised). A
 * rising OPEN count and a flat ACKNOWLEDGED one say the therapists are not reading them.
 */
@ApplicationScoped
public class AlertGauges {

    void register(@Observes StartupEvent start, DataSource dataSource, MeterRegistry registry) {
        new TableGauges(dataSource, "SELECT kind, status, count(*) FROM alert GROUP BY kind, status",
                Duration.ofSeconds(10))
                .register(registry, "alliance_pulse.alerts", "Alerts by kind and state", List.of("kind", "status"),
                        TableGauges.everyPair(AlertKind.values(), Alert.Status.values()));
    }
}
