package org.alliancepulse.notification.delivery;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.contracts.alliance.AlertResolved;
import org.alliancepulse.notification.NotificationConfig;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Renders the emails from the Qute templates in {@code templates/emails}, a plain-text and an HTML part each. The
 * templates receive only what {@link AlertNotification} holds (kind, client code, session date, pillar and factor
 * names, resolution) in words, staff names, and links. {@code meaning.txt} is included by the HTML templates too,
 * where Qute does not escape it: its values are therefore only words from AlertEmail's fixed vocabularies (an
 * unknown name becomes generic words, never the name itself).
 */
@ApplicationScoped
public class Emails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    @Inject
    NotificationConfig config;

    @Location("emails/alert.txt")
    Template alertText;
    @Location("emails/alert.html")
    Template alertHtml;
    @Location("emails/escalation.txt")
    Template escalationText;
    @Location("emails/escalation.html")
    Template escalationHtml;
    @Location("emails/resolved.txt")
    Template resolvedText;
    @Location("emails/resolved.html")
    Template resolvedHtml;
    @Location("emails/digest.txt")
    Template digestText;
    @Location("emails/digest.html")
    Template digestHtml;

    /** The alert's own email; to the supervisor, saying why, when the therapist is not active. */
    public AlertEmail alert(AlertNotification n, Routing.Send to, String therapistName) {
        Map<String, Object> data = about(n);
        data.put("greeting", to.insteadOfTherapist() ? "colleague at " + to.name() : to.name());
        data.put("insteadOfTherapist", to.insteadOfTherapist());
        data.put("therapistName", therapistName);
        String subject = "Alliance Pulse: " + data.get("what") + " alert for client " + n.clientCode
                + (to.insteadOfTherapist() ? " (for " + therapistName + ")" : "");
        return new AlertEmail(subject, render(alertText, data), render(alertHtml, data),
                AlertEmail.messageId(n.alertId));
    }

    /** The supervisor's email about an alert nobody acknowledged in time. */
    public AlertEmail escalation(AlertNotification n, Routing.Send to, String therapistName) {
        Map<String, Object> data = about(n);
        data.put("greeting", to.name());
        data.put("therapistName", therapistName);
        data.put("escalateAfter", words(config.escalateAfter()));
        String subject = "Alliance Pulse: " + data.get("what") + " alert for client " + n.clientCode
                + " not acknowledged (escalation)";
        return new AlertEmail(subject, render(escalationText, data), render(escalationHtml, data),
                AlertEmail.messageId("escalation", n.alertId));
    }

    /**
     * A short note that an emailed alert was resolved: at the session that resolved it, or on the day a change of
     * therapist or an ending took effect - after which the client is no longer the therapist's, so the note does
     * not send them to a page they can no longer open.
     */
    public AlertEmail resolved(AlertNotification n, Routing.Send to) {
        Map<String, Object> data = about(n);
        boolean ending = AlertResolved.byEnding(n.resolution);
        LocalDate resolvedOn = n.resolvedOn != null ? n.resolvedOn : n.sessionDate;
        data.put("greeting", to.name());
        data.put("resolutionWords", AlertEmail.resolution(n.resolution == null ? "" : n.resolution));
        data.put("resolvedWhen", ending ? "on" : "at the session on");
        data.put("resolvedOn", resolvedOn == null ? null : DAY.format(resolvedOn));
        data.put("ending", ending);
        String subject = "Alliance Pulse: " + data.get("what") + " alert for client " + n.clientCode
                + " resolved";
        return new AlertEmail(subject, render(resolvedText, data), render(resolvedHtml, data),
                AlertEmail.messageId("resolved", n.alertId));
    }

    /** A therapist's digest: the alerts that waited for it. */
    public AlertEmail digest(AlertNotification digest, List<AlertNotification> items, Routing.Send to, ZoneId zone) {
        Map<String, Object> data = new HashMap<>();
        data.put("greeting", to.name());
        data.put("digestDay", DAY.format(digest.digestAt.atZone(zone).toLocalDate()));
        data.put("items", items.stream().map(item -> Map.<String, Object> of(
                "what", AlertEmail.describe(item.kind), "kind", item.kind, "clientCode", item.clientCode,
                "sessionDate", item.sessionDate.toString(), "link", link(item))).toList());
        String subject = "Alliance Pulse: your daily digest, " + items.size() + " alert" + (items.size() == 1 ? "" : "s");
        return new AlertEmail(subject, render(digestText, data), render(digestHtml, data),
                AlertEmail.messageId("digest", digest.id));
    }

    private Map<String, Object> about(AlertNotification n) {
        Map<String, Object> data = new HashMap<>();
        String what = AlertEmail.describe(n.kind);
        data.put("kind", n.kind);
        data.put("what", what);
        data.put("article", AlertEmail.article(what));
        data.put("Article", AlertEmail.article(what).equals("an") ? "An" : "A");
        data.put("clientCode", n.clientCode);
        data.put("sessionDay", DAY.format(n.sessionDate));
        data.put("sessionDate", n.sessionDate.toString());
        data.put("fell", AlertEmail.words(names(n.pillars), AlertEmail::pillar));
        data.put("mainly", AlertEmail.words(names(n.factors), AlertEmail::factor));
        data.put("link", link(n));
        return data;
    }

    private String link(AlertNotification n) {
        return config.appBaseUrl().replaceAll("/+$", "") + "/alerts/" + n.alertId;
    }

    private static String render(Template template, Map<String, Object> data) {
        var instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private static List<String> names(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(","));
    }

    static String words(Duration duration) {
        if (duration.toHours() > 0 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
            return duration.toHours() + (duration.toHours() == 1 ? " hour" : " hours");
        }
        return duration.toMinutes() + " minutes";
    }
}
