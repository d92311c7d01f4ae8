package org.alliancepulse.analytics.dyad;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Clinics' names as intake announced them, the latest winning: how the network report names its clinics. Written by
 * the live consumer and by a rebuild alike (an upsert, as the rebuild does not empty the table).
 */
public final class ClinicNames {

    private ClinicNames() {
    }

    /** Records the names (clinic id to name), each replacing the one before. */
    public static void record(Connection connection, Map<String, String> names) throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO clinic_name (clinic_id, name) "
                + "VALUES (?, ?) ON CONFLICT (clinic_id) DO UPDATE SET name = excluded.name")) {
            for (Map.Entry<String, String> named : names.entrySet()) {
                upsert.setString(1, named.getKey());
                upsert.setString(2, named.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The names known of these clinics; a clinic intake has not named (yet) is not in the map. */
    public static Map<String, String> of(Connection connection, Collection<String> clinicIds) throws SQLException {
        Map<String, String> names = new HashMap<>();
        if (clinicIds.isEmpty()) {
            return names;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT clinic_id, name FROM clinic_name WHERE clinic_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", clinicIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return names;
    }
}
