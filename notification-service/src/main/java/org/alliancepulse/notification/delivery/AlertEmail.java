package org.alliancepulse.notification.delivery;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * An email as it goes out: subject, plain-text and HTML parts, Message-ID. Private by construction: the templates
 * ({@link Emails}) get the alert kind, the pseudonymous client code, session dates, links, staff names and the
 * names of pillars and risk factors in words — nothing else exists here to give them, so no client name, score or
 * free text can reach an inbox.
 */
public record AlertEmail(String subject, String text, String html, String messageId) {

    /**
     * The Message-ID of the email about an alert: the same for every attempt, so a resend after a crash or a timeout
     * is recognisable (and can be folded by mail clients) as the same email.
     */
    public static String messageId(UUID alertId) {
        return "<alert-" + alertId + "@alliancepulse>";
    }

    /** The Message-ID of another email about an alert (escalation, resolved note) or of a digest (its row id). */
    static String messageId(String purpose, UUID id) {
        return "<" + purpose.toLowerCase(Locale.ROOT) + "-" + id + "@alliancepulse>";
    }

    /** The alert kind in the clinic's words. */
    static String describe(String kind) {
        return switch (kind) {
            case "RUPTURE" -> "alliance rupture";
            case "UNRESOLVED_RUPTURE" -> "unresolved rupture";
            case "FIT_CONCERN" -> "fit concern";
            case "DROPOUT_RISK" -> "dropout risk";
            default -> "alliance";
        };
    }

    /** "a" or "an" before the words. */
    static String article(String words) {
        return "aeiou".indexOf(words.charAt(0)) >= 0 ? "an" : "a";
    }

    static String pillar(String name) {
        return switch (name) {
            case "BOND" -> "the bond (the relationship)";
            case "GOALS" -> "agreement on goals";
            case "TASKS" -> "agreement on the approach (tasks)";
            default -> "another part of the alliance"; // never echo a name we do not know into an email
        };
    }

    static String factor(String name) {
        return switch (name) {
            case "EARLY_NO_SHOW" -> "a missed session early in therapy";
            case "RECENT_MISSED_SESSIONS" -> "recent missed or late-cancelled sessions";
            case "LATEST_NO_SHOW" -> "a no-show at the latest session";
            case "LOW_ALLIANCE" -> "a low alliance so far";
            case "FALLING_ALLIANCE" -> "a falling alliance";
            case "UNRESOLVED_RUPTURE" -> "an unresolved rupture";
            case "NO_ORS_IMPROVEMENT" -> "no reliable improvement yet";
            case "ORS_DETERIORATION" -> "feeling worse than at the start";
            case "FEEDBACK_SKIPPED" -> "feedback skipped at recent sessions";
            case "OVERDUE" -> "longer than usual since the last session";
            default -> "another factor"; // never echo a name we do not know into an email
        };
    }

    static String resolution(String name) {
        return switch (name) {
            case "REPAIRED" -> "the alliance is back at its usual level (repaired)";
            case "ESCALATED" -> "it became an unresolved rupture, which has its own alert";
            case "FIT_IMPROVED" -> "the alliance has improved";
            case "RISK_CLEARED" -> "the dropout risk has cleared";
            case "EPISODE_CLOSED" -> "the episode of care was closed";
            case "REASSIGNED" -> "the client was reassigned to another therapist";
            case "WITHDRAWN" -> "a correction of the session record took away its grounds";
            default -> "its condition is over";
        };
    }

    /** Names in words, joined as a sentence would: "a", "a and b", "a, b and c"; null for none. */
    static String words(List<String> names, Function<String, String> word) {
        if (names.isEmpty()) {
            return null;
        }
        List<String> said = names.stream().map(word).toList();
        return said.size() == 1 ? said.get(0)
                : String.join(", ", said.subList(0, said.size() - 1)) + " and " + said.get(said.size() - 1);
    }
}
