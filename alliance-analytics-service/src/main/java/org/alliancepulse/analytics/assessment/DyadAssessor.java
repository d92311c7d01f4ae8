package org.alliancepulse.analytics.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.alliancepulse.analytics.alert.Alert;
import org.alliancepulse.analytics.alert.Alerts;
import org.alliancepulse.analytics.dyad.Dyad;
import org.alliancepulse.analytics.dyad.ClientRows;
import org.alliancepulse.analytics.dyad.DyadCourses;
import org.alliancepulse.analytics.rules.AlertLifecycle;
import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.alliancepulse.analytics.rules.CourseAssessment;
import org.alliancepulse.analytics.rules.DyadAlert;
import org.alliancepulse.analytics.rules.RulesConfig;
import org.alliancepulse.analytics.rules.SessionAssessment;

import org.hibernate.FlushMode;
import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Applies the clinical rules to a dyad after anything about it changed: reads its whole course, assesses every
 * session, keeps what the rules said per session, and reconciles the dyad's alerts with the lifecycle the rules
 * decide. Recomputing from the course (rather than updating incrementally) is what makes out-of-order events,
 * corrections after later sessions, redeliveries and replays all end in the same state, dated in event time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DyadAssessor {

    @Inject
    NetworkSpread spread;

    @Inject
    RulesConfig rules;

    @Inject
    Alerts alerts;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    /**
     * Sessions from {@code earliest} on were recorded (in the current transaction): a month still judged with the
     * prior network SD may now have its history (see {@link NetworkSpread}).
     */
    public void historyArrived(java.time.LocalDate earliest) {
        spread.historyArrived(earliest, rules.thresholds());
    }

    /**
     * Assesses these dyads again from the rows given (which hold their clients': a consumer's batch, a rebuild's
     * slice); their assessments and alerts are read in two queries for all of them. In one order (alerts go through
     * the outbox, which locks per client). Call holding their clients' locks.
     */
    public void reassessAll(Collection<Dyad> dyads, ClientRows rows) {
        if (dyads.isEmpty()) {
            return;
        }
        Set<UUID> clients = new HashSet<>();
        dyads.forEach(d -> clients.add(d.clientId));
        // one flush, then reads that do not flush again: each auto-flush dirty-checks every row the batch holds
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        FlushMode mode = session.getHibernateFlushMode();
        session.setHibernateFlushMode(FlushMode.MANUAL);
        try {
            reassessAll(dyads, clients, rows);
        } finally {
            session.setHibernateFlushMode(mode);
        }
    }

    private void reassessAll(Collection<Dyad> dyads, Set<UUID> clients, ClientRows rows) {
        Map<UUID, SessionAssessmentRecord> assessed = new HashMap<>();
        Map<UUID, List<SessionAssessmentRecord>> assessedOfDyad = new HashMap<>();
        // by every dyad of these clients (a session's assessment is always under a dyad of its own client, also
        // after it moved between them): one index range per dyad rather than a join through the sessions
        Set<UUID> clientsDyads = new HashSet<>();
        clients.forEach(client -> rows.dyadsOf(client).forEach(d -> clientsDyads.add(d.id)));
        List<SessionAssessmentRecord> stored = clientsDyads.isEmpty() ? List.of()
                : SessionAssessmentRecord.list("dyadId in ?1", clientsDyads);
        stored.forEach(a -> {
                    assessed.put(a.sessionId, a);
                    assessedOfDyad.computeIfAbsent(a.dyadId, k -> new ArrayList<>()).add(a);
                });
        Map<UUID, List<Alert>> alertsOfDyad = new HashMap<>();
        Alert.<Alert>list("clientId in ?1 order by occurredAt, raisedAt", clients)
                .forEach(a -> alertsOfDyad.computeIfAbsent(a.dyadId, k -> new ArrayList<>()).add(a));

        List<Dyad> ordered = new ArrayList<>(dyads);
        ordered.sort(Comparator.comparing((Dyad d) -> d.clientId).thenComparing(d -> d.id));
        for (Dyad dyad : ordered) {
            assess(dyad, rows.courseOf(dyad), assessed, assessedOfDyad.getOrDefault(dyad.id, List.of()),
                    alertsOfDyad.getOrDefault(dyad.id, List.of()));
        }
    }

    private void assess(Dyad dyad, DyadCourses.Course course, Map<UUID, SessionAssessmentRecord> assessed,
            List<SessionAssessmentRecord> storedOfDyad, List<Alert> storedAlerts) {
        ClinicalThresholds thresholds = rules.thresholds();
        List<SessionAssessment> assessments = CourseAssessment.assess(course.course(),
                spread.spreadForCourse(course.course(), thresholds), thresholds);
        keep(dyad, assessments, assessed, storedOfDyad);
        List<DyadAlert> decided = AlertLifecycle.alerts(AlertLifecycle.decide(assessments, thresholds,
                course.ending(dyad)));
        alerts.reconcile(dyad, decided, assessments, course.sessions(), storedAlerts);
    }

    /**
     * What the rules said per session, in the dyad's rows: updated where they exist (under this dyad or, for a
     * session that moved, another), added where not, removed for sessions no longer the dyad's.
     */
    private void keep(Dyad dyad, List<SessionAssessment> assessments, Map<UUID, SessionAssessmentRecord> assessed,
            List<SessionAssessmentRecord> storedOfDyad) {
        Set<UUID> ours = new HashSet<>();
        for (SessionAssessment a : assessments) {
            ours.add(a.session().sessionId());
            SessionAssessmentRecord row = assessed.get(a.session().sessionId());
            boolean fresh = row == null;
            if (fresh) {
                row = new SessionAssessmentRecord();
                row.sessionId = a.session().sessionId();
                assessed.put(row.sessionId, row);
            }
            row.dyadId = dyad.id;
            row.sessionNumber = a.session().number();
            row.scheduledAt = a.session().scheduledAt();
            row.attendance = a.attendance().name();
            row.allianceIndex = Double.isNaN(a.index()) ? null : a.index();
            row.lowAlliance = a.lowAlliance();
            row.ruptureState = a.rupture().state().name();
            row.pillars = a.rupture().pillars().isEmpty() ? null
                    : String.join(",", a.rupture().pillars().stream().map(Enum::name).toList());
            row.fitConcern = a.fitConcern();
            if (fresh || row.riskFactors == null || row.riskScore != a.risk().probability()) {
                // the factors are what the score is made of: an unchanged score has unchanged factors
                row.riskFactors = factors(a);
            }
            row.riskScore = a.risk().probability();
            if (fresh) {
                row.persist(); // after its values: Hibernate inserts what the row held when persisted
            }
        }
        // sessions that no longer belong to this dyad (checked again: a row may have moved to another dyad here)
        List<SessionAssessmentRecord> gone = storedOfDyad.stream().filter(r -> dyad.id.equals(r.dyadId)
                && !ours.contains(r.sessionId) && assessed.get(r.sessionId) == r).toList();
        gone.forEach(r -> {
            assessed.remove(r.sessionId);
            r.delete();
        });
    }

    private String factors(SessionAssessment a) {
        List<Map<String, Object>> factors = new ArrayList<>();
        a.risk().contributions().forEach(c -> factors.add(Map.of("factor", c.factor().name(), "value",
                round(c.value()), "weight", round(c.weight()), "contribution", round(c.contribution()))));
        try {
            return json.writeValueAsString(factors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Four decimals, as stored and shown (arithmetic: a formatted string per factor was a third of a batch's time). */
    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
