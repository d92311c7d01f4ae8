package org.alliancepulse.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.contracts.MalformedEventException;
import org.alliancepulse.platform.work.Retry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one way a service consumes events: effectively once. Call {@link #process} from an {@code @Incoming},
 * {@code @Blocking} method; it runs the handler in a transaction of its own. The event's id is recorded in that
 * transaction, with the handler's changes, so a redelivered event (after a crash, a rebalance, or a producer retry)
 * is skipped; the connector acknowledges, and so commits the offset, only after that transaction committed.
 * A failure rolls both back. A malformed event is a poison message and goes to the channel's dead-letter topic at
 * once; any other failure may pass (the database restarting, say) and is retried with back-off first, in order, so
 * a short outage dead-letters nothing.
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

    @Inject
    InboxConfig config;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    private Retry retry;

    @PostConstruct
    void configureRetry() {
        retry = new Retry(config.maxAttempts(), config.firstRetryDelay(), config.maxRetryDelay(), Inbox::isPoison,
                delay -> Thread.sleep(delay.toMillis())); // back-off between attempts, on the consumer's own thread
    }

    /**
     * Applies the event in the record with the handler, unless this service applied it before.
     *
     * @return whether the handler ran
     */
    public boolean process(ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event = IncomingEvent.of(record);
        return retry.call(() -> QuarkusTransaction.requiringNew().call(() -> applyOnce(record, event, handler)),
                (attempt, failure, delay) -> {
                    meters.counter("alliance_pulse.inbox.retries", "topic", record.topic()).increment();
                    LOG.warnf("Could not apply %s (attempt %d: %s); retrying in %d ms", event, attempt,
                            failure.getClass().getName(), delay.toMillis());
                });
    }

    private static boolean isPoison(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException) {
                return true;
            }
        }
        return false;
    }

    private boolean applyOnce(ConsumerRecord<String, String> record, IncomingEvent event,
            Consumer<IncomingEvent> handler) {
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
