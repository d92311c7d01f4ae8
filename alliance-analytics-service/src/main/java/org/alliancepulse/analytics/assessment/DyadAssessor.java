package org.alliancepulse.analytics.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.alliancepulse.analytics.alert.Alerts;
import org.alliancepulse.analytics.course.SessionObservation;
import org.alliancepulse.analytics.dyad.Dyad;
import org.alliancepulse.analytics.dyad.DyadCourses;
import org.alliancepulse.analytics.dyad.SessionRecord;
import org.alliancepulse.analytics.rules.AlertLifecycle;
import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.alliancepulse.analytics.rules.CourseAssessment;
import org.alliancepulse.analytics.rules.DyadAlert;
import org.alliancepulse.analytics.rules.EpisodeEnding;
import org.alliancepulse.analytics.rules.NetworkSd;
import org.alliancepulse.analytics.rules.Resolution;
import org.alliancepulse.analytics.rules.RulesConfig;
import org.alliancepulse.analytics.rules.SessionAssessment;

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
    DyadCourses courses;

    @Inject
    NetworkSpread spread;

    @Inject
    RulesConfig rules;

    @Inject
    Alerts alerts;

    @Inject
    ObjectMapper json;

    /** After a session event: the session's dyad, once intake has announced it. */
    public void afterSessionEvent(UUID sessionId) {
        SessionRecord session = SessionRecord.findById(sessionId);
        if (session != null) {
            courses.dyadOf(session).ifPresent(this::reassess);
        }
    }

    /** After an intake event: every dyad of the client (an assignment, a reassignment or an ending changes them). */
    public void afterIntakeEvent(UUID clientId) {
        Dyad.ofClient(clientId).forEach(this::reassess);
    }

    /** Call holding the client's lock ({@link org.alliancepulse.analytics.dyad.ClientLocks}). */
    public void reassess(Dyad dyad) {
        ClinicalThresholds thresholds = rules.thresholds();
        DyadCourses.Course course = courses.courseOf(dyad);
        keepAggregate(dyad, course);
        List<SessionAssessment> assessments = CourseAssessment.assess(course.course(), spread.current(thresholds),
                thresholds);
        keep(dyad, assessments);
        Optional<EpisodeEnding> ending = !dyad.ended() ? Optional.empty()
                : Optional.of(new EpisodeEnding(dyad.endedAt, dyad.endReason == Dyad.EndReason.REASSIGNED
                        ? Resolution.REASSIGNED : Resolution.EPISODE_CLOSED));
        List<DyadAlert> decided = AlertLifecycle.alerts(AlertLifecycle.decide(assessments, thresholds, ending));
        alerts.reconcile(dyad, decided, assessments, course.sessions());
    }

    /** Only the dyad's share of the network SD (a rebuild pools every dyad's before it assesses any). */
    public void keepAggregate(Dyad dyad) {
        keepAggregate(dyad, courses.courseOf(dyad));
    }

    /** The dyad's share of the network SD: its scored indices as count, mean and squared deviations. */
    private static void keepAggregate(Dyad dyad, DyadCourses.Course course) {
        NetworkSd.DyadAggregate aggregate = NetworkSd.DyadAggregate.EMPTY;
        for (SessionObservation session : course.course().sessions()) {
            if (session.scored()) {
                aggregate = aggregate.plus(session.alliance().index());
            }
        }
        if (dyad.allianceN != aggregate.n() || dyad.allianceMean != aggregate.mean()
                || dyad.allianceM2 != aggregate.sumSquaredDeviations()) {
            dyad.allianceN = (int) aggregate.n();
            dyad.allianceMean = aggregate.mean();
            dyad.allianceM2 = aggregate.sumSquaredDeviations();
        }
    }

    private void keep(Dyad dyad, List<SessionAssessment> assessments) {
        Map<UUID, SessionAssessmentRecord> stored = new HashMap<>();
        SessionAssessmentRecord.ofDyad(dyad.id).forEach(r -> stored.put(r.sessionId, r));
        for (SessionAssessment a : assessments) {
            SessionAssessmentRecord row = stored.remove(a.session().sessionId());
            if (row == null) {
                row = SessionAssessmentRecord.findById(a.session().sessionId()); // assessed under another dyad before
            }
            if (row == null) {
                row = new SessionAssessmentRecord();
                row.sessionId = a.session().sessionId();
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
            row.riskScore = a.risk().probability();
            row.riskFactors = factors(a);
            row.persist();
        }
        stored.values().forEach(SessionAssessmentRecord::delete); // sessions that no longer belong to this dyad
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

    private static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", value));
    }
}
