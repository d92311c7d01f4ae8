package org.alliancepulse.platform.outbox;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;

import org.alliancepulse.platform.metrics.TableGauges;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The outbox as a metric, beside readiness's words: {@code alliance_pulse_outbox_unsent} (committed events not on
 * Kafka yet) and {@code alliance_pulse_outbox_oldest_unsent_age_seconds}, for an alert on a relay that stopped.
 */
@ApplicationScoped
public class OutboxGauges {

    void register(@Observes StartupEvent start, DataSource dataSource, MeterRegistry registry) {
        TableGauges outbox = new TableGauges(dataSource, """
                SELECT 'unsent', count(*) FROM outbox_event
                UNION ALL
                SELECT 'oldest', coalesce(extract(epoch FROM now() - min(occurred_at)), 0) FROM outbox_event""",
                Duration.ofSeconds(5));
        outbox.register(registry, "alliance_pulse.outbox.unsent", "Committed events not yet on Kafka",
                List.of(), List.of(List.of("unsent")));
        outbox.register(registry, "alliance_pulse.outbox.oldest_unsent_age_seconds",
                "How long the oldest unsent event has waited", List.of(), List.of(List.of("oldest")));
    }
}
