package org.alliancepulse.notification.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

/** Reads the delivery log straight from the database, as an operator would, past any Hibernate session. */
record DeliveryLog(DataSource dataSource) {

    /** One row of {@code alert_notification}, as far as the tests care. */
    record Row(String status, int attempts, String lastError) {
    }

    Optional<Row> row(UUID alertId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT status, attempts, last_error FROM alert_notification"
                                + " WHERE alert_id = ? AND purpose = 'ALERT'")) {
            select.setObject(1, alertId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getInt(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String status(UUID alertId) {
        return row(alertId).map(Row::status).orElse(null);
    }

    /** The status of the email of that purpose about the alert (ALERT, ESCALATION, RESOLVED), or null. */
    String status(UUID alertId, String purpose) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT status FROM alert_notification WHERE alert_id = ? AND purpose = ?")) {
            select.setObject(1, alertId);
            select.setString(2, purpose);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
