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
 *
 * <h2>Per-key order is commit order</h2>
 * The relay sends by {@code position}, which a sequence hands out at INSERT, not at COMMIT. Two transactions on one
 * aggregate could insert in one order and commit in the other, and Kafka would then carry the aggregate's events in
 * an order that never happened. So {@link #write} first takes a transaction-scoped advisory lock on (topic, key):
 * a second transaction publishing on the same key waits at that point until the first has committed or rolled back,
 * and only then draws its position. Positions of one key are therefore in commit order, and the relay keeps them.
 *
 * <p>Why this and not "relay only rows older than the oldest open transaction" (xmin horizon): that holds back every
 * key behind any long transaction of the database (a migration, a report) and needs careful reasoning about
 * snapshot visibility; the lock costs one round trip per publish, blocks only writers of the same aggregate, and
 * those were about to conflict anyway. Unrelated keys never wait. A transaction publishing on two keys can deadlock
 * against one publishing on the same two in the other order; PostgreSQL detects that and rolls one back, which the
 * caller sees as a failed request or a retried consumer record, never as a wrong order.
 */
@ApplicationScoped
public class Outbox {

    private static final String LOCK_KEY = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))";

    private static final String INSERT = """
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
        try (Connection connection = dataSource.getConnection()) {
            write(connection, new Row(eventId, type.topic(), payload.aggregateId(), type.type(), source,
                    Instant.now(), EventJson.write(payload)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write " + type.type() + " to the outbox", e);
        }
        afterCommit.wake(relay.worker());
        return eventId;
    }

    /** One outbox row; the record key is also the CloudEvent subject. */
    record Row(UUID eventId, String topic, String key, String type, String source, Instant occurredAt,
            String payload) {
    }

    /**
     * Writes a row on the connection's current transaction, after waiting for any other open transaction that wrote
     * on the same topic and key (see the class comment). The only INSERT into the outbox.
     */
    static void write(Connection connection, Row row) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_KEY)) {
            // a topic name has no spaces, so "topic key" names one aggregate
            lock.setString(1, row.topic() + " " + row.key());
            lock.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, row.eventId());
            insert.setString(2, row.topic());
            insert.setString(3, row.key());
            insert.setString(4, row.type());
            insert.setString(5, row.source());
            insert.setString(6, row.key());
            insert.setTimestamp(7, Timestamp.from(row.occurredAt()));
            insert.setString(8, row.payload());
            insert.executeUpdate();
        }
    }
}
