package org.alliancepulse.notification.delivery;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The text of an alert email. Private by construction: it is composed from the alert kind, the pseudonymous client
 * code, the session date and a link only, so no name, score or free text can reach an inbox.
 */
public record AlertEmail(String subject, String body) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    public static AlertEmail compose(String kind, String clientCode, LocalDate sessionDate, String link,
            String therapistName) {
        String what = describe(kind);
        String subject = "Alliance Pulse: " + what + " alert for client " + clientCode;
        String body = """
                Dear %s,

                Alliance Pulse raised a %s alert (%s) for client %s after the session on %s (%s).

                Please review it in Alliance Pulse:
                %s

                This email deliberately carries no names, scores or notes. Sign in to see the details.
                """.formatted(therapistName, what, kind, clientCode, DATE.format(sessionDate), sessionDate, link);
        return new AlertEmail(subject, body);
    }

    /**
     * The Message-ID of the email about an alert: the same for every attempt, so a resend after a crash or a timeout
     * is recognisable (and can be folded by mail clients) as the same email.
     */
    public static String messageId(UUID alertId) {
        return "<alert-" + alertId + "@alliancepulse>";
    }

    /** The alert kind in the clinic's words. */
    static String describe(String kind) {
        return switch (kind) {
            case "LOW_ALLIANCE" -> "low alliance";
            case "RUPTURE" -> "alliance rupture";
            case "UNRESOLVED_RUPTURE" -> "unresolved rupture";
            case "FIT_CONCERN" -> "fit concern";
            case "DROPOUT_RISK" -> "dropout risk";
            default -> kind.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
