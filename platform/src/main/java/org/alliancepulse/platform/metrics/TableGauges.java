package org.alliancepulse.platform.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges read from one query over a table, for what only the database knows across instances (rows waiting to be
 * sent, alerts by state): every row of the query is the tags' values, then the number. Read when scraped, at most
 * once per {@code maxAge} however many gauges and scrapers ask; a failed read keeps the last figures (the
 * database's own health is readiness's to report, not a metric's).
 */
public final class TableGauges {

    private static final Logger LOG = Logger.getLogger(TableGauges.class);

    private final DataSource dataSource;
    private final String sql;
    private final long maxAgeNanos;
    private Map<List<String>, Double> last = Map.of();
    private long readAt;
    private boolean read;

    public TableGauges(DataSource dataSource, String sql, Duration maxAge) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /**
     * One gauge per combination of tag values; a combination the query does not return reads 0.
     *
     * @param tagNames the names of the query's leading columns
     * @param combinations each a list of the leading columns' values (the row it reads); the first
     *        {@code tagNames.size()} become the gauge's tags, the rest only select the row
     */
    public TableGauges register(MeterRegistry registry, String name, String description, List<String> tagNames,
            List<List<String>> combinations) {
        for (List<String> values : combinations) {
            Tags tags = Tags.empty();
            for (int i = 0; i < tagNames.size(); i++) {
                tags = tags.and(tagNames.get(i), values.get(i));
            }
            Gauge.builder(name, this, gauges -> gauges.value(values)).description(description).tags(tags)
                    .strongReference(true).register(registry);
        }
        return this;
    }

    /** Every pair of two enums' constant names, e.g. each alert kind with each status. */
    public static List<List<String>> everyPair(Enum<?>[] first, Enum<?>[] second) {
        List<List<String>> pairs = new ArrayList<>();
        for (Enum<?> a : first) {
            for (Enum<?> b : second) {
                pairs.add(List.of(a.name(), b.name()));
            }
        }
        return pairs;
    }

    synchronized double value(List<String> key) {
        long now = System.nanoTime();
        if (!read || now - readAt > maxAgeNanos) {
            readAt = now;
            read = true;
            try {
                last = query();
            } catch (SQLException e) {
                LOG.debugf("Could not read gauges (%s)", e.getClass().getName());
            }
        }
        return last.getOrDefault(key, 0.0);
    }

    private Map<List<String>, Double> query() throws SQLException {
        Map<List<String>, Double> values = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> key = new ArrayList<>(columns - 1);
                for (int c = 1; c < columns; c++) {
                    key.add(rows.getString(c));
                }
                values.put(List.copyOf(key), rows.getDouble(columns));
            }
        }
        return values;
    }
}
