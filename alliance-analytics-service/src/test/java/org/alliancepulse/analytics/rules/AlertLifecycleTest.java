package org.alliancepulse.analytics.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.alliancepulse.analytics.course.Attendance;
import org.alliancepulse.analytics.course.SessionRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertLifecycleTest {

    /** Decisions for a weekly course with the network SD at 5: "+KIND@n" raised, "-KIND@n/RESOLUTION" resolved. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "steady dyad; 14; 90 90 90 90 90; ''",
            "a watch is shown, not alerted; 14; 90 90 90 84 90; ''",
            "rupture repaired; 14; 90 90 90 75 85 90; +RUPTURE@4 -RUPTURE@6/REPAIRED",
            "a watch confirmed at the next session; 14; 90 90 90 80 77 90; +RUPTURE@5 -RUPTURE@6/REPAIRED",
            "rupture unresolved, then a late repair; 14; 90 90 90 75 85 85 85 85 85 85 95;"
                    + " +RUPTURE@4 -RUPTURE@10/ESCALATED +UNRESOLVED_RUPTURE@10 -UNRESOLVED_RUPTURE@11/REPAIRED",
            "second rupture inside the cool-down is held back; 14; 90 90 90 75 90 75; +RUPTURE@4 -RUPTURE@5/REPAIRED",
            "then raised once the cool-down is over; 14; 90 90 90 75 90 75 75;"
                    + " +RUPTURE@4 -RUPTURE@5/REPAIRED +RUPTURE@7",
            "cool-down of exactly the gap; 7; 90 90 90 75 90 75; +RUPTURE@4 -RUPTURE@5/REPAIRED +RUPTURE@6",
            // an SRS of 28 alone (2 between-client SDs below the cut-off) gives a risk of 0.332, under 0.5
            "never high: fit concern; 14; 70 70 70 70 70 80 80 80; +FIT_CONCERN@5 -FIT_CONCERN@8/FIT_IMPROVED",
            // raised at the no-show (0.587); it holds at session 3 (0.413, not below 0.35)
            "low and missing: dropout risk; 14; 70 x 70 x; +DROPOUT_RISK@2",
    })
    void raisesAndResolvesAlertsOverACourse(String name, int cooldownDays, String course, String expected) {
        ClinicalThresholds t = Courses.withCooldownDays(cooldownDays);
        List<SessionAssessment> assessments = CourseAssessment.assess(Courses.weekly(course), 5, t);

        assertEquals(expected, format(AlertLifecycle.decide(assessments, t, Optional.empty())));
    }

    /** DROPOUT_RISK: raise at >= 0.5, clear below 0.35 (CLINICAL.md); '?' a session not recorded yet (risk 0.9). */
    @ParameterizedTest(name = "{1} (cool-down {0} d) -> {2}")
    @CsvSource(delimiter = ';', value = {
            "14; 0.1 0.4999 0.35; ''",
            "14; 0.1 0.5 0.49 0.35 0.3499; +DROPOUT_RISK@2 -DROPOUT_RISK@5/RISK_CLEARED",
            "14; 0.5 0.3499 0.6; +DROPOUT_RISK@1 -DROPOUT_RISK@2/RISK_CLEARED",
            "14; 0.5 0.3499 0.6 0.6; +DROPOUT_RISK@1 -DROPOUT_RISK@2/RISK_CLEARED +DROPOUT_RISK@4",
            "0; 0.5 0.3499 0.6; +DROPOUT_RISK@1 -DROPOUT_RISK@2/RISK_CLEARED +DROPOUT_RISK@3",
            // the colleague's 0.3 / 0.2 are below CLINICAL.md's thresholds: no alert by default
            "14; 0.3 0.45 0.2; ''",
            "14; 0.6 0.9 0.9 0.9; +DROPOUT_RISK@1",
            "14; 0.1 ? ?; ''",
    })
    void keepsDropoutRiskWithHysteresis(int cooldownDays, String risks, String expected) {
        ClinicalThresholds t = Courses.withCooldownDays(cooldownDays);

        assertEquals(expected, format(AlertLifecycle.decide(risks(risks), t, Optional.empty())));
    }

    @Test
    void anEpisodeEndingResolvesOpenAlertsAndEndsTheCourse() {
        List<SessionAssessment> assessments = risks("0.6 0.6 0.6");
        Instant closed = Courses.START.plus(Duration.ofDays(8));

        List<AlertDecision> decisions = AlertLifecycle.decide(assessments, ClinicalThresholds.defaults(),
                Optional.of(new EpisodeEnding(closed, Resolution.EPISODE_CLOSED)));

        assertEquals("+DROPOUT_RISK@1 -DROPOUT_RISK@2/EPISODE_CLOSED", format(decisions));
        assertEquals(closed, decisions.get(1).at());
    }

    @Test
    void datesEveryDecisionAtItsSessionsEventTime() {
        ClinicalThresholds t = ClinicalThresholds.defaults();
        List<AlertDecision> decisions = AlertLifecycle.decide(
                CourseAssessment.assess(Courses.weekly("90 90 90 75:45:90:90 90"), 5, t), t, Optional.empty());

        AlertDecision raised = decisions.get(0);
        assertEquals(Courses.START.plus(Duration.ofDays(21)), raised.at());
        assertEquals(raised.session().scheduledAt(), raised.at());
        assertEquals(List.of("bond fell"), raised.reasons());
    }

    @Test
    void listsTheTopFactorsOfADropoutRisk() {
        ClinicalThresholds t = ClinicalThresholds.defaults();
        List<AlertDecision> decisions = AlertLifecycle.decide(
                CourseAssessment.assess(Courses.weekly("70 x 70 x"), 5, t), t, Optional.empty());

        // raised at the no-show at session 2: -1.7 + 1.0 + 0.7 + 0.35 gives 0.587
        assertEquals(2, decisions.get(0).session().number());
        assertEquals(List.of("LOW_ALLIANCE (+1.00)", "LATEST_NO_SHOW (+0.70)", "EARLY_NO_SHOW (+0.35)"),
                decisions.get(0).reasons());
    }

    @Test
    void pairsDecisionsIntoAlerts() {
        ClinicalThresholds t = ClinicalThresholds.defaults();
        List<AlertDecision> decisions = AlertLifecycle.decide(CourseAssessment.assess(
                Courses.weekly("90 90 90 75 85 85 85 85 85 85"), 5, t), t, Optional.empty());

        List<DyadAlert> alerts = AlertLifecycle.alerts(decisions);

        assertEquals(List.of("RUPTURE 4-10 ESCALATED", "UNRESOLVED_RUPTURE 10-open"),
                alerts.stream().map(a -> a.kind() + " " + a.raisedSession().number() + "-"
                        + (a.open() ? "open" : a.resolvedSession().number() + " " + a.resolution())).toList());
    }

    private static List<SessionAssessment> risks(String line) {
        List<SessionAssessment> assessments = new ArrayList<>();
        String[] tokens = line.trim().split(" ");
        for (int i = 0; i < tokens.length; i++) {
            boolean recorded = !tokens[i].equals("?");
            SessionRef ref = new SessionRef(UUID.nameUUIDFromBytes(("s" + i).getBytes()), i + 1,
                    Courses.START.plus(Duration.ofDays(7L * i)));
            assessments.add(new SessionAssessment(ref, recorded ? Attendance.ATTENDED : Attendance.NOT_RECORDED,
                    Double.NaN, false, RuptureStatus.none(Double.NaN), false,
                    new DropoutRisk.Score(recorded ? Double.parseDouble(tokens[i]) : 0.9, List.of())));
        }
        return assessments;
    }

    private static String format(List<AlertDecision> decisions) {
        return decisions.stream().map(d -> d.action() == AlertDecision.Action.RAISED
                ? "+" + d.kind() + "@" + d.session().number()
                : "-" + d.kind() + "@" + d.session().number() + "/" + d.resolution()).collect(Collectors.joining(" "));
    }
}
