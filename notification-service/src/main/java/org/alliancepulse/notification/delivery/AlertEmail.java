package org.alliancepulse.notification.delivery;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
        return compose(kind, clientCode, sessionDate, link, therapistName, List.of(), List.of());
    }

    /**
     * The email for an alert: its kind, what it means and what may help, the pillars that fell (a rupture) or the
     * largest risk factors (a dropout risk) in words — names, never the client's scores or answers.
     */
    public static AlertEmail compose(String kind, String clientCode, LocalDate sessionDate, String link,
            String therapistName, List<String> pillars, List<String> factors) {
        String what = describe(kind);
        String subject = "Alliance Pulse: " + what + " alert for client " + clientCode;
        String body = """
                Dear %s,

                Alliance Pulse raised %s %s alert (%s) for client %s after the session on %s (%s).
                %s
                Please review it in Alliance Pulse:
                %s

                This email deliberately carries no names, scores or notes. Sign in to see the details.
                """.formatted(therapistName, "aeiou".indexOf(what.charAt(0)) >= 0 ? "an" : "a", what, kind, clientCode,
                DATE.format(sessionDate), sessionDate, guidance(kind, pillars, factors), link);
        return new AlertEmail(subject, body);
    }

    /** What the alert means and what may help, in a few lines (CLINICAL.md and its sources); empty if unknown. */
    static String guidance(String kind, List<String> pillars, List<String> factors) {
        String text = switch (kind) {
            case "RUPTURE" -> "The alliance fell clearly below this client's usual level"
                    + (pillars.isEmpty() ? "" : ", above all " + words(pillars, AlertEmail::pillar)) + ".\n"
                    + "At the next session: name what you noticed and invite the client's view; attend to what fell.\n";
            case "UNRESOLVED_RUPTURE" -> "A rupture has not been repaired within six rated sessions.\n"
                    + "Make it the explicit topic with the client; consider supervision on the case.\n";
            case "FIT_CONCERN" -> "The alliance has stayed low from the third session on.\n"
                    + "Discuss fit openly with the client; consider another therapist or approach if it does not improve.\n";
            case "DROPOUT_RISK" -> "This client's pattern resembles that of clients who stop coming"
                    + (factors.isEmpty() ? "" : ", mainly " + words(factors, AlertEmail::factor)) + ".\n"
                    + "Reach out before the next appointment and ask what would help.\n";
            default -> "";
        };
        return text.isEmpty() ? "" : "\n" + text;
    }

    private static String words(List<String> names, java.util.function.Function<String, String> word) {
        List<String> said = names.stream().map(word).toList();
        return said.size() == 1 ? said.get(0)
                : String.join(", ", said.subList(0, said.size() - 1)) + " and " + said.get(said.size() - 1);
    }

    static String pillar(String name) {
        return switch (name) {
            case "BOND" -> "the bond (the relationship)";
            case "GOALS" -> "agreement on goals";
            case "TASKS" -> "agreement on the approach (tasks)";
            default -> name.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    static String factor(String name) {
        return switch (name) {
            case "EARLY_NO_SHOW" -> "a missed session early in therapy";
            case "RECENT_MISSED_SESSIONS" -> "recent missed or late-cancelled sessions";
            case "LOW_ALLIANCE" -> "a low alliance so far";
            case "FALLING_ALLIANCE" -> "a falling alliance";
            case "UNRESOLVED_RUPTURE" -> "an unresolved rupture";
            case "NO_ORS_IMPROVEMENT" -> "no reliable improvement yet";
            case "ORS_DETERIORATION" -> "feeling worse than at the start";
            case "FEEDBACK_SKIPPED" -> "feedback skipped at recent sessions";
            case "OVERDUE" -> "longer than usual since the last session";
            default -> name.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
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
