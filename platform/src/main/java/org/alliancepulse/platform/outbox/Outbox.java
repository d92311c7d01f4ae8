package org.alliancepulse.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;

import org.alliancepulse.contracts.EventJson;
import org.alliancepulse.contracts.EventPayload;
import org.alliancepulse.contracts.EventType;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.platform.work.AfterCommit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The only way a service publishes an event: {@link #publish} writes it to the outbox table inside the caller's
 * transaction, so the event exists if and only if the state change it announces was committed. After the commit the
 * {@link OutboxRelay} is woken to send it to Kafka at once.
 */
@ApplicationScoped
public class Outbox {

    static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, record_key, event_type, source, subject, occurred_at, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    @Inject
    DataSource dataSource;

    @Inject
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /**
     * Records an event in the current transaction (there must be one).
     *
     * @return the event's CloudEvent id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventPayload payload) {
        EventType<EventPayload> type = EventTypes.of(payload);
        UUID eventId = UUID.randomUUID();
        // The JTA-enlisted connection is the one Hibernate uses in this transaction, so both commit or neither does.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, eventId);
            insert.setString(2, type.topic());
            insert.setString(3, payload.aggregateId());
            insert.setString(4, type.type());
            insert.setString(5, source);
            insert.setString(6, payload.aggregateId());
            insert.setTimestamp(7, Timestamp.from(Instant.now()));
            insert.setString(8, EventJson.write(payload));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write " + type.type() + " to the outbox", e);
        }
        afterCommit.wake(relay.worker());
        return eventId;
    }
}
