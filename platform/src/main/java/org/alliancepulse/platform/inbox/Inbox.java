package org.alliancepulse.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one way a service consumes events: effectively once. Call {@link #process} from an {@code @Incoming},
 * {@code @Blocking}, {@code @Transactional} method. The event's id is recorded in the same transaction as the
 * handler's changes, so a redelivered event (after a crash, a rebalance, or a producer retry) is skipped; the
 * connector acknowledges, and so commits the offset, only after that transaction committed. An exception rolls both
 * back and sends the record to the channel's dead-letter topic.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private static final String RECORD = """
            INSERT INTO inbox_processed_event (consumer, event_id, event_type) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    /**
     * Applies the event in the record with the handler, unless this service applied it before.
     *
     * @return whether the handler ran
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean process(ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!recordFirstDelivery(event)) {
            LOG.debugf("Skipping %s: already processed", event);
            meters.counter("alliance_pulse.inbox.duplicates", "topic", record.topic()).increment();
            return false;
        }
        handler.accept(event);
        meters.counter("alliance_pulse.inbox.processed", "topic", record.topic()).increment();
        return true;
    }

    private boolean recordFirstDelivery(IncomingEvent event) {
        // a concurrent delivery of the same id waits here on the primary key until the first one commits
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setString(1, consumer);
            insert.setString(2, event.id());
            insert.setString(3, event.type());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record " + event + " in the inbox", e);
        }
    }
}
