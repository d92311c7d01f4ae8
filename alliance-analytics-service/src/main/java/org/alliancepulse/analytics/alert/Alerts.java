package org.alliancepulse.analytics.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.alliancepulse.analytics.dyad.Dyad;
import org.alliancepulse.analytics.dyad.SessionRecord;
import org.alliancepulse.analytics.rules.AlertKind;
import org.alliancepulse.analytics.rules.AlertReasons;
import org.alliancepulse.analytics.rules.DropoutRisk;
import org.alliancepulse.analytics.rules.DyadAlert;
import org.alliancepulse.analytics.rules.Resolution;
import org.alliancepulse.analytics.rules.SessionAssessment;
import org.alliancepulse.analytics.course.SessionRef;
import org.alliancepulse.contracts.alliance.AlertRaised;
import org.alliancepulse.contracts.alliance.AlertResolved;
import org.alliancepulse.platform.outbox.Outbox;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps a dyad's stored alerts in step with the lifecycle the rules decide, announcing each change through the
 * outbox in the same transaction: one open alert per dyad and kind, each identified by dyad, kind and the session
 * that raised it (so a redelivery, a second instance or a rebuild finds the alert it already raised and announces
 * nothing twice).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Alerts {

    private static final Logger LOG = Logger.getLogger(Alerts.class);

    /** A correction of answers or attendance took away the condition the alert was raised for. */
    public static final String WITHDRAWN = "WITHDRAWN";


    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** The same id for the same alert, in every instance and every rebuild. */
    public static UUID idOf(UUID dyadId, AlertKind kind, UUID raisingSessionId) {
        return UUID.nameUUIDFromBytes(("alert " + dyadId + " " + kind + " " + raisingSessionId)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The id of a later alert for the same dyad, kind and raising session: when a correction brings back a condition
     * whose alert was already resolved (a repair that a corrected score took away), the resolved alert stays as it
     * was announced and a new one is raised. Life 0 is {@link #idOf(UUID, AlertKind, UUID)}.
     */
    static UUID idOf(UUID dyadId, AlertKind kind, UUID raisingSessionId, int life) {
        return life == 0 ? idOf(dyadId, kind, raisingSessionId)
                : UUID.nameUUIDFromBytes(("alert " + dyadId + " " + kind + " " + raisingSessionId + " life " + life)
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The stored alert standing for a decided one: its latest life; life 0 when none is stored yet. */
    private static int currentLife(UUID dyadId, DyadAlert decided, Map<UUID, Alert> stored) {
        int life = 0;
        while (stored.containsKey(idOf(dyadId, decided.kind(), decided.raisedSession().sessionId(), life + 1))) {
            life++;
        }
        return life;
    }

    /**
     * The stored alert that stands for each decided one: its own (by dyad, kind, raising session and life) when
     * stored; otherwise an alert of the same kind already announced for the same stretch of the course. Answers that
     * arrive late can move a condition's first session: a rupture announced at session 7, before session 6's
     * answers came, is decided at session 6 once they do. It is the same rupture, already announced and maybe already
     * resolved, so it is not announced a second time (a probe of the running service counted two RUPTURE alerts
     * for one rupture that way). An alert whose condition a correction took away (WITHDRAWN) stands for nothing:
     * what is decided later is new to the therapist.
     */
    private static Map<DyadAlert, UUID> standing(UUID dyadId, List<DyadAlert> decided, Map<DyadAlert, Integer> lives,
            Map<UUID, Alert> stored) {
        Map<DyadAlert, UUID> standing = new HashMap<>();
        Set<UUID> claimed = new HashSet<>();
        for (DyadAlert d : decided) {
            UUID own = idOf(dyadId, d.kind(), d.raisedSession().sessionId(), lives.get(d));
            if (stored.containsKey(own)) {
                standing.put(d, own);
                claimed.add(own);
            }
        }
        for (DyadAlert d : decided) {
            if (standing.containsKey(d)) {
                continue;
            }
            UUID id = stored.values().stream()
                    .filter(a -> a.kind.equals(d.kind().name()) && !claimed.contains(a.id)
                            && !WITHDRAWN.equals(a.resolution) && overlaps(a, d))
                    .min(Comparator.comparing((Alert a) -> a.sessionNumber).thenComparing(a -> a.id))
                    .map(a -> a.id)
                    .orElse(idOf(dyadId, d.kind(), d.raisedSession().sessionId(), lives.get(d)));
            standing.put(d, id);
            claimed.add(id);
        }
        return standing;
    }

    /** The stored alert's sessions, raise to resolution, and the decided one's share at least one session number. */
    private static boolean overlaps(Alert stored, DyadAlert decided) {
        int storedTo = stored.resolved() && stored.resolvedSessionNumber != null ? stored.resolvedSessionNumber
                : Integer.MAX_VALUE;
        int decidedTo = decided.open() ? Integer.MAX_VALUE : decided.resolvedSession().number();
        return stored.sessionNumber <= decidedTo && decided.raisedSession().number() <= storedTo;
    }

    /** @param storedAlerts the dyad's alerts as stored (read with other dyads' in one query) */
    public void reconcile(Dyad dyad, List<DyadAlert> decided, List<SessionAssessment> assessments,
            List<SessionRecord> sessions, List<Alert> storedAlerts) {
        Map<UUID, SessionAssessment> bySession = new HashMap<>();
        assessments.forEach(a -> bySession.put(a.session().sessionId(), a));
        Map<UUID, SessionRecord> records = sessions.stream().collect(Collectors.toMap(s -> s.sessionId, s -> s));
        Map<UUID, Alert> stored = new HashMap<>();
        storedAlerts.forEach(a -> stored.put(a.id, a));
        Map<DyadAlert, Integer> lives = new HashMap<>();
        decided.forEach(d -> lives.put(d, currentLife(dyad.id, d, stored)));
        Map<DyadAlert, UUID> standing = standing(dyad.id, decided, lives, stored);
        Set<UUID> decidedIds = Set.copyOf(standing.values());

        // first what closes (so the one-open-per-kind index never sees two), then what opens
        SessionRef latest = assessments.isEmpty() ? null : assessments.get(assessments.size() - 1).session();
        boolean closed = false;
        for (Alert alert : stored.values()) {
            if (!alert.resolved() && !decidedIds.contains(alert.id) && latest != null) {
                resolve(dyad, alert, WITHDRAWN, latest, latest.scheduledAt(), records);
                closed = true;
            }
        }
        for (DyadAlert d : decided) {
            Alert alert = stored.get(standing.get(d));
            if (alert == null || d.resolution() == null) {
                continue;
            }
            if (!alert.resolved()) {
                resolve(dyad, alert, d.resolution().name(), d.resolvedSession(), d.resolvedAt(), records);
                closed = true;
            } else if (endedWithTheEpisode(alert)) {
                amendEnding(dyad, alert, d, records);
            }
        }
        boolean flushed = false;
        for (DyadAlert d : decided) {
            int life = lives.get(d);
            UUID id = standing.get(d);
            Alert current = stored.get(id);
            if (current != null && current.resolved() && d.open()) {
                // the condition is back (a correction took away the repair, or undid a withdrawal): the resolved
                // alert keeps what was announced, and the therapist hears of the condition again
                UUID own = idOf(dyad.id, d.kind(), d.raisedSession().sessionId(), life);
                id = stored.containsKey(own) ? idOf(dyad.id, d.kind(), d.raisedSession().sessionId(), life + 1) : own;
                current = null;
            }
            if (current == null) { // life + 1 is never stored: currentLife found the latest
                if (closed && !flushed) {
                    // Hibernate writes inserts before updates: the closing updates must reach the database first
                    entityManager.flush();
                    flushed = true;
                }
                raise(dyad, id, d, bySession.get(d.raisedSession().sessionId()), records);
            }
        }
    }

    private void raise(Dyad dyad, UUID id, DyadAlert decided, SessionAssessment at, Map<UUID, SessionRecord> records) {
        Alert alert = new Alert();
        alert.id = id;
        alert.dyadId = dyad.id;
        alert.kind = decided.kind().name();
        alert.severity = severity(decided.kind());
        alert.status = Alert.Status.OPEN;
        alert.clientId = dyad.clientId;
        alert.clientCode = dyad.clientCode;
        alert.therapistId = dyad.therapistId;
        alert.clinicId = dyad.clinicId;
        alert.sessionId = decided.raisedSession().sessionId();
        alert.sessionNumber = decided.raisedSession().number();
        alert.sessionDate = dateOf(decided.raisedSession(), records);
        alert.occurredAt = decided.raisedAt();
        alert.raisedAt = Instant.now();
        List<String> pillars = List.of();
        List<AlertRaised.RiskFactorContribution> factors = null;
        List<String> reasons = AlertReasons.of(decided.kind(), at);
        switch (decided.kind()) {
            case RUPTURE, UNRESOLVED_RUPTURE -> {
                pillars = at.rupture().pillars().stream().map(Enum::name).toList();
                alert.pillars = pillars.isEmpty() ? null : String.join(",", pillars);
            }
            case DROPOUT_RISK -> {
                factors = at.risk().topFactors(AlertReasons.TOP_FACTORS).stream()
                        .map(c -> new AlertRaised.RiskFactorContribution(c.factor().name(),
                                decimal(c.contribution(), 2)))
                        .toList();
                alert.riskScore = at.risk().probability();
                alert.riskFactors = write(factors);
            }
        }
        alert.reasons = String.join(",", reasons);
        if (decided.resolution() != null) {
            // raised and resolved in one go (a replay, or events arriving late): it is stored as it ended
            close(alert, decided.resolution().name(), decided.resolvedSession(), decided.resolvedAt(), records);
        }
        alert.persist();
        outbox.publish(new AlertRaised(alert.id, alert.kind, alert.severity, alert.clientId, alert.clientCode,
                alert.therapistId, alert.clinicId, alert.sessionId, alert.sessionDate, reasons, alert.raisedAt,
                dyad.id, alert.sessionNumber, alert.occurredAt, pillars.isEmpty() ? null : pillars,
                alert.riskScore == null ? null : decimal(alert.riskScore, 3), factors));
        LOG.infof("Raised %s alert %s for dyad %s at session %d", alert.kind, alert.id, dyad.id, alert.sessionNumber);
        if (alert.resolved()) {
            announceResolved(dyad, alert);
        }
    }

    /** Resolved by the episode's ending (closed, or the client reassigned) rather than by what the sessions showed. */
    private static boolean endedWithTheEpisode(Alert alert) {
        return Resolution.EPISODE_CLOSED.name().equals(alert.resolution)
                || Resolution.REASSIGNED.name().equals(alert.resolution);
    }

    /**
     * The ending was taken in before the last sessions before it (the two topics are read independently, and a
     * discharge entered minutes after the last session's answers can overtake them): what those sessions showed
     * stands. A repair, an escalation or a cleared risk they show is announced again for the same alert (a second
     * {@code AlertResolved}, the later one standing); the same ending with a later last session is only kept.
     */
    private void amendEnding(Dyad dyad, Alert alert, DyadAlert decided, Map<UUID, SessionRecord> records) {
        String resolution = decided.resolution().name();
        if (!resolution.equals(alert.resolution)) {
            LOG.infof("Alert %s was resolved %s before the sessions before it arrived: they say %s", alert.id,
                    alert.resolution, resolution);
            resolve(dyad, alert, resolution, decided.resolvedSession(), decided.resolvedAt(), records);
        } else if (!decided.resolvedSession().sessionId().equals(alert.resolvedSessionId)
                || !decided.resolvedAt().equals(alert.resolvedOccurredAt)) {
            // the session, its date and the ending's moment together: the page shows them side by side
            place(alert, decided.resolvedSession(), decided.resolvedAt(), records);
        }
    }

    private void resolve(Dyad dyad, Alert alert, String resolution, SessionRef session, Instant occurredAt,
            Map<UUID, SessionRecord> records) {
        close(alert, resolution, session, occurredAt, records);
        announceResolved(dyad, alert);
    }

    private static void close(Alert alert, String resolution, SessionRef session, Instant occurredAt,
            Map<UUID, SessionRecord> records) {
        alert.status = Alert.Status.RESOLVED;
        alert.resolution = resolution;
        place(alert, session, occurredAt, records);
        alert.resolvedAt = Instant.now();
    }

    /** Where, in the dyad's own time, the alert was resolved: the session, its number and date, the moment. */
    private static void place(Alert alert, SessionRef session, Instant occurredAt, Map<UUID, SessionRecord> records) {
        alert.resolvedSessionId = session.sessionId();
        alert.resolvedSessionNumber = session.number();
        alert.resolvedOccurredAt = occurredAt;
        alert.resolvedSessionDate = dateOf(session, records); // as the page and the email show it
    }

    private void announceResolved(Dyad dyad, Alert alert) {
        outbox.publish(new AlertResolved(alert.id, alert.kind, dyad.id, alert.clientId, alert.clientCode,
                alert.therapistId, alert.clinicId, alert.resolution, alert.resolvedSessionId,
                alert.resolvedSessionNumber, alert.resolvedSessionDate, alert.resolvedOccurredAt, alert.resolvedAt));
        LOG.infof("Resolved %s alert %s (%s)", alert.kind, alert.id, alert.resolution);
    }

    private static LocalDate dateOf(SessionRef session, Map<UUID, SessionRecord> records) {
        SessionRecord record = records.get(session.sessionId());
        return record != null ? record.sessionDate : LocalDate.ofInstant(session.scheduledAt(), ZoneOffset.UTC);
    }

    /** How soon a therapist should look: an unrepaired rupture and a likely dropout cannot wait for the next week. */
    static String severity(AlertKind kind) {
        return switch (kind) {
            case RUPTURE, FIT_CONCERN -> "WARNING";
            case UNRESOLVED_RUPTURE, DROPOUT_RISK -> "URGENT";
        };
    }

    private static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
