package org.alliancepulse.platform.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The {@code idempotent_request} table: one row per (caller, key), claimed before the creation runs and completed
 * with its answer in the same transaction.
 */
@ApplicationScoped
public class IdempotentRequests {

    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);

    /*
     * A second request with the same key blocks on the primary key here until the first one's transaction ends: if
     * it committed, the insert does nothing and the stored answer is read; if it rolled back, this one goes ahead.
     */
    private static final String CLAIM = """
            INSERT INTO idempotent_request (caller, idempotency_key, fingerprint, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (caller, idempotency_key) DO NOTHING
            """;

    private static final String COMPLETE = """
            UPDATE idempotent_request SET response_status = ?, response_body = ?, response_location = ?
            WHERE caller = ? AND idempotency_key = ?
            """;

    private static final String FIND = """
            SELECT fingerprint, response_status, response_body, response_location FROM idempotent_request
            WHERE caller = ? AND idempotency_key = ?
            """;

    private static final String PURGE = "DELETE FROM idempotent_request WHERE created_at < ?";

    private static final String FORGET = "DELETE FROM idempotent_request WHERE strpos(response_body, ?) > 0";

    @Inject
    DataSource dataSource;

    @Inject
    IdempotencyConfig config;

    /**
     * What a completed request answered. {@code body} is the JSON as it was sent, or null for no body;
     * {@code location} its Location header, or null.
     */
    public record Stored(String fingerprint, int status, String body, String location) {
    }

    /**
     * Claims the key for this request in the current transaction (the JTA-enlisted connection, as the outbox uses).
     *
     * @return false if a committed request already holds the key
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String caller, String key, String fingerprint) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(CLAIM)) {
            insert.setString(1, caller);
            insert.setString(2, key);
            insert.setString(3, fingerprint);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim an idempotency key", e);
        }
    }

    /**
     * Forgets every stored answer that mentions the text (an id), in the current transaction: how an erasure makes
     * sure no retry hands out what was erased. A later retry with such a key runs again.
     *
     * @return how many stored answers were forgotten
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetAnswersMentioning(String text) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(FORGET)) {
            delete.setString(1, text);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not forget stored answers", e);
        }
    }

    /** Stores the answer of the request that claimed the key, in its transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String caller, String key, int status, String body, String location) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(COMPLETE)) {
            update.setInt(1, status);
            update.setString(2, body);
            update.setString(3, location);
            update.setString(4, caller);
            update.setString(5, key);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("The claimed idempotency key has disappeared");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the answer of an idempotent request", e);
        }
    }

    /** The committed answer for the key; empty if the key is unknown (never used, or purged meanwhile). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> find(String caller, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setString(1, caller);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int status = row.getInt(2);
                if (row.wasNull()) {
                    // only the claiming transaction sees its row before the answer is stored, and it never asks
                    throw new IllegalStateException("A committed idempotency key has no stored answer");
                }
                return Optional.of(new Stored(row.getString(1), status, row.getString(3), row.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read an idempotency key", e);
        }
    }

    /** Forgets keys older than the configured retention; every instance may run it, the delete is harmless twice. */
    @Scheduled(identity = "idempotency-key-purge", every = "{alliance-pulse.idempotency.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purge() {
        int deleted = purgeOlderThan(Instant.now().minus(config.retention()));
        if (deleted > 0) {
            LOG.debugf("Forgot %d idempotency keys older than %s", deleted, config.retention());
        }
    }

    private int purgeOlderThan(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(PURGE)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge idempotency keys", e);
        }
    }
}
