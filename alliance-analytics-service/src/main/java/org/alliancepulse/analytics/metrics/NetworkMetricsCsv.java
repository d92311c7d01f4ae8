package org.alliancepulse.analytics.metrics;

import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;

/** The metrics as CSV: one line per unit (or month) and metric; a suppressed figure has an empty value and n. */
final class NetworkMetricsCsv {

    static final String TEXT_CSV = "text/csv";
    static final MediaType CSV = MediaType.valueOf(TEXT_CSV);

    private NetworkMetricsCsv() {
    }

    static String of(NetworkMetrics.Report report) {
        StringBuilder out = new StringBuilder("level,unit,from,to,metric,value,n,suppressed\n");
        lines(out, report, report.level().name(), report.id(), report.figures());
        String unitLevel = switch (report.level()) {
            case NETWORK -> "CLINIC";
            case CLINIC, THERAPIST -> "THERAPIST";
        };
        for (NetworkMetrics.Unit unit : report.breakdown()) {
            lines(out, report, unitLevel, unit.id(), unit.figures());
        }
        for (NetworkMetrics.Unit month : report.months()) {
            lines(out, report, "MONTH", month.id(), month.figures());
        }
        return out.toString();
    }

    private static void lines(StringBuilder out, NetworkMetrics.Report report, String level, String unit,
            Map<String, NetworkMetrics.Cell> figures) {
        figures.forEach((metric, cell) -> out.append(level).append(',').append(quoted(unit)).append(',')
                .append(report.from()).append(',').append(report.to()).append(',').append(metric).append(',')
                .append(cell.value() == null ? "" : format(cell.value().doubleValue())).append(',')
                .append(cell.n() == null ? "" : cell.n()).append(',').append(cell.suppressed()).append('\n'));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
